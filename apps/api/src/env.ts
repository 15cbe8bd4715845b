// The hub's settings: every environment variable it reads, validated once at start into one typed
// object that main.ts and the command-line tools pass on.

import { z } from 'zod'

const servicesSchema = z
  .string()
  .default('api,collab')
  .transform(
    (s) =>
      new Set(
        s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      ),
  )
  .refine((set) => [...set].every((x) => x === 'api' || x === 'collab'), {
    message: 'SERVICES lists api and/or collab',
  })

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  HUB_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  REDIS_URL: z.string().url().optional(),
  SERVICES: servicesSchema,
  HUB_DEMO_PASSWORD: z.string().min(4).default('demo1234'),
  /** The 2021 city of the lockdown (default: the city the contract's checks read), or 'today': through Hà Nội's 2025 reform to today. */
  HUB_DEMO_TREE: z.enum(['today', '2021']).default('2021'),
  /** The hub's public URL (https://hub.example.vn); writes must come from this origin. */
  PUBLIC_URL: z.string().url().optional(),
  /** Set when the hub runs behind the project's nginx (or another proxy that appends X-Forwarded-For). */
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Seed the demo city on start even with DATABASE_URL (test clusters); never on by default. */
  HUB_SEED_DEMO: z.enum(['auto', 'never', 'always']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
  /** How often the scheduler looks for due, overdue and unreported tasks. */
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(1000).default(60_000),
  /**
   * Bearer token that GET /metrics (Prometheus) requires; unset, /metrics is off (404). The
   * project's nginx never forwards /metrics, so Prometheus scrapes each process on its own port.
   */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Where the built web app lives; defaults to apps/web/dist. */
  WEB_DIST: z.string().optional(),
})

export type Env = z.infer<typeof envSchema>

/** Every setting the hub reads (infra/.env.example lists each; a test keeps them in step). */
export const settingNames = Object.keys(envSchema.shape) as (keyof Env)[]

/** Reads and validates the environment once; nothing else touches process.env. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== '')))
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`Invalid configuration: ${problems}`)
  }
  return parsed.data
}
