/**
 * Issue #10 item 8: the reviewer area can be found from settings on the phone (and at /review), and once signed
 * in, the bar names the reviewer's province ("Tỉnh Lào Cai"), not its code ("mã 15").
 */
import { expect, test } from '@playwright/test';
import { createReviewer } from './api';
import { BASE_URL, desktop } from './env';
import { ReviewerApp } from './pages/reviewer';
import { SettingsPage } from './pages/settings';
import { tx } from './pages/text';

test('settings lead to the reviewer area, and the bar names the province', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const settings = new SettingsPage(page);
  await settings.goto();
  await page.getByRole('link', { name: tx('settings', 'reviewer.open'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: tx('reviewer', 'signIn.title') })).toBeVisible();

  // "/review" typed in the address bar opens the reviewer area too.
  await page.goto('/review');
  await expect(page).toHaveURL(/\/#\/review(\/|$)/u);
  await expect(page.getByRole('heading', { level: 1, name: tx('reviewer', 'signIn.title') })).toBeVisible();

  const account = await createReviewer('15', 'entry');
  const office = await browser.newContext({ ...desktop, baseURL: BASE_URL });
  try {
    const reviewer = new ReviewerApp(await office.newPage());
    await reviewer.signIn(account.username, account.password);
    await expect(reviewer.nav).toContainText(
      tx('reviewer', 'nav.signedIn', { name: account.username, province: 'Tỉnh Lào Cai' }),
    );
    await expect(reviewer.nav).not.toContainText('mã 15');

    // "Sẵn sàng dùng ngoại tuyến" appears once the worker is installed; it never covers a row.
    // (No reload: the notice shows once per device, and signing in lands on the communes.)
    await expect(reviewer.communeTable).toBeVisible();
    // The visible notice (the same words also go to the screen reader's live region, #announcer).
    const notice = reviewer.page.locator('.app-notices').getByText(tx('common', 'sw.offlineReady'), { exact: true });
    await expect(notice).toBeVisible({ timeout: 30_000 });
    const covered = await reviewer.page.evaluate(() => {
      const n = document.querySelector('.app-notices')?.getBoundingClientRect();
      if (!n) return ['no notices'];
      return [...document.querySelectorAll('table tr')]
        .map((tr) => tr.getBoundingClientRect())
        .filter((r) => r.bottom > n.top && r.top < n.bottom && r.top < innerHeight)
        .map((r) => `row at ${Math.round(r.top)}–${Math.round(r.bottom)}`);
    });
    expect(covered).toEqual([]);
  } finally {
    await office.close();
  }
});
