/**
 * What a log line may say about an error: its type, its message without the statement's parameter
 * values (drizzle puts them in the message as "params: …"), the driver's error code and the first
 * frames of the stack. Parameter values carry what users typed (passwords included) and never go
 * to the log.
 */
export function loggableError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err).slice(0, 200) }
  const out: Record<string, unknown> = {
    type: err.name,
    message: withoutParams(err.message),
    stack: (err.stack ?? '')
      .split('\n')
      .filter((l) => l.trimStart().startsWith('at '))
      .slice(0, 8)
      .join('\n'),
  }
  const cause = (err as { cause?: unknown }).cause
  // The driver quotes the offending value in its message ('invalid input syntax for type integer: "…"').
  if (cause instanceof Error)
    out.cause = {
      type: cause.name,
      message: withoutParams(cause.message).replace(/"[^"]*"/g, '"…"'),
      code: (cause as { code?: unknown }).code,
    }
  return out
}

const withoutParams = (message: string) => message.split(/\nparams:/)[0]!.slice(0, 2000)

/** pino serializers that keep parameter values out of every logged error. */
export const safeSerializers = { err: loggableError, error: loggableError }
