// The Vitest config of the browser tests (`npx vitest run --config test/vitest.e2e.config.ts`): one hub per
// file, one file at a time (each seeds a city into its own data folder).

import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

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
