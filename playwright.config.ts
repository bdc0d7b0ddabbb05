// End-to-end journeys at a cheap phone's size (360×640, touch, vi-VN) against the REAL server
// (src/server/main.ts: API + the built PWA) on a fresh SQLite database per run. `npm test` builds
// dist/ first (`npm run build`); the web server below only starts the server, it builds nothing.
// Chromium: Debian's /usr/bin/chromium when present, else PLAYWRIGHT_CHROMIUM, else Playwright's own.
import { defineConfig } from '@playwright/test';
import { ADMIN_PASSWORD, BASE_URL, E2E_PORT, launchOptions, phone } from './test/e2e/env';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  // Spec files run side by side (one per worker); the tests inside a file run in order.
  // Each file works on its own province and accounts, so they never see each other's data.
  fullyParallel: false,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  // A flaky journey is a bug to fix, not to retry.
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  // The JSON results feed RELIABILITY.md (test/faults/report.ts, run by `npm test`).
  reporter: [
    ['list'],
    ['json', { outputFile: '.tmp/test-results/playwright.json' }],
    ...(process.env.CI ? [['html', { open: 'never' }] as const] : []),
  ],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    serviceWorkers: 'allow',
  },
  projects: [
    {
      name: 'phone-360',
      use: { browserName: 'chromium', ...phone, launchOptions },
    },
  ],
  webServer: {
    command: 'node --import tsx test/e2e/server.ts',
    url: `${BASE_URL}api/v1/health`,
    env: { PORT: String(E2E_PORT), HOST: '127.0.0.1', XASO_ADMIN_PASSWORD: ADMIN_PASSWORD },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
});
