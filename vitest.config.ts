import { defineConfig } from 'vitest/config'

// Tests that touch a database run once per engine: always on PGlite, and on PostgreSQL too
// when TEST_DATABASE_URL names a server (CI sets it).
const databaseTests = [
  'packages/*/src/**/*.service.test.ts',
  'packages/*/test/**/*.service.test.ts',
  'apps/server/test/**/*.test.ts',
  'apps/cli/test/**/*.test.ts',
]
// What only the embedded engine has to prove (surviving kill -9 of the one process).
const embeddedOnlyTests = ['apps/server/test-embedded/**/*.test.ts']
const engines = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts'],
          exclude: ['**/*.service.test.ts', '**/node_modules/**'],
        },
      },
      ...engines.map((engine) => ({
        extends: true as const,
        test: {
          name: engine,
          include: engine === 'pglite' ? [...databaseTests, ...embeddedOnlyTests] : databaseTests,
          env: { LB_TEST_ENGINE: engine },
        },
      })),
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['apps/web/e2e/**/*.e2e.test.ts'],
          fileParallelism: false,
        },
      },
    ],
  },
})
