/**
 * Account management on the reviewer side (issue #9), at 1280×800: the admin sees each account's
 * state and last sign-in, disables a reviewer (whose open session ends at once), enables it again
 * and resets its password to a temporary one; the user then signs in with it and must choose a new
 * one before the area opens; a reviewer revokes an unused enrollment code and a phone of their
 * province from the Communes screen. Axe on the screen after each step.
 */
import { expect, test } from '@playwright/test';
import { createReviewer, enrollPhone, issueEnrollmentCode, signIn } from './api';
import { expectAccessible } from './axe';
import { ADMIN_PASSWORD, BASE_URL, desktop } from './env';
import { ReviewerApp } from './pages/reviewer';
import { literal, tx } from './pages/text';
import { province } from './units';

const t = (key: string, vars: Record<string, string | number> = {}) => tx('reviewer', key, vars);

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

test('after a reset the user signs in with the temporary password, must choose a new one, and is in', async ({ browser }) => {
  const account = await createReviewer('52', 'chg');
  const temporary = 'a-temporary-pass-2';
  const chosen = 'my-own-new-password-3';
  const adminContext = await browser.newContext({ ...desktop, baseURL: BASE_URL });
  const userContext = await browser.newContext({ ...desktop, baseURL: BASE_URL });
  try {
    const adminPage = await adminContext.newPage();
    await new ReviewerApp(adminPage).signIn('admin', ADMIN_PASSWORD);
    await adminPage.goto('./#/review/users');
    const row = adminPage
      .getByRole('region', { name: t('accounts.title') })
      .getByRole('row')
      .filter({ has: adminPage.getByRole('rowheader', { name: account.username, exact: true }) });
    await row.getByRole('button', { name: t('accounts.reset', { name: account.username }) }).click();
    await row.getByLabel(t('accounts.temporary', { name: account.username })).fill(temporary);
    await row.getByRole('button', { name: t('accounts.resetConfirm'), exact: true }).click();
    await expect(row.getByRole('cell', { name: t('accounts.mustChange'), exact: true })).toBeVisible();

    const page = await userContext.newPage();
    const user = new ReviewerApp(page);
    await page.goto('./#/review/sign-in');
    await user.expectSignIn();
    await page.getByRole('textbox', { name: t('signIn.username') }).fill(account.username);
    await page.getByLabel(t('signIn.password'), { exact: true }).fill(temporary);
    await page.getByRole('button', { name: t('signIn.submit'), exact: true }).click();

    await expect(page.getByRole('heading', { level: 1, name: t('changePassword.title') })).toBeVisible();
    await expect(user.nav).toHaveCount(0);
    // The temporary password was just typed: it is not asked for again.
    await expect(page.getByLabel(t('changePassword.current'), { exact: true })).toHaveCount(0);
    await expectAccessible(page, 'choose a new password');

    await page.getByLabel(t('changePassword.new'), { exact: true }).fill(chosen);
    await page.getByLabel(t('changePassword.repeat'), { exact: true }).fill(`${chosen}x`);
    await page.getByRole('button', { name: t('changePassword.submit'), exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: t('changePassword.mismatch') })).toBeVisible();
    await expectAccessible(page, 'choose a new password, the two differ');

    await page.getByLabel(t('changePassword.repeat'), { exact: true }).fill(chosen);
    await page.getByRole('button', { name: t('changePassword.submit'), exact: true }).click();
    await expect(user.nav).toBeVisible();
    await expect(user.communeTable).toBeVisible();
    await expectAccessible(page, 'communes after the password change');

    expect(await signInStatus(account.username, temporary)).toBe(401);
    expect(await signInStatus(account.username, chosen)).toBe(201);
  } finally {
    await adminContext.close();
    await userContext.close();
  }
});

test('a reviewer revokes an unused enrollment code and a phone of their province', async ({ browser }) => {
  const account = await createReviewer('52', 'rvk');
  const token = await signIn(account.username, account.password);
  const commune = province('52').communes[3]!;
  const unused = await issueEnrollmentCode(token, commune.code);
  const phoneLabel = 'Điện thoại cán bộ văn hóa';
  const deviceToken = await enrollPhone((await issueEnrollmentCode(token, commune.code)).code, phoneLabel);
  const context = await browser.newContext({ ...desktop, baseURL: BASE_URL });
  try {
    const page = await context.newPage();
    const reviewer = new ReviewerApp(page);
    await reviewer.signIn(account.username, account.password);
    await reviewer.gotoCommunes();
    await reviewer.findCommune(commune.name, commune.name);
    await page.getByRole('button', { name: t('access.buttonFor', { commune: commune.name }) }).click();
    const dialog = page.getByRole('dialog', { name: t('access.title', { commune: commune.name }) });
    await expect(dialog).toBeVisible();
    // The used code is not listed; the unused one is, and the enrolled phone.
    const revokeCode = dialog.getByRole('button', {
      name: new RegExp(`^${literal(t('access.revokeCode', { at: '§' }).split('§')[0]!)}`),
    });
    await expect(revokeCode).toHaveCount(1);
    const revokePhone = dialog.getByRole('button', { name: t('access.revokeDevice', { name: phoneLabel }), exact: true });
    await expect(revokePhone).toBeVisible();
    await expectAccessible(page, 'codes and phones of a commune');

    await revokeCode.click();
    const confirmCode = page.getByRole('dialog', { name: t('access.confirmCodeTitle') });
    await expect(confirmCode).toBeVisible();
    await expectAccessible(page, 'confirm revoking a code');
    await confirmCode.getByRole('button', { name: t('access.confirm'), exact: true }).click();
    await expect(dialog.getByText(t('access.noCodes'))).toBeVisible();
    expect(await enrollStatus(unused.code)).toBe(410);

    await revokePhone.click();
    const confirmPhone = page.getByRole('dialog', { name: t('access.confirmDeviceTitle') });
    await expect(confirmPhone).toBeVisible();
    await confirmPhone.getByRole('button', { name: t('access.confirm'), exact: true }).click();
    await expect(dialog.getByText(t('access.noDevices'))).toBeVisible();
    await expectAccessible(page, 'codes and phones after revoking');
    const me = await fetch(new URL('api/v1/sessions/current', BASE_URL), {
      headers: { authorization: `Bearer ${deviceToken}` },
    });
    expect(me.status).toBe(401);
  } finally {
    await context.close();
  }
});

async function signInStatus(username: string, password: string): Promise<number> {
  const res = await fetch(new URL('api/v1/sessions', BASE_URL), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return res.status;
}

async function enrollStatus(code: string): Promise<number> {
  const res = await fetch(new URL('api/v1/enrollments', BASE_URL), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, label: 'e2e' }),
  });
  return res.status;
}
