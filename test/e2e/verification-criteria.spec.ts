/**
 * Issue #14, verification under a criteria set, at the reviewer's 1280×800: two communes of one
 * province send assessments under the bundled template set straight through the API, as a phone
 * would. On the submission screen the set's own indicators are listed with the officer's value and
 * points; the reviewer confirms a yes/no indicator, adjusts a choice and a ratio pair (refused
 * without a reason), and the adjusted values, their points and the verified total shown equal the
 * server's. The dashboard shows the self-assessed and verified averages equal to the API's, for
 * the province and for the template set. Axe on each new state.
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { expect, test, type Locator } from '@playwright/test';
import { applicableComponents } from '../../src/domain/catalogue';
import type { CriteriaScore, CriteriaSet } from '../../src/domain/criteria';
import type { Answer, AreaType, Catalogue, IndicatorValue } from '../../src/domain/types';
import { createReviewer, enrollPhone, issueEnrollmentCode, signIn } from './api';
import { expectAccessible } from './axe';
import { BASE_URL, desktop } from './env';
import { ReviewerApp } from './pages/reviewer';
import { literal, tx } from './pages/text';
import { province } from './units';

const t = (key: string, vars: Record<string, string | number> = {}) => tx('reviewer', key, vars);
const readJson = (rel: string): unknown => JSON.parse(readFileSync(new URL(`../../${rel}`, import.meta.url), 'utf8'));
const catalogue = readJson('data/catalogue/2026.1/catalogue.json') as Catalogue;
const template = readJson('data/criteria/template-commune-index-2026.1.json') as CriteriaSet;
const PROVINCE = '33';
const [first, second] = province(PROVINCE).communes;
const areaTypes: AreaType[] = ['rural'];
const vi1 = (n: number | null) => (n === null ? '–' : new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(n));
const vi2 = (n: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(n);
const REASON = 'Biên bản họp cho thấy Phó Chủ tịch chủ trì, không phải Chủ tịch.';

/** Every applicable component at status 3 and every own indicator of the template at a good value (a choice: its first, best option). */
function body(communeCode: string) {
  const now = new Date().toISOString();
  const components: Answer[] = applicableComponents(catalogue, areaTypes)
    .filter((c) => !c.open)
    .map((c) => ({ code: c.code, status: 3, updatedAt: now }));
  const own = template.indicators.flatMap((ind): Answer[] => {
    const input = ind.input;
    if (input.kind === 'measured') return [];
    if (input.kind === 'status') return input.component ? [] : [{ code: ind.code, status: 3, updatedAt: now }];
    const value: IndicatorValue =
      input.kind === 'yesno'
        ? { kind: 'yesno', yes: true }
        : input.kind === 'choice'
          ? { kind: 'choice', option: input.options[0]!.id }
          : input.kind === 'number'
            ? { kind: 'number', value: 4 }
            : input.kind === 'pair'
              ? { kind: 'pair', a: 3, b: 3 }
              : { kind: 'percent', value: 90 };
    return [{ code: ind.code, status: null, value, updatedAt: now }];
  });
  return {
    revision: 1,
    baseRevision: null,
    communeCode,
    areaTypes,
    period: '2026',
    catalogueVersion: '2026.1',
    methodologyId: 'provisional-2026.1',
    submittedAt: now,
    answers: [...components, ...own],
    criteriaSet: { id: template.id, version: template.version },
  };
}

async function send(reviewerToken: string, communeCode: string): Promise<{ id: string; criteria: CriteriaScore }> {
  const { code } = await issueEnrollmentCode(reviewerToken, communeCode);
  const token = await enrollPhone(code, 'e2e verification');
  const id = randomUUID();
  const res = await fetch(new URL(`api/v1/assessments/${id}`, BASE_URL), {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body(communeCode)),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return { id, criteria: ((await res.json()) as { score: { criteria: CriteriaScore } }).score.criteria };
}

async function getJson<T>(token: string, path: string): Promise<T> {
  const res = await fetch(new URL(`api/v1${path}`, BASE_URL), { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

const indicator = (kind: string) => template.indicators.find((i) => i.input.kind === kind && i.code !== 'NT1')!;
const CHOICE = indicator('choice');
const PAIR = indicator('pair');
const YESNO = indicator('yesno');

type Averages = { communes: number; index: { self: number | null; verified: number | null } };
type Summary = { verified: Averages; criteriaSets: { setId: string; verified: Averages }[] };

/** The table row whose header is `name`: its self and verified cells. */
function averagesRow(table: Locator, name: string): Locator {
  return table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name, exact: true }) });
}

