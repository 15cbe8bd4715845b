/** One operation of the hub's OpenAPI description, as the security suites drive it. */
export interface Operation {
  method: string
  path: string
  pathParams: string[]
  query: { name: string; schema: Record<string, unknown> }[]
  body: Record<string, unknown> | null
  bodyType: string | null
}

/** Every operation in /api/openapi.json. */
export function operationsOf(doc: { paths: Record<string, Record<string, any>> }): Operation[] {
  const out: Operation[] = []
  for (const [path, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops)) {
      const params: { in: string; name: string; schema?: Record<string, unknown> }[] = op.parameters ?? []
      const content = op.requestBody?.content ?? {}
      const bodyType = Object.keys(content)[0] ?? null
      out.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        body: bodyType ? (content[bodyType].schema ?? {}) : null,
        bodyType,
      })
    }
  return out
}

/** Fills `{name}` placeholders of an OpenAPI path. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    try {
      return encodeURIComponent(values[name] ?? 'x')
    } catch {
      // An unpaired surrogate has no UTF-8 form: send the bytes a careless client would (CESU-8).
      return '%ED%A0%80'
    }
  })
}
