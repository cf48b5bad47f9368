import { defineConfig } from 'vitest/config';

// Two projects: `unit` needs nothing but Node; `site` checks the built site in dist/ and builds it
// first when the sources are newer than the last build. Browser suites (tests/e2e) are Playwright's.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/site/**', 'node_modules/**'],
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          globalSetup: ['tests/site/build-if-stale.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
