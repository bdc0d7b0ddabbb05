/**
 * The first screen's CSS travels inside index.html (vite.config.ts, inlineFirstScreenCss) and the
 * server's CSP allows that <style> by hash (src/server/inline-styles.ts). A wrong hash would leave
 * the page unstyled without failing anything else: this checks the style applies, with no CSP
 * violation, and that opening a lazy screen does not fetch the first screen's CSS again.
 */
import { expect, test } from '@playwright/test';

test('the inlined first-screen style applies under the CSP, with no stylesheet request', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const stylesheets: string[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'stylesheet') stylesheets.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  const response = await page.goto('./');
  expect(response?.headers()['content-security-policy']).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/]+=*'/);
  await expect(page.getByRole('heading', { level: 1, name: 'Đánh giá chuyển đổi số' })).toBeVisible();
  // global.css: the page background and the brand-green header bar.
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(244, 246, 245)');
  expect(await page.evaluate(() => document.querySelectorAll('link[rel="stylesheet"]').length)).toBe(0);
  expect(stylesheets).toEqual([]);

  // A lazy screen brings its own CSS, never the first screen's again.
  await page.goto('./#/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Cài đặt' })).toBeVisible();
  expect(stylesheets.length).toBeGreaterThan(0);
  for (const sheet of stylesheets) expect(sheet).toMatch(/^200 \/assets\/(?!index-)[\w-]+\.css$/);
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
});
