/**
 * Issue #15, a loose end, at 360×640: a team member renames the phone. The phone enrolls with a
 * team code and is named; "Đổi tên" beside the member's name on the team home opens the same form
 * with the name filled in (axe on it); offline, a new name is saved, shown on the home and kept on
 * a reload; back online, the team's flush sends it and the reviewer's list of the commune's phones
 * (GET /communes/{code}/devices, what the reviewer's screen reads) shows it.
 */
import { expect, test } from '@playwright/test';
import { call as api, createReviewer, signIn } from './api';
import { expectAccessible } from './axe';
import { BASE_URL, phone } from './env';
import { tx } from './pages/text';
import { firstCommune } from './units';

const NGHE_AN = '40';
const COMMUNE = firstCommune(NGHE_AN).code;
const FIRST = 'Anh Minh';
const RENAMED = 'Chị Hoà Nguyễn';

const t = (key: string, vars: Record<string, string | number> = {}) => tx('team', key, vars);

/** The labels of the commune's team phones, as the reviewer's list of phones has them. */
async function teamLabels(reviewerToken: string): Promise<(string | null)[]> {
  const listed = await api<{ devices: { role: string; label: string | null }[] }>(
    'GET',
    `/communes/${COMMUNE}/devices`,
    reviewerToken,
  );
  return listed.devices.filter((d) => d.role === 'team').map((d) => d.label);
}

test('a team member renames the phone: the same form prefilled, saved offline, sent on the next flush', async ({ browser }) => {
  test.setTimeout(120_000);
  const account = await createReviewer(NGHE_AN, 'na-rename');
  const reviewerToken = await signIn(account.username, account.password);
  const handset = await browser.newContext({ ...phone, baseURL: BASE_URL });
  try {
    const page = await handset.newPage();
    const member = page.locator('.team-member__name');

    await test.step('the phone enrolls with a team code and is named; the name reaches the server', async () => {
      const { code } = await api<{ code: string }>('POST', `/communes/${COMMUNE}/team-codes`, reviewerToken, {});
      await page.goto(`./#/enroll?code=${code}`);
      await page.getByRole('button', { name: tx('sync', 'enroll.button'), exact: true }).click();
      await page.getByRole('textbox', { name: t('name.label') }).fill(FIRST);
      await page.getByRole('button', { name: t('name.save') }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('home.title') })).toBeVisible();
      await expect(member).toHaveText(t('home.member', { name: FIRST }));
      await expect.poll(() => teamLabels(reviewerToken), { timeout: 30_000 }).toEqual([FIRST]);
      await expectAccessible(page, 'team home with "Đổi tên"');
    });

    await test.step('"Đổi tên" opens the name form with the name filled in; a bad name is refused', async () => {
      await page.getByRole('link', { name: t('home.rename'), exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('name.renameTitle') })).toBeVisible();
      const field = page.getByRole('textbox', { name: t('name.label') });
      await expect(field).toHaveValue(FIRST);
      await expectAccessible(page, 'name form, prefilled');
      await field.fill('   ');
      await page.getByRole('button', { name: t('name.save') }).click();
      await expect(page.getByRole('alert')).toHaveText(t('name.empty'));
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expectAccessible(page, 'name form, refused');
    });

    await test.step('offline, the new name is saved and shown on the home, and kept on a reload', async () => {
      await handset.setOffline(true);
      await page.getByRole('textbox', { name: t('name.label') }).fill(`  ${RENAMED} `);
      await page.getByRole('button', { name: t('name.save') }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('home.title') })).toBeVisible();
      await expect(member).toHaveText(t('home.member', { name: RENAMED }));
      // Stored in the phone's IndexedDB before the home showed it, and not yet acknowledged.
      const stored = await page.evaluate(
        () =>
          new Promise<{ displayName?: string; displayNameSent?: string }>((resolve, reject) => {
            const open = indexedDB.open('xaso');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const get = open.result.transaction('settings').objectStore('settings').get('enrollment');
              get.onerror = () => reject(get.error);
              get.onsuccess = () => resolve((get.result as { value: object }).value);
            };
          }),
      );
      expect(stored.displayName).toBe(RENAMED);
      expect(stored.displayNameSent).not.toBe(RENAMED);
      expect(await teamLabels(reviewerToken)).toEqual([FIRST]);
    });

    await test.step("online again: the next flush sends the new name to the reviewer's list of phones", async () => {
      await handset.setOffline(false);
      await expect.poll(() => teamLabels(reviewerToken), { timeout: 30_000 }).toEqual([RENAMED]);
      await page.reload();
      await expect(member).toHaveText(t('home.member', { name: RENAMED }));
    });
  } finally {
    await handset.close();
  }
});
