// The API's response contracts in one place: plain zod schemas of what each endpoint answers. The API's
// routes name them for the OpenAPI document (`z.object(xSchema.shape).openapi('X')`, as routes/tasks.ts
// does with taskViewSchema); the web app infers its types from them (`import type`, no zod at runtime).
export * from './directives'
export * from './people'
export * from './records'
