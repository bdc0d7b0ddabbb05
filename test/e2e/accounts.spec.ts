/**
 * Account management on the reviewer side (issue #9), at 1280×800: the admin sees each account's
 * state and last sign-in, disables a reviewer (whose open session ends at once), enables it again
 * and resets its password to a temporary one; axe on the screen after each step.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createReviewer, signIn } from './api';
import { ADMIN_PASSWORD, BASE_URL, desktop } from './env';
import { ReviewerApp } from './pages/reviewer';
import { tx } from './pages/text';

const t = (key: string, vars: Record<string, string | number> = {}) => tx('reviewer', key, vars);

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`);
  expect.soft(serious, `${screen}: serious or critical axe violations`).toEqual([]);
}

test('the admin disables, enables and resets a reviewer account from the accounts screen', async ({ browser }) => {
  const account = await createReviewer('52', 'acct');
  const reviewerToken = await signIn(account.username, account.password);
  const context = await browser.newContext({ ...desktop, baseURL: BASE_URL });
  try {
    const page = await context.newPage();
    const admin = new ReviewerApp(page);
    await admin.signIn('admin', ADMIN_PASSWORD);
    await page.goto('./#/review/users');
    const list = page.getByRole('region', { name: t('accounts.title') });
    const row = list.getByRole('row').filter({ has: page.getByRole('rowheader', { name: account.username, exact: true }) });
    await expect(row.getByRole('cell', { name: t('accounts.active'), exact: true })).toBeVisible();
    await expect(row.getByRole('cell', { name: t('accounts.never'), exact: true })).toHaveCount(0);
    await expectAccessible(page, 'accounts');

    await row.getByRole('button', { name: t('accounts.disable', { name: account.username }) }).click();
    await expect(row.getByRole('cell', { name: t('accounts.disabled'), exact: true })).toBeVisible();
    const me = await fetch(new URL('api/v1/sessions/current', BASE_URL), {
      headers: { authorization: `Bearer ${reviewerToken}` },
    });
    expect(me.status).toBe(401);

    await row.getByRole('button', { name: t('accounts.enable', { name: account.username }) }).click();
    await expect(row.getByRole('cell', { name: t('accounts.active'), exact: true })).toBeVisible();

    await row.getByRole('button', { name: t('accounts.reset', { name: account.username }) }).click();
    await row.getByLabel(t('accounts.temporary', { name: account.username })).fill('a-temporary-pass-1');
    await row.getByRole('button', { name: t('accounts.resetConfirm'), exact: true }).click();
    await expect(row.getByRole('cell', { name: t('accounts.mustChange'), exact: true })).toBeVisible();
    await expectAccessible(page, 'accounts after the changes');
  } finally {
    await context.close();
  }
});
