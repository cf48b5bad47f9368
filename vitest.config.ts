import { defineConfig } from 'vitest/config';

// Unit and integration suites live in tests/; browser suites (tests/e2e) belong to Playwright.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
  },
});
