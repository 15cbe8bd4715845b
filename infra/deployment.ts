// The settings every multi-process deployment shares: the cluster script (infra/cluster.ts) starts
// processes with them, and test/integration/deployment.test.ts checks the compose file, the systemd
// unit and the nginx configuration against them, so the files a city's IT team runs stay true to
// what the tests run.
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const infraDir = dirname(fileURLToPath(import.meta.url))
export const repoRoot = resolve(infraDir, '..')

/** How a hub process is started (from the repository root). */
export const hubCommand = ['--import', 'tsx', 'apps/api/src/main.ts'] as const

/** Liveness: the process answers. */
export const livenessPath = '/api/health'
/** Readiness: database and Redis reachable, migrations applied; traffic only after 200. */
export const readinessPath = '/api/ready'

/** The parts of a deployment, by role: one database, one Redis, N hub processes, one proxy. */
export const clusterRoles = ['postgres', 'redis', 'hub', 'nginx'] as const

/**
 * The environment of every hub process behind the proxy. A PostgreSQL database is never seeded
 * (the demo city only on request), the proxy's X-Forwarded-For is trusted, production mode.
 */
export function hubEnvironment(p: { port: number; host: string; databaseUrl: string; redisUrl: string }) {
  return {
    PORT: String(p.port),
    HOST: p.host,
    DATABASE_URL: p.databaseUrl,
    REDIS_URL: p.redisUrl,
    HUB_SEED_DEMO: 'never',
    TRUST_PROXY: 'true',
    NODE_ENV: 'production',
  }
}

/** The keys of hubEnvironment whose values do not depend on the machine. */
export const fixedHubEnvironment = (({ HUB_SEED_DEMO, TRUST_PROXY, NODE_ENV }) => ({
  HUB_SEED_DEMO,
  TRUST_PROXY,
  NODE_ENV,
}))(hubEnvironment({ port: 0, host: '', databaseUrl: '', redisUrl: '' }))

/** The proxy configuration from infra/nginx/hub.conf.template for a listen address and the hub processes. */
export function renderNginx(p: { state: string; listen: string; upstreams: { host: string; port: number }[] }) {
  return readFileSync(join(infraDir, 'nginx', 'hub.conf.template'), 'utf8')
    .replaceAll('{{STATE}}', p.state)
    .replaceAll('{{LISTEN}}', p.listen)
    .replace(
      '{{UPSTREAMS}}',
      p.upstreams.map((u) => `    server ${u.host}:${u.port} max_fails=1 fail_timeout=2s;`).join('\n'),
    )
}

/** The hub processes of infra/compose.yaml: container port and names (compose resolves them). */
export const composeHubs = { count: 2, port: 3000, names: ['hub-1', 'hub-2'] }

/** infra/nginx/compose.conf: the template rendered for the compose file's nginx container. */
export function composeNginxConf() {
  return renderNginx({
    state: '/var/cache/nginx',
    listen: '80',
    upstreams: composeHubs.names.map((host) => ({ host, port: composeHubs.port })),
  })
}
