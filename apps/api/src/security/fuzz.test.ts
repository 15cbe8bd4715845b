// Property-based fuzzing of every route of the OpenAPI description, for every role and anonymous, against the
// real app in-process over PGlite with the demo city: random and malformed bodies, parameters and headers.
// Never a 500, never a stack trace, always the error shape, and a refused request changes nothing.

import { schema } from '@hub/db'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestHub, TEST_ORIGIN, type TestHub } from '../testing/harness'
import { dataFingerprint } from './fingerprint'
import { fillPath, type Operation, operationsOf } from './openapi-routes'

let hub: TestHub
let ops: Operation[]
let components: Record<string, any>
const cookies = new Map<string, string | undefined>()
let ids: string[] = []
let requests = 0

const roles = ['anonymous', 'bithu', 'vanphong', 'tayho', 'quangan', 'kiemtra', 'quantri'] as const
// Routes that end the fuzzing account's own session are fuzzed anonymously only.
const sessionEnding = new Set(['/api/auth/logout', '/api/auth/logout-all', '/api/auth/password'])

beforeAll(async () => {
  hub = await createTestHub()
  for (const r of roles) cookies.set(r, r === 'anonymous' ? undefined : await hub.login(`${r}@demo.local`))
  const doc = (await hub.request('GET', '/api/openapi.json')).json
  ops = operationsOf(doc)
  components = doc.components?.schemas ?? {}
  const db = hub.dbh.db
  const pick = async (table: any) => (await db.select({ id: table.id }).from(table).limit(3)).map((r: any) => r.id)
  ids = [
    ...(await pick(schema.tasks)),
    ...(await pick(schema.directives)),
    ...(await pick(schema.meetings)),
    ...(await pick(schema.units)),
    ...(await pick(schema.modelPractices)),
    ...(await pick(schema.reports)),
    ...(await pick(schema.notifications)),
  ]
})
afterAll(async () => {
  console.log(
    `fuzz: ${requests} requests over ${ops.length} routes × ${roles.length} roles (incl. anonymous): 0 server errors, 0 changes after a refusal`,
  )
  await hub.close()
})

const hostileStrings = fc.constantFrom(
  '',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  "' or 1=1 --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  '%E0%A4%A',
  'Phiếu đi chợ – Tây Hồ',
  '9999-99-99',
  '31/02/2026',
  '-1',
  'NaN',
  'x'.repeat(100_000),
)
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), hostileStrings)
const idValue = () =>
  fc.oneof(
    fc.constantFrom(...ids),
    fc.uuid(),
    fc.constantFrom('not-a-uuid', '0', '00000000-0000-0000-0000-000000000000', 'x'.repeat(300), '\u0000', '..'),
  )
let deep: unknown = 'x'
for (let i = 0; i < 300; i++) deep = [deep]
const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constant(deep),
  fc.dictionary(text, fc.oneof(text, fc.integer(), fc.constant(null)), { maxKeys: 4 }),
)

const safeEncode = (v: string) => {
  try {
    return encodeURIComponent(v)
  } catch {
    return '%ED%A0%80'
  }
}

const resolve = (s: any): any => (s?.$ref ? resolve(components[s.$ref.split('/').pop()]) : (s ?? {}))

/** A value shaped like the schema most of the time, anything else some of the time. */
function valueFor(raw: any, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(raw)
  const variants: fc.Arbitrary<unknown>[] = [anyJson, fc.constant(null)]
  if (s.enum) variants.push(fc.constantFrom(...s.enum), fc.constantFrom(...s.enum))
  if (s.format === 'uuid') variants.push(idValue(), idValue())
  if (s.type === 'string')
    variants.push(
      text,
      text,
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    )
  if (s.type === 'integer' || s.type === 'number')
    variants.push(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.double(), fc.constant(1e308))
  if (s.type === 'boolean') variants.push(fc.boolean())
  if (s.type === 'array' && depth < 3) variants.push(fc.array(valueFor(s.items, depth + 1), { maxLength: 4 }))
  if ((s.type === 'object' || s.properties) && depth < 3)
    variants.push(objectFor(s, depth + 1), objectFor(s, depth + 1))
  for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) if (depth < 3) variants.push(valueFor(alt, depth + 1))
  return fc.oneof(...variants)
}

