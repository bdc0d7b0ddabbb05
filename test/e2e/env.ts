/**
 * What the end-to-end run shares between playwright.config.ts and the specs: the test server's
 * port and admin password, the Chromium to launch, and the phone the journeys run on.
 */
import { existsSync } from 'node:fs';
import type { BrowserContextOptions, LaunchOptions } from '@playwright/test';

/** A fixed port for the test server (not 8080, so a developer's `npm start` can keep running). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4310);
export const BASE_URL = `http://127.0.0.1:${E2E_PORT}/`;
/** User "admin" gets this password on the fresh test database (XASO_ADMIN_PASSWORD). */
export const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD ?? 'e2e-admin-password-2026';

/** Debian's Chromium when present (Playwright cannot download its own everywhere), else Playwright's. */
export const launchOptions: LaunchOptions = {
  executablePath: process.env.PLAYWRIGHT_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
};

/** A cheap Android phone: 360×640, touch, Vietnamese. */
export const phone: BrowserContextOptions = {
  viewport: { width: 360, height: 640 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'vi-VN',
  timezoneId: 'Asia/Ho_Chi_Minh',
};

/** The provincial reviewer's office PC. */
export const desktop: BrowserContextOptions = {
  viewport: { width: 1280, height: 800 },
  isMobile: false,
  hasTouch: false,
  locale: 'vi-VN',
  timezoneId: 'Asia/Ho_Chi_Minh',
};
