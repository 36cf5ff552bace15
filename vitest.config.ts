import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Two projects, one run (`npm run test:unit`): every test on SQLite, and the integration
 * tests (tests/) again on Postgres — the same tests with the other database setup, so no
 * query works on one and breaks on the other. The Postgres project starts a throwaway
 * cluster (tests/support/postgres-global-setup.ts); tests/support/db.ts gives each test
 * file a fresh database on it. `npx vitest run --project sqlite` runs one of them.
 */
export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // The 'server-only' marker throws outside React Server builds; tests run on the server.
      'server-only': path.resolve(import.meta.dirname, 'tests/support/empty.ts'),
    },
  },
  test: {
    environment: 'node',
    setupFiles: ['tests/support/setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: 'sqlite', include: ['lib/**/*.test.ts', 'app/**/*.test.ts', 'tests/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['tests/**/*.test.ts'],
          exclude: [
            'tests/docs.test.ts',
            'tests/layers.test.ts',
            'tests/ui-glyphs.test.ts',
            'tests/step-references.test.ts',
            'tests/corpus/**',
          ],
          globalSetup: ['tests/support/postgres-global-setup.ts'],
          // initdb and the first connections take a while on a busy machine.
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
