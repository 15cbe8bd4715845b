import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Browser tests: one hub per file, one file at a time (each seeds a city into its own data folder).
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
})
