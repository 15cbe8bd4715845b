// The root Vitest config (`npx vitest run`): unit and integration tests of every package and app, and the
// fault tests; browser tests run from test/vitest.e2e.config.ts.

import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: [
      'packages/**/src/**/*.test.ts',
      'apps/**/src/**/*.test.ts',
      'test/integration/**/*.test.ts',
      // Real processes under injected faults (database, Redis, disk, kill -9, slow clients).
      'test/fault/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', '**/dist/**'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