test('under a criteria set the reviewer adjusts a choice and a ratio with a reason; totals equal the server’s, on the dashboard too', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const account = await createReviewer(PROVINCE, 'vcrit');
  const token = await signIn(account.username, account.password);
  const { id, criteria } = await send(token, first!.code);
  await send(token, second!.code);
  const context = await browser.newContext({ ...desktop, baseURL: BASE_URL });
  try {
    const page = await context.newPage();
    const reviewer = new ReviewerApp(page);
    await reviewer.signIn(account.username, account.password);
    await reviewer.gotoSubmission(id);

    const list = page.getByRole('region', { name: t('verify.indicatorsTitle', { name: template.title.vi }) });
    await expect(list).toBeVisible();
    // The set's own answers are listed, no longer one "unknown" line.
    await expect(page.getByText(t('answers.unknown', { codes: '' }).trim())).toHaveCount(0);
    const self = (code: string) => criteria.indicators.find((i) => i.code === code)!;
    const choice = page.getByTestId(`indicator-${CHOICE.code}`);
    await expect(choice.getByTestId('indicator-points')).toHaveText(
      t('verify.selfPoints', { points: vi2(self(CHOICE.code).points), max: vi2(CHOICE.points) }),
    );
    await expectAccessible(page, 'set indicators listed', { hard: true });

    await test.step('confirm a yes/no indicator', async () => {
      const item = page.getByTestId(`indicator-${YESNO.code}`);
      await item.getByRole('button', { name: t('verify.confirm'), exact: true }).click();
      await expect(item.getByText(/^Đã xác nhận/)).toBeVisible();
    });

    await test.step('adjust a choice: refused without a reason, then saved with one', async () => {
      await choice.getByRole('button', { name: t('verify.adjust'), exact: true }).click();
      const option = CHOICE.input.kind === 'choice' ? CHOICE.input.options.at(-1) : undefined;
      await choice.getByRole('radio', { name: option!.vi, exact: true }).check();
      await choice.getByRole('button', { name: t('verify.saveAdjustment'), exact: true }).click();
      await expect(choice.getByRole('alert')).toHaveText(t('verify.reasonRequired'));
      await expectAccessible(page, 'adjustment refused without a reason', { hard: true });
      await choice.getByRole('textbox', { name: t('verify.reasonLabel') }).fill(REASON);
      await choice.getByRole('button', { name: t('verify.saveAdjustment'), exact: true }).click();
      await expect(choice.getByText(new RegExp(`^Đã điều chỉnh thành “${option!.vi}”`))).toBeVisible();
      await expect(choice.getByText(REASON)).toBeVisible();
    });

    await test.step('adjust a ratio pair: a above b refused, then a lower pair saved', async () => {
      const item = page.getByTestId(`indicator-${PAIR.code}`);
      await item.getByRole('button', { name: t('verify.adjust'), exact: true }).click();
      const fields = item.getByRole('textbox');
      await fields.nth(0).fill('5');
      await fields.nth(1).fill('3');
      await item.getByRole('textbox', { name: t('verify.reasonLabel') }).fill(REASON);
      await item.getByRole('button', { name: t('verify.saveAdjustment'), exact: true }).click();
      await expect(item.getByRole('alert')).toHaveText(t('verify.problem.a-above-b'));
      await fields.nth(0).fill('1');
      await item.getByRole('button', { name: t('verify.saveAdjustment'), exact: true }).click();
      await expect(item.getByText(/^Đã điều chỉnh thành/)).toBeVisible();
      await expectAccessible(page, 'two indicators adjusted', { hard: true });
    });

    const server = await getJson<{ items: { code: string; outcome: string }[]; score: { criteria: CriteriaScore } }>(
      token,
      `/assessments/${id}/verification`,
    );
    expect(server.items.map((i) => [i.code, i.outcome])).toEqual([
      [YESNO.code, 'verified'],
      [CHOICE.code, 'adjusted'],
      [PAIR.code, 'adjusted'],
    ]);
    const verified = server.score.criteria;
    expect(verified.total).toBeLessThan(criteria.total);
    const after = (code: string) => verified.indicators.find((i) => i.code === code)!;
    for (const ind of [CHOICE, PAIR]) {
      expect(after(ind.code).points).toBeLessThan(self(ind.code).points);
      await expect(page.getByTestId(`indicator-${ind.code}`).getByTestId('indicator-points')).toContainText(
        t('verify.verifiedPoints', {
          points: vi2(after(ind.code).points),
          max: vi2(ind.points),
          total: vi2(verified.total),
          totalMax: vi2(verified.max),
        }),
      );
    }
    await expect(page.getByTestId('verified-total')).toContainText(
      new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(verified.total),
    );

    await test.step('the dashboard: self-assessed and verified averages equal the API’s', async () => {
      const summary = await getJson<Summary>(token, `/provinces/${PROVINCE}/summary`);
      expect(summary.verified.communes).toBe(1);
      await reviewer.gotoDashboard();
      const overall = page.getByRole('table', { name: new RegExp(`^${literal(t('dashboard.verifiedCaption'))}`) });
      await expect(overall.getByRole('caption')).toContainText(t('dashboard.verifiedOver', { n: 1 }));
      await expect(averagesRow(overall, t('dashboard.index')).getByRole('cell')).toHaveText([
        vi1(summary.verified.index.self),
        vi1(summary.verified.index.verified),
      ]);
      const set = summary.criteriaSets.find((s) => s.setId === template.id)!;
      expect(set.verified.index.verified).toBe(verified.total);
      const bySet = page.getByRole('table', { name: new RegExp(`^${literal(t('dashboard.verifiedCaptionSet'))}`) });
      await expect(averagesRow(bySet, t('dashboard.total')).getByRole('cell')).toHaveText([
        vi1(set.verified.index.self),
        vi1(set.verified.index.verified),
      ]);
      const nt = template.groups.find((g) => g.id === CHOICE.group)!;
      const group = (set.verified as unknown as { groups: { id: string; self: number; verified: number }[] }).groups.find(
        (g) => g.id === nt.id,
      )!;
      expect(group.verified).toBeLessThan(group.self);
      await expect(averagesRow(bySet, nt.vi).getByRole('cell')).toHaveText([vi1(group.self), vi1(group.verified)]);
      await expectAccessible(page, 'dashboard with verified averages', { hard: true });
    });
  } finally {
    await context.close();
  }
});
