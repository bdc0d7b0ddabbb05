import { defineConfig } from 'vitest/config';

// Unit and property tests. End-to-end tests (test/e2e) run under Playwright instead.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