function objectFor(raw: any, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const s = resolve(raw)
  const props = Object.entries<any>(s.properties ?? {})
  if (!props.length) return fc.dictionary(text, anyJson, { maxKeys: 3 })
  return fc.record(Object.fromEntries(props.map(([k, v]) => [k, valueFor(v, depth)])), {
    requiredKeys: props.filter(([k]) => (s.required ?? []).includes(k)).map(([k]) => k),
  })
}

/** One request for an operation: path and query values, a body and headers, mostly plausible. */
function requestFor(op: Operation) {
  const pathValues = fc.record(
    Object.fromEntries(
      op.pathParams.map((p) => [
        p,
        p === 'type'
          ? fc.constantFrom('task', 'directive', 'meeting', 'model', 'x', '\u0000')
          : fc.oneof(idValue(), text),
      ]),
    ),
  ) as fc.Arbitrary<Record<string, string>>
  const query = fc.array(
    fc.tuple(
      op.query.length ? fc.constantFrom(...op.query) : fc.constant({ name: 'x', schema: {} }),
      fc.oneof(text, idValue(), fc.constantFrom('true', 'false', '0', '50', '-5', '1000000')),
    ),
    { maxLength: 4 },
  )
  const body = op.body
    ? fc.oneof(
        { weight: 4, arbitrary: objectFor(op.body).map((b) => JSON.stringify(b)) },
        { weight: 1, arbitrary: anyJson.map((b) => JSON.stringify(b)) },
        { weight: 1, arbitrary: fc.constantFrom('{', '{"title":', 'null', '[]', '"\\u0000"', '{"a":"\\ud800"}', '') },
      )
    : fc.option(fc.constantFrom('{}', '{"x":1}', 'garbage'), { nil: undefined })
  const contentType = fc.constantFrom(
    'application/json',
    'application/json',
    'application/json',
    'text/plain',
    undefined,
  )
  const origin = fc.constantFrom<string | null | undefined>(
    TEST_ORIGIN,
    TEST_ORIGIN,
    TEST_ORIGIN,
    null,
    'http://evil.example',
  )
  return fc.record({ pathValues, query, body, contentType, origin })
}

describe('fuzzing every route from the OpenAPI description', () => {
  it('never answers 500 or a stack trace, keeps the error shape, and changes nothing when it refuses', async () => {
    expect(ops.length).toBeGreaterThan(50)
    for (const op of ops)
      for (const role of roles) {
        if (role !== 'anonymous' && sessionEnding.has(op.path)) continue
        if (op.bodyType && !op.bodyType.includes('json')) continue
        await fc.assert(
          fc.asyncProperty(requestFor(op), async (r) => {
            const qs = r.query.map(([p, v]) => `${p.name}=${safeEncode(String(v))}`).join('&')
            const url = `${fillPath(op.path, r.pathValues)}${qs ? `?${qs}` : ''}`
            const headers: Record<string, string> = { host: 'hub.test' }
            if (r.origin) headers.origin = r.origin
            if (r.contentType) headers['content-type'] = r.contentType
            const cookie = cookies.get(role)
            if (cookie) headers.cookie = cookie
            const before = await dataFingerprint(hub.dbh.db)
            const res = await hub.app.request(`http://hub.test${url}`, {
              method: op.method,
              headers,
              body: op.method === 'GET' ? undefined : r.body,
            })
            requests++
            const body = await res.text()
            const where = `${role} ${op.method} ${url.slice(0, 200)} → ${res.status} ${body.slice(0, 200)}`
            expect(res.status < 500 || (op.path === '/api/ready' && res.status === 503), where).toBe(true)
            expect(/\n\s+at |node_modules|\bError: /.test(body), where).toBe(false)
            if (res.status >= 400 && res.headers.get('content-type')?.includes('json')) {
              const err = JSON.parse(body).error
              expect(typeof err?.code === 'string' && typeof err?.message === 'string', where).toBe(true)
            }
            if (res.status >= 400) expect(await dataFingerprint(hub.dbh.db), where).toBe(before)
          }),
          { numRuns: 5, endOnFailure: true },
        )
      }
    console.log(
      `fuzz: ${requests} requests over ${ops.length} routes × ${roles.length} roles (incl. anonymous): 0 server errors, 0 changes after a refusal`,
    )
  }, 600_000)
})
