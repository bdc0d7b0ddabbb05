/**
 * Issue #11 item 6, the reviewer's side, at the reviewer's 1280×800: two communes of Lạng Sơn (20)
 * send assessments under the template criteria set and one under none, straight through the API as
 * a phone would. The dashboard has a section for the template (labelled MẪU) with its communes,
 * average total, average points per group and levels, as the server scored them; the commune list
 * shows each commune's points; the communes CSV has a column per group. Axe on both screens.
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
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
const PROVINCE = '20';
const [high, low, plain] = province(PROVINCE).communes;
const areaTypes: AreaType[] = ['rural'];
const vi = (n: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(n);
const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10;

/** A phone's submission: every applicable component at `status`, and, under the template, its own indicators. */
function body(communeCode: string, status: 0 | 1 | 2 | 3, withTemplate: boolean) {
  const now = new Date().toISOString();
  const components: Answer[] = applicableComponents(catalogue, areaTypes)
    .filter((c) => !c.open)
    .map((c) => ({ code: c.code, status, updatedAt: now }));
  const good = status >= 2;
  const own = template.indicators.flatMap((ind): Answer[] => {
    const input = ind.input;
    if (input.kind === 'status') return input.component ? [] : [{ code: ind.code, status, updatedAt: now }];
    const value: IndicatorValue =
      input.kind === 'yesno'
        ? { kind: 'yesno', yes: good }
        : input.kind === 'choice'
          ? { kind: 'choice', option: input.options[good ? 1 : 0]!.id }
          : input.kind === 'number'
            ? { kind: 'number', value: good ? 3 : 1 }
            : input.kind === 'pair'
              ? { kind: 'pair', a: good ? 2 : 1, b: 3 }
              : { kind: 'percent', value: good ? 85 : 20 };
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
    answers: withTemplate ? [...components, ...own] : components,
    ...(withTemplate ? { criteriaSet: { id: template.id, version: template.version } } : {}),
  };
}

/** Enrolls a phone for the commune and PUTs the body; returns the server's criteria score, if any. */
async function send(reviewerToken: string, submission: ReturnType<typeof body>): Promise<CriteriaScore | undefined> {
  const { code } = await issueEnrollmentCode(reviewerToken, submission.communeCode);
  const token = await enrollPhone(code, 'e2e criteria');
  const res = await fetch(new URL(`api/v1/assessments/${randomUUID()}`, BASE_URL), {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(submission),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { score: { criteria?: CriteriaScore } }).score.criteria;
}

test('the dashboard, the commune list and the CSV show points per group of the template set', async ({ browser }) => {
  const account = await createReviewer(PROVINCE, 'crit');
  const reviewerToken = await signIn(account.username, account.password);
  const a = (await send(reviewerToken, body(high!.code, 3, true)))!;
  const b = (await send(reviewerToken, body(low!.code, 1, true)))!;
  expect(await send(reviewerToken, body(plain!.code, 2, false))).toBeUndefined();
  expect(a.total).toBeGreaterThan(b.total);

  const context = await browser.newContext({ ...desktop, baseURL: BASE_URL });
  try {
    const page = await context.newPage();
    const reviewer = new ReviewerApp(page);
    await reviewer.signIn(account.username, account.password);
    await reviewer.gotoDashboard();
    await reviewer.expectSubmitted(3, province(PROVINCE).communes.length);

    const heading = t('criteria.title', { name: template.title.vi, version: template.version });
    const section = page.getByRole('region', { name: new RegExp(`^${literal(heading)} ${t('criteria.template')}$`) });
    await expect(section).toBeVisible();
    await expect(section.getByText(template.notice!.vi)).toBeVisible();
    // Two communes under the template; the third, under no set, is not in its figures.
    await expect(section.getByRole('paragraph').filter({ hasText: t('criteria.communesUnder') })).toHaveText(
      `2 ${t('criteria.communesUnder')}`,
    );
    await expect(section.getByRole('paragraph').filter({ hasText: t('criteria.averageTotal', { max: vi(1000) }) })).toHaveText(
      `${vi(mean([a.total, b.total]))} ${t('criteria.averageTotal', { max: vi(1000) })}`,
    );
    const groups = section.getByRole('table', { name: t('criteria.groupsCaption') });
    for (const g of template.groups) {
      const points = [a, b].flatMap((x) => x.groups.filter((y) => y.id === g.id && y.score !== null).map((y) => y.score!));
      const row = groups.getByRole('row').filter({ has: page.getByRole('rowheader', { name: g.vi, exact: true }) });
      await expect(row.getByRole('cell')).toHaveText(t('criteria.pointsOf', { points: vi(mean(points)), max: vi(g.points!) }));
    }
    const levels = section.getByRole('table', { name: t('criteria.levelsCaption') });
    for (const l of template.levels) {
      const count = [a, b].filter((x) => x.level === l.level).length;
      const name = t('criteria.levelFrom', { level: l.level, name: l.vi, min: vi(l.min) });
      const row = levels.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
      await expect(row.getByRole('cell').first()).toHaveText(String(count));
    }
    await expectAccessible(page, 'dashboard with a criteria set');

    // The communes CSV, downloaded as the reviewer does: a column per group of the template.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: tx('reviewer', 'csv.communes'), exact: true }).click();
    const csv = readFileSync(await (await download).path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    const header = csv[0]!.split(',');
    expect(header.slice(14, 18)).toEqual([
      'criteria_set',
      'criteria_points',
      'criteria_level',
      `${template.id}@${template.version} · NT Nhận thức số (tối đa 100 điểm)`,
    ]);
    const line = csv.find((l) => l.startsWith(`${high!.code},`))!.split(',');
    expect(line.slice(14)).toEqual([
      `${template.id}@${template.version}`,
      String(a.total),
      String(a.level),
      ...a.groups.map((g) => (g.score === null ? '' : String(g.score))),
      // Then the six community-team columns (issue #15): empty, this commune's teams sent nothing.
      ...Array<string>(6).fill(''),
    ]);

    await reviewer.gotoCommunes();
    const row = await reviewer.findCommune(high!.name, high!.name);
    await expect(row.getByRole('cell').filter({ hasText: `${template.id}@${template.version}` })).toHaveText(
      `${t('criteria.pointsOf', { points: vi(a.total), max: vi(1000) })} ${t('criteria.template')}${template.id}@${template.version} · ${t('criteria.level', { level: a.level })}`,
    );
    await expectAccessible(page, 'communes with points');
  } finally {
    await context.close();
  }
});
