/** The browser context every phone figure of the bench is measured in: a 360×640 touch phone reading Vietnamese. */
import type { BrowserContextOptions } from '@playwright/test';

export const PHONE_CONTEXT = {
  viewport: { width: 360, height: 640 },
  isMobile: true,
  hasTouch: true,
  locale: 'vi-VN',
  serviceWorkers: 'allow',
} as const satisfies BrowserContextOptions;
