// The deployment files a city's IT team runs are checked against the settings the cluster script starts the
// tested cluster with (infra/deployment.ts), so they cannot drift from what is tested.

import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { settingNames } from '../../apps/api/src/env'
import { HubMetrics } from '../../apps/api/src/services/prometheus'
import {
  clusterRoles,
  composeHubs,
  composeNginxConf,
  fixedHubEnvironment,
  hubCommand,
  infraDir,
  readinessPath,
  renderNginx,
} from '../../infra/deployment'

const read = (p: string) => readFileSync(join(infraDir, p), 'utf8')

type Service = {
  image?: string
  build?: unknown
  environment?: Record<string, string>
  healthcheck?: { test: string[] }
  depends_on?: Record<string, { condition: string }>
  ports?: string[]
  volumes?: string[]
}
const compose = parse(read('compose.yaml'), { merge: true }) as { services: Record<string, Service> }
const services = compose.services
const hubNames = Object.keys(services).filter((n) => n.startsWith('hub-'))

/** Settings of a systemd unit: key → every value given (Environment= repeats). */
function unit(text: string) {
  const out = new Map<string, string[]>()
  for (const line of text.split('\n')) {
    const m = /^([A-Za-z]+)=(.*)$/.exec(line.trim())
    if (m) out.set(m[1]!, [...(out.get(m[1]!) ?? []), m[2]!])
  }
  return out
}

describe('infra/compose.yaml', () => {
  it('runs the roles of the cluster script: PostgreSQL, Redis, N hub processes, nginx', () => {
    const roles = new Set(Object.keys(services).map((n) => (n.startsWith('hub-') ? 'hub' : n)))
    expect([...roles].sort()).toEqual([...clusterRoles].sort())
    expect(hubNames).toEqual(composeHubs.names)
    expect(hubNames).toHaveLength(composeHubs.count)
  })

  it('starts every hub process with the environment the cluster script gives its processes', () => {
    for (const name of hubNames) {
      const env = services[name]!.environment!
      expect(env).toMatchObject(fixedHubEnvironment)
      expect(env.PORT).toBe(String(composeHubs.port))
      expect(env.HOST).toBe('0.0.0.0')
      // The database and Redis are the compose file's own services.
      expect(new URL(env.DATABASE_URL!.replace(/\$\{[^}]+\}/, 'x')).host).toBe('postgres:5432')
      expect(new URL(env.REDIS_URL!).host).toBe('redis:6379')
      // Every variable is a setting the hub reads (a misspelt one would be silently ignored).
      for (const key of Object.keys(env)) expect(settingNames).toContain(key)
      expect(env.PUBLIC_URL).toMatch(/\$\{PUBLIC_URL:\?/)
    }
  })

  it('routes traffic only to ready processes: readiness checks and start order', () => {
    for (const name of hubNames) {
      const s = services[name]!
      expect(s.healthcheck!.test.join(' ')).toContain(`http://127.0.0.1:${composeHubs.port}${readinessPath}`)
      expect(s.depends_on).toEqual({
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
      })
    }
    expect(services.postgres!.healthcheck!.test.join(' ')).toContain('pg_isready')
    expect(services.redis!.healthcheck!.test).toContain('ping')
    expect(Object.keys(services.nginx!.depends_on!).sort()).toEqual([...hubNames].sort())
    for (const d of Object.values(services.nginx!.depends_on!)) expect(d.condition).toBe('service_healthy')
    // Only the proxy is published; processes, database and Redis stay on the compose network.
    for (const [name, s] of Object.entries(services)) if (name !== 'nginx') expect(s.ports).toBeUndefined()
    expect(services.nginx!.ports).toEqual(['80:80'])
  })

  it("gives nginx the cluster script's template rendered for these processes", () => {
    expect(services.nginx!.volumes).toContain('./nginx/compose.conf:/etc/nginx/nginx.conf:ro')
    const conf = read('nginx/compose.conf')
    expect(conf).toBe(composeNginxConf())
    const upstreams = [...conf.matchAll(/^\s*server (\S+) /gm)].map((m) => m[1])
    expect(upstreams).toEqual(hubNames.map((n) => `${n}:${composeHubs.port}`))
    expect(conf).toMatch(/location = \/metrics \{ return 404; \}/)
  })

  it('builds an image that starts the hub as the cluster script does', () => {
    const cmd = /^CMD (.+)$/m.exec(read('Dockerfile'))![1]!
    expect(JSON.parse(cmd)).toEqual(['node', ...hubCommand])
  })
})

describe('infra/systemd/hub@.service', () => {
  const u = unit(read('systemd/hub@.service'))
  it("starts a process with the cluster script's command, environment and readiness check", () => {
    const env = Object.fromEntries(u.get('Environment')!.map((e) => e.split('=', 2) as [string, string]))
    expect(env).toEqual({ PORT: '%i', HOST: '127.0.0.1', ...fixedHubEnvironment })
    for (const key of Object.keys(env)) expect(settingNames).toContain(key)
    expect(u.get('ExecStart')).toEqual([`/usr/bin/node ${hubCommand.join(' ')}`])
    expect(u.get('ExecStartPost')![0]).toContain(`http://127.0.0.1:%i${readinessPath}`)
    expect(u.get('EnvironmentFile')).toEqual(['/etc/hub/hub.env'])
    // Longer than the hub's own 10 s shutdown bound, so a clean stop is never cut short.
    expect(Number.parseInt(u.get('TimeoutStopSec')![0]!, 10)).toBeGreaterThan(10)
  })
})

