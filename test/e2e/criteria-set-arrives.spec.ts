/**
 * On 2G the province's criteria set often lands a few seconds after the officer, just enrolled,
 * opened "Tạo bản tự đánh giá". The form must offer it, and choose it by default, the moment it is
 * stored, not only when the form is opened again (the form read the phone's sets once, so the
 * assessment was created under the provisional method). The set's requests are held until the
 * province is chosen on the form, then released.
 */
import { expect, test, type Route } from '@playwright/test';
import { provinceSet } from '../support/province-set';
import { call as api, createReviewer, issueEnrollmentCode, signIn } from './api';
import { expectAccessible } from './axe';
import { BASE_URL, phone } from './env';
import { HomePage } from './pages/home';
import { literal, tx } from './pages/text';
import { province } from './units';

const PROVINCE = province('86');
const COMMUNE = PROVINCE.communes.find((c) => c.name.startsWith('Xã ')) ?? PROVINCE.communes[0]!;

test('a province set that arrives while the new-assessment form is open is offered and chosen at once', async ({ browser }) => {
  test.setTimeout(120_000);
  const account = await createReviewer(PROVINCE.code, 'set-arrives');
  const token = await signIn(account.username, account.password);
  const set = provinceSet(PROVINCE.code);
  const { meta } = await api<{ meta: { id: string } }>('POST', `/provinces/${PROVINCE.code}/criteria-sets`, token, set);
  await api('POST', `/criteria-sets/${meta.id}/publish`, token);

  const handset = await browser.newContext({ ...phone, baseURL: BASE_URL });
  try {
    const page = await handset.newPage();
    // The slow link: every criteria-set request waits until the test lets it through.
    const held: Route[] = [];
    let released = false;
    await page.route(/\/api\/v1\/criteria-sets(\?|\/|$)/, (route) => (released ? route.continue() : void held.push(route)));

    const home = new HomePage(page);
    const { link } = await issueEnrollmentCode(token, COMMUNE.code);
    await page.goto(link);
    await page.getByRole('button', { name: tx('sync', 'enroll.button'), exact: true }).click();
    await home.expectShown();
    const form = await home.startNew();
    await form.chooseProvince(PROVINCE.name);
    const sets = page.getByRole('group', { name: tx('criteria', 'new.label') });
    const ours = sets.getByRole('radio', { name: new RegExp(`^${literal(set.title.vi)}`) });
    await expect(sets.getByRole('radio').first()).toBeVisible();
    await expect.poll(() => held.length, { message: 'the phone asked for its province’s sets' }).toBeGreaterThan(0);
    await expect(ours).toHaveCount(0);

    released = true;
    for (const route of held.splice(0)) await route.continue();
    await expect(ours).toBeChecked({ timeout: 15_000 });
    await expectAccessible(page, 'new assessment, the province set just arrived');

    await form.search(COMMUNE.name.replace(/^Xã /, ''));
    await form.pickCommune(COMMUNE.name);
    await form.chooseAreaTypes(['rural']);
    await page.getByRole('textbox', { name: tx('assess', 'new.period.label'), exact: true }).fill('2026');
    await page.getByRole('button', { name: tx('assess', 'new.create'), exact: true }).click();
    await expect(page).toHaveURL(/#\/a\/[^/?]+$/);
    // Scored under the province's set: its indicator cards, not the model's components.
    await expect(page.locator('article#c-NT1')).toBeVisible();
  } finally {
    await handset.close();
  }
});
