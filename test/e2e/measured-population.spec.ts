/**
 * Issue #15 item 4, the phone (360×640, Chromium, axe on each new state): a province publishes a
 * set whose NT4 is measured (residents helped per 1,000 inhabitants); its community team's support
 * is already on the server (through the API). The officer's phone syncs the set and the tally,
 * goes offline and starts an assessment: NT4's card says the population is missing and links to
 * the form; offline the officer enters the population (saved on the phone first); the card shows
 * the provisional figure; back online it is sent, and the server's GET population returns it; a
 * reviewer's correction reaches the phone with its next sync.
 */
import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { provinceSet } from '../support/province-set';
import { call as api, createReviewer, issueEnrollmentCode, signIn } from './api';
import { expectAccessible } from './axe';
import { BASE_URL, phone } from './env';
import { HomePage } from './pages/home';
import { tx } from './pages/text';
import { province } from './units';

const PROVINCE = province('56');
const COMMUNE = PROVINCE.communes.find((c) => c.name.startsWith('Xã ')) ?? PROVINCE.communes[0]!;
const RESIDENTS = 36;
const POPULATION = 12_000;

function measuredSet() {
  const set = provinceSet(PROVINCE.code);
  const nt4 = set.indicators.find((i) => i.code === 'NT4')!;
  nt4.input = { kind: 'measured', metric: 'residentsHelpedPer1000' };
  nt4.rule = { kind: 'steps', steps: [{ min: 1, points: 10 }] };
  return set;
}

test('offline the officer enters the commune population; the measured card shows the figure; online the server has it', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const account = await createReviewer(PROVINCE.code, 'population');
  const token = await signIn(account.username, account.password);
  const set = measuredSet();
  const handset = await browser.newContext({ ...phone, baseURL: BASE_URL });
  try {
    const page = await handset.newPage();
    const home = new HomePage(page);
    const card = page.locator('article#c-NT4');

    await test.step('the province publishes the set; the team’s support is on the server; the phone syncs, then goes offline', async () => {
      const { meta } = await api<{ meta: { id: string } }>('POST', `/provinces/${PROVINCE.code}/criteria-sets`, token, set);
      await api('POST', `/criteria-sets/${meta.id}/publish`, token);
      const team = await api<{ code: string }>('POST', `/communes/${COMMUNE.code}/team-codes`, token, {});
      const teamPhone = await api<{ token: string }>('POST', '/enrollments', undefined, { code: team.code, label: 'Tổ' });
      const entry = (residents: number) => ({
        id: randomUUID(),
        date: '2026-03-02',
        hamlet: 'Thôn Một',
        kind: 'kich-hoat-vneid-muc-2',
        residents,
      });
      await api('POST', '/team/entries', teamPhone.token, { entries: [entry(20), entry(16)] });

      const { link } = await issueEnrollmentCode(token, COMMUNE.code);
      await page.goto(link);
      await page.getByRole('button', { name: tx('sync', 'enroll.button'), exact: true }).click();
      await home.expectShown();
      await home.waitUntilOfflineReady();
      await page.reload(); // the app's start is a sync: the set and the tally come down
      const form = await home.startNew();
      await form.chooseProvince(PROVINCE.name);
      await form.search(COMMUNE.name.replace(/^Xã /, ''));
      await form.pickCommune(COMMUNE.name);
      await form.chooseAreaTypes(['rural']);
      await page.getByRole('textbox', { name: tx('assess', 'new.period.label'), exact: true }).fill('2026');
      const ours = page
        .getByRole('group', { name: tx('criteria', 'new.label') })
        .getByRole('radio', { name: new RegExp(`^${set.title.vi.replace(/[()]/g, '\\$&')}`) });
      await expect(ours).toBeChecked({ timeout: 30_000 });
      await page.getByRole('button', { name: tx('assess', 'new.create'), exact: true }).click();
      await expect(page).toHaveURL(/#\/a\/[^/?]+$/);
      await handset.setOffline(true);
    });

    const assessment = page.url();
    await test.step('the card says the population is missing, and links to the form', async () => {
      await page.reload();
      await expect(card).toContainText(tx('criteria', 'measuredInput.population-missing'), { timeout: 30_000 });
      await card.scrollIntoViewIfNeeded();
      await expectAccessible(page, 'NT4 card, population missing', { hard: true });
      await card.getByRole('link', { name: tx('criteria', 'measuredInput.enterPopulation') }).click();
      await expect(page).toHaveURL(/#\/settings\?focus=population$/);
    });

    const input = page.getByRole('textbox', { name: tx('settings', 'population.label'), exact: true });
    const status = page.locator('[data-population-status]');
    await test.step('offline, a bad figure is refused with its reason; the right one is saved on the phone', async () => {
      await expect(input).toBeFocused();
      await expect(status).toHaveText(tx('settings', 'population.none'));
      await input.fill('12,5');
      await page.getByRole('button', { name: tx('settings', 'population.save'), exact: true }).click();
      await expect(page.getByRole('alert')).toHaveText(tx('settings', 'population.format'));
      await expect(input).toHaveAttribute('aria-invalid', 'true');
      await expectAccessible(page, 'population form, a refused figure', { hard: true });
      await input.fill('12.000');
      await page.getByRole('button', { name: tx('settings', 'population.save'), exact: true }).click();
      await expect(status).toHaveText(tx('settings', 'population.queued'));
      await expect(page.locator('[data-population-current]')).toHaveText(
        tx('settings', 'population.current', { value: '12.000' }),
      );
      await expectAccessible(page, 'population form, saved on the phone', { hard: true });
      // Saved means stored: a reload, still offline, keeps it.
      await page.reload();
      await expect(status).toHaveText(tx('settings', 'population.queued'));
    });

    await test.step('the card shows the provisional figure per 1,000 inhabitants', async () => {
      await page.goto(assessment);
      const per1000 = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
        (RESIDENTS * 1000) / POPULATION,
      );
      await expect(card).toContainText(tx('criteria', 'measuredInput.residentsHelpedPer1000', { value: per1000 }));
      await expect(card.getByRole('link', { name: tx('criteria', 'measuredInput.enterPopulation') })).toHaveCount(0);
      await card.scrollIntoViewIfNeeded();
      await expectAccessible(page, 'NT4 card, provisional figure', { hard: true });
    });

    await test.step('online, it is sent; the server returns it; the phone shows it in sync', async () => {
      await handset.setOffline(false);
      await page.goto('./#/settings');
      await page.reload(); // a sync run
      await expect(status).toHaveText(tx('settings', 'population.synced'), { timeout: 30_000 });
      const got = await api<{ population: number; setBy: string }>('GET', `/communes/${COMMUNE.code}/population`, token);
      expect(got).toMatchObject({ population: POPULATION, setBy: 'commune' });
      await expectAccessible(page, 'population, sent', { hard: true });
    });

    await test.step('a reviewer corrects it; the phone shows the server’s figure after its next sync', async () => {
      await api('PUT', `/communes/${COMMUNE.code}/population`, token, { population: 12_500 });
      await page.reload(); // a sync run
      await expect(page.locator('[data-population-current]')).toHaveText(
        tx('settings', 'population.current', { value: '12.500' }),
        { timeout: 30_000 },
      );
      await expect(status).toHaveText(tx('settings', 'population.synced'));
    });
  } finally {
    await handset.close();
  }
});
