/**
 * A first visit on 2G: the service worker's install can take minutes, and the user may open an
 * optional area (English here; a team phone's screens the same way) before the worker controls the
 * page. Those chunks went past the worker; once it takes control the page hands it their URLs
 * (src/ui/App/sw-bridge.ts → src/sw/sw.ts cacheLoaded), so the area still opens with no signal.
 */
import { expect, test } from '@playwright/test';
import { HomePage } from './pages/home';
import { SettingsPage } from './pages/settings';

test('English chosen before the worker controlled the page still opens offline after a reload', async ({ context, page }) => {
  // The worker's script is held back, as a slow link would: the page runs uncontrolled meanwhile.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await context.route('**/sw.js', async (route) => {
    await held;
    await route.continue();
  });

  const settings = new SettingsPage(page);
  await settings.goto();
  await settings.chooseLanguage('en');
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();

  // The English chunks the page loaded, none of them cached yet (no worker so far).
  const uncached = () =>
    page.evaluate(async () => {
      const cached = new Set<string>();
      for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) cached.add(r.url);
      const loaded = performance.getEntriesByType('resource').map((e) => e.name);
      return loaded.filter((url) => url.includes('/assets/lang/en/') && !cached.has(url));
    });
  expect(await uncached()).not.toEqual([]);

  release();
  await new HomePage(page).waitUntilOfflineReady();
  // Once the worker controls the page, every one of them is in its cache.
  await expect.poll(uncached, { timeout: 15_000 }).toEqual([]);

  await context.setOffline(true);
  await page.reload();
  const offline = new SettingsPage(page, 'en');
  await offline.expectShown();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 2, name: 'Language' })).toBeVisible();
});
