// A documented JSON operation of a resource router in one call: method and path, summary, request,
// its success answer and the contract's error responses it may give (router.ts's `errorsFor`).
import { createRoute, type RouteConfig } from '@hono/zod-openapi'
import { type errors, errorsFor } from './router'

type Spec = Omit<RouteConfig, 'method' | 'path' | 'tags' | 'summary' | 'responses'>
type Method = RouteConfig['method']

/**
 * The operations of a router under one OpenAPI tag:
 * `op('get /{id}/photos', 'Ảnh / Photos', { 200: json(schema, 'Oldest first') }, [401, 404], { request })`.
 */
export function operations(tag: string) {
  return <
    const M extends Method,
    const P extends string,
    const A extends RouteConfig['responses'],
    const E extends keyof typeof errors,
    const S extends Spec = Record<never, never>,
  >(
    route: `${M} ${P}`,
    summary: string,
    answers: A,
    statuses: E[],
    spec?: S,
  ) => {
    const [method, path] = route.split(' ') as [M, P]
    return createRoute({
      ...(spec as S),
      method,
      path,
      tags: [tag],
      summary,
      responses: { ...answers, ...errorsFor(...statuses) },
    })
  }
}