describe('infra/.env.example', () => {
  const text = read('.env.example')
  const listed = [...text.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!)
  it('lists every setting of apps/api/src/env.ts once, and nothing it does not read', () => {
    expect(new Set(listed).size).toBe(listed.length)
    expect(listed.filter((k) => k !== 'POSTGRES_PASSWORD').sort()).toEqual([...settingNames].sort())
  })
  it('defines every variable the compose file interpolates', () => {
    const used = [...read('compose.yaml').matchAll(/\$\{([A-Z_]+)/g)].map((m) => m[1]!)
    for (const v of new Set(used)) expect(listed).toContain(v)
  })
})

describe('the cluster script', () => {
  it('starts its processes and proxy from the same settings', () => {
    const script = read('cluster.ts')
    expect(script).toContain('hubEnvironment({ port, host: ')
    expect(script).toContain('spawn(process.execPath, [...hubCommand]')
    expect(script).toContain('renderNginx({')
    expect(script).toContain('readinessPath')
  })

  it('renders an nginx configuration that nginx accepts', () => {
    const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p))
    if (!nginx) return // the cluster tests install nginx; this check runs wherever it is present
    const state = mkdtempSync(join(tmpdir(), 'hub-nginx-'))
    try {
      const conf = join(state, 'nginx.conf')
      writeFileSync(
        conf,
        renderNginx({ state, listen: '127.0.0.1:18080', upstreams: [{ host: '127.0.0.1', port: 18081 }] }),
      )
      execFileSync(nginx, ['-t', '-q', '-p', state, '-c', conf, '-e', join(state, 'error.log')], { stdio: 'pipe' })
    } finally {
      rmSync(state, { recursive: true, force: true })
    }
  })
})

const exposed = new HubMetrics(null).registry.getMetricsAsArray().map((m) => m.name)
/** Whether a series name (a family, or a histogram's _bucket, _sum or _count) is one the hub exposes. */
const exposes = (name: string) => exposed.includes(name) || exposed.includes(name.replace(/_(bucket|sum|count)$/, ''))
const familiesIn = (expr: string) => [...expr.matchAll(/\b((?:hub|nodejs|process)_[a-z0-9_]+)/g)].map((m) => m[1]!)

describe('infra/grafana/hub-dashboard.json', () => {
  const dashboard = JSON.parse(read('grafana/hub-dashboard.json')) as {
    panels: { type: string; targets?: { expr: string }[] }[]
  }
  const exprs = dashboard.panels.flatMap((p) => p.targets ?? []).map((t) => t.expr)
  const used = new Set(
    exprs.flatMap((e) => [...e.matchAll(/\b((?:hub|nodejs|process)_[a-z0-9_]+)/g)].map((m) => m[1]!)),
  )

  it('charts only families the hub exposes', () => {
    for (const name of used) expect(exposes(name), name).toBe(true)
  })

  it('charts every family an operator watches', () => {
    for (const family of [
      'hub_http_requests_total',
      'hub_http_request_duration_seconds_bucket',
      'nodejs_eventloop_lag_p99_seconds',
      'hub_db_pool_connections',
      'hub_db_queries_in_flight',
      'hub_collab_documents_open',
      'hub_collab_connections',
      'hub_collab_updates_in_total',
      'hub_collab_durability_lag_seconds_bucket',
      'hub_collab_fanout_lag_seconds_bucket',
      'hub_outbox_backlog',
      'hub_outbox_delivery_lag_seconds_bucket',
      'hub_live_connections',
      'hub_scheduler_runs_total',
      'hub_scheduler_leader',
      'hub_login_throttle_refusals_total',
    ])
      expect(used, family).toContain(family)
  })
})

describe('infra/prometheus', () => {
  it('alerts only on families the hub exposes', () => {
    const rules = (parse(read('prometheus/alerts.yaml')) as { groups: { rules: { alert: string; expr: string }[] }[] })
      .groups[0]!.rules
    expect(rules.length).toBeGreaterThan(5)
    for (const r of rules)
      for (const name of familiesIn(r.expr)) expect(exposes(name), `${r.alert}: ${name}`).toBe(true)
  })

  it('scrapes with the bearer token and loads the alerts', () => {
    const conf = parse(read('prometheus/prometheus.yml')) as {
      rule_files: string[]
      scrape_configs: { authorization: { type: string }; static_configs: unknown[] }[]
    }
    expect(conf.rule_files).toEqual(['alerts.yaml'])
    expect(conf.scrape_configs[0]!.authorization.type).toBe('Bearer')
  })
})
