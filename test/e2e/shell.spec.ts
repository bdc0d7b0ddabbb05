/**
 * Smoke test of the shell at 360×640: Vietnamese first, English on demand, and a start with no
 * network once the app has been opened online.
 */
import { expect, test } from '@playwright/test';

test('home renders in Vietnamese and fits a 360 px screen', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Đánh giá chuyển đổi số' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('link', { name: 'Tạo đánh giá mới' })).toBeVisible();
  await expect(page.getByText('Chưa có đánh giá nào')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('settings switches to English and back, and remembers the choice', async ({ page }) => {
  await page.goto('./#/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Cài đặt' })).toBeVisible();

  await page.getByRole('radio', { name: 'English' }).check();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  await page.getByRole('radio', { name: 'Tiếng Việt' }).check();
  await expect(page.getByRole('heading', { level: 1, name: 'Cài đặt' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
});

test('after one online visit the app starts offline', async ({ page, context }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Đánh giá chuyển đổi số' })).toBeVisible();
  // Registration waits for idle time; the worker precaches, activates and claims the page.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  await expect(page.locator('.notice').getByText('Sẵn sàng dùng ngoại tuyến')).toBeVisible();

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Đánh giá chuyển đổi số' })).toBeVisible();
  // A lazily loaded screen comes from the precache too.
  await page.goto('./#/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Cài đặt' })).toBeVisible();
  await context.setOffline(false);
});

test('English is downloaded only when chosen, then kept for offline use', async ({ page, context }) => {
  await page.goto('./');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  const cachedLangUrls = () =>
    page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const req of await (await caches.open(name)).keys()) urls.push(req.url);
      }
      return urls.filter((u) => u.includes('/assets/lang/'));
    });
  expect(await cachedLangUrls()).toEqual([]);

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Digital transformation assessments' })).toBeVisible();
  await expect.poll(async () => (await cachedLangUrls()).length).toBeGreaterThan(0);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Digital transformation assessments' })).toBeVisible();
  await context.setOffline(false);
});

test('installing the app on a phone caches no reviewer or English file (what the precache bench row counts)', async ({
  page,
}) => {
  await page.goto('./');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  await expect(page.locator('.notice').getByText('Sẵn sàng dùng ngoại tuyến')).toBeVisible();
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const req of await (await caches.open(name)).keys()) urls.push(req.url);
    }
    return urls;
  });
  // The install did cache the app (the check looks at a real precache)…
  expect(cached.filter((u) => /\/assets\/.+\.js$/.test(u)).length).toBeGreaterThan(5);
  // …and nothing a commune phone never opens unless asked.
  expect(cached.filter((u) => /\/assets\/(?:reviewer|lang)\//.test(u))).toEqual([]);
});
