/**
 * Issue #11, the phone under a criteria set (360×640, Chromium, axe on each new screen state):
 * offline, an officer starts an assessment on the TEMPLATE commune index, answers every indicator
 * through its own input kind (status, yes/no, choice, number, pair, percent) — one pair refused
 * with its reason and nothing saved — and sees the points per group and the level; a reload
 * keeps everything; online, it is submitted; the server's stored score equals the phone's total
 * and per-group points, and the reviewer's submission view shows the same numbers.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
  criteriaGaps,
  criteriaSetSchema,
  scoreCriteria,
  type CriteriaGap,
  type CriteriaIndicator,
  type CriteriaScore,
} from '../../src/domain/criteria';
import { criteriaPlan } from '../../src/domain/criteria/plan';
import type { Answer, AreaType, Catalogue, IndicatorValue } from '../../src/domain/types';
import { createReviewer, issueEnrollmentCode, signIn } from './api';
import { expectAccessible } from './axe';
import { BASE_URL, desktop, phone } from './env';
import { CriteriaChecklistPage, type IndicatorEntry } from './pages/criteria-checklist';
import { HomePage } from './pages/home';
import type { NewAssessmentPage } from './pages/new-assessment';
import { ReviewerApp } from './pages/reviewer';
import { SummaryPage } from './pages/summary';
import { literal, tx } from './pages/text';
import { province } from './units';

const data = (path: string): unknown => JSON.parse(readFileSync(new URL(`../../data/${path}`, import.meta.url), 'utf8'));
const catalogue = data('catalogue/2026.1/catalogue.json') as Catalogue;
const set = criteriaSetSchema(catalogue).parse(data('criteria/template-commune-index-2026.1.json'));
const PROVINCE = province('46');
const COMMUNE = PROVINCE.communes.find((c) => c.name.startsWith('Xã ')) ?? PROVINCE.communes[0]!;
const AREA: AreaType[] = ['rural'];
const applicable = set.indicators.filter((_, i) => criteriaPlan(set, catalogue, AREA).applicable[i]);

/** One answer per indicator, of its own kind; a mix of levels so that groups differ. */
function entryFor(ind: CriteriaIndicator, i: number): IndicatorEntry {
  const input = ind.input;
  switch (input.kind) {
    case 'status':
      return { status: ([3, 2, 1, 3] as const)[i % 4]! };
    case 'yesno':
      return { yes: i % 3 !== 0 };
    case 'choice':
      return { option: input.options[i % 2]!.id };
    case 'number':
      return { text: String(1 + (i % 5)) };
    case 'pair':
      return { a: String(2 + (i % 3)), b: '5' };
    case 'percent':
      return { text: i % 2 ? '62,5' : '85' };
    case 'measured':
      throw new Error(`${ind.code}: the template set has no measured input to answer`);
  }
}
const entries = new Map(applicable.map((ind, i) => [ind.code, entryFor(ind, i)]));

/** What the phone stores for those entries: the expected score and gaps are the engine's, on the same answers. */
function expectedScore(): { score: CriteriaScore; gaps: CriteriaGap[] } {
  const answers: Record<string, Answer> = {};
  const at = '2026-01-01T00:00:00.000Z';
  for (const ind of applicable) {
    const e = entries.get(ind.code)!;
    let value: IndicatorValue | undefined;
    if ('status' in e) {
      const code = ind.input.kind === 'status' && ind.input.component ? ind.input.component : ind.code;
      answers[code] = { code, status: e.status, updatedAt: at };
      continue;
    }
    if ('yes' in e) value = { kind: 'yesno', yes: e.yes };
    else if ('option' in e) value = { kind: 'choice', option: e.option };
    else if ('text' in e) value = { kind: ind.input.kind as 'number' | 'percent', value: Number(e.text.replace(',', '.')) };
    else value = { kind: 'pair', a: Number(e.a), b: Number(e.b) };
    answers[ind.code] = { code: ind.code, status: null, value, updatedAt: at };
  }
  const input = { set, catalogue, areaTypes: AREA, answers };
  return { score: scoreCriteria(input), gaps: criteriaGaps(input) };
}

const num = (n: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: set.total.decimals }).format(n);

test('offline on the template index: every input kind, a refused value, points per group; the server and the reviewer agree', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const { score: expected, gaps: expectedGaps } = expectedScore();
  expect(expected.complete).toBe(true);
  const account = await createReviewer(PROVINCE.code, 'criteria');
  const apiToken = await signIn(account.username, account.password);
  const handset = await browser.newContext({ ...phone, baseURL: BASE_URL });
  const office = await browser.newContext({ ...desktop, baseURL: BASE_URL });
  try {
    const page = await handset.newPage();
    const home = new HomePage(page);
    const checklist = new CriteriaChecklistPage(page);
    const summary = new SummaryPage(page);
    let id = '';

    await test.step('the phone is enrolled for the commune, then loses its signal', async () => {
      const { link } = await issueEnrollmentCode(apiToken, COMMUNE.code);
      await page.goto(link);
      await page.getByRole('button', { name: tx('sync', 'enroll.button'), exact: true }).click();
      await home.expectShown();
      await home.waitUntilOfflineReady();
      await handset.setOffline(true);
      await page.reload();
      await home.expectShown();
    });

    await test.step('offline, the officer starts an assessment on the template set, labelled as a template', async () => {
      const form: NewAssessmentPage = await home.startNew();
      await form.chooseProvince(PROVINCE.name);
      await form.search(COMMUNE.name.replace(/^Xã /, ''));
      await form.pickCommune(COMMUNE.name);
      await form.chooseAreaTypes(AREA);
      const sets = page.getByRole('group', { name: tx('criteria', 'new.label') });
      // The provisional method is the default; the template carries its own notice.
      await expect(
        sets.getByRole('radio', { name: new RegExp(`^${literal(tx('criteria', 'new.provisional'))}|^Phương pháp`) }),
      ).toBeChecked();
      const template = sets.getByRole('radio', { name: new RegExp(`^${literal(set.title.vi)}`) });
      await template.check();
      await expect(sets.getByText(set.notice!.vi)).toBeVisible();
      await expect(sets.getByText(tx('criteria', 'new.templateBadge'))).toBeVisible();
      await expectAccessible(page, 'new assessment, the template set', { hard: true });
      await page.getByRole('button', { name: tx('assess', 'new.create'), exact: true }).click();
      await expect(page).toHaveURL(/#\/a\/[^/?]+$/);
      id = decodeURIComponent(new URL(page.url()).hash.replace(/^#\/a\//, ''));
      await expect(page.getByRole('heading', { level: 1, name: COMMUNE.name })).toBeVisible();
      await expect(page.getByText(set.notice!.vi)).toBeVisible();
      await expect(checklist.card('NT1')).toBeVisible();
    });

    await test.step('an invalid pair is refused with its reason, and nothing is saved', async () => {
      const nt3 = set.indicators.find((i) => i.code === 'NT3')!;
      if (nt3.input.kind !== 'pair') throw new Error('NT3 is a pair');
      await checklist.box('NT3', 'a').fill('6');
      await expect(checklist.card('NT3').getByRole('alert')).toHaveText(
        tx('criteria', 'problem.b-missing', { a: nt3.input.a.vi, b: nt3.input.b.vi }),
      );
      await checklist.box('NT3', 'b').fill('4');
      const reason = tx('criteria', 'problem.a-above-b', { a: nt3.input.a.vi, b: nt3.input.b.vi });
      await expect(checklist.card('NT3').getByRole('alert')).toHaveText(reason);
      await expect(checklist.box('NT3', 'a')).toHaveAttribute('aria-invalid', 'true');
      await expect(checklist.saved('NT3')).toHaveCount(0);
      await expectAccessible(page, 'NT3, a refused value', { hard: true });
      // The guidance and evidence are one tap away.
      await checklist
        .card('NT3')
        .getByRole('button', { name: tx('criteria', 'card.guidance') })
        .click();
      await expect(checklist.card('NT3').getByText(nt3.evidence!.items[0]!.vi)).toBeVisible();
      await expectAccessible(page, 'NT3, its evidence guidance', { hard: true });
      await page.reload();
      await expect(checklist.box('NT3', 'a')).toHaveValue('');
      await expect(checklist.box('NT3', 'b')).toHaveValue('');
      await expect(checklist.card('NT3').getByText(tx('criteria', 'card.maxPoints', { max: 20 }))).toBeVisible();
    });

    await test.step('until every required indicator is answered, the phone refuses to send it and lists them', async () => {
      await summary.goto(id);
      await expect(
        summary.submitPanel.getByText(tx('sync', 'block.incompleteIndicators_other', { count: applicable.length })),
      ).toBeVisible();
      const nt1 = summary.submitPanel.getByRole('link', { name: new RegExp(`^NT1 ${literal(set.indicators[0]!.vi)}`) });
      await expect(nt1).toBeVisible();
      await expect(summary.submitPanel.getByRole('button', { name: tx('sync', 'submit.button'), exact: true })).toBeDisabled();
      await nt1.click();
      await expect(checklist.card('NT1')).toBeFocused();
    });

    await test.step('every indicator is answered through its own input, and shows the points it earns', async () => {
      for (const ind of applicable) await checklist.answer(ind, entries.get(ind.code)!);
      for (const s of expected.indicators.filter((x) => x.applicable)) await checklist.expectPoints(s.code, num(s.points), s.max);
      await expect(
        page.getByText(tx('criteria', 'checklist.progress', { answered: applicable.length, total: applicable.length })),
      ).toBeVisible();
      await expectAccessible(page, 'every indicator answered', { hard: true });
    });

    /** The total, level and points per group, on the summary (or, onSummary false, the report). */
    const expectSummary = async (onSummary = true) => {
      if (onSummary) await summary.expectShown();
      await expect(page.locator('.criteria-total__num')).toHaveText(num(expected.total));
      const level = set.levels.find((l) => l.level === expected.level)!;
      await expect(page.getByText(tx('criteria', 'result.level', { n: expected.level, name: level.vi }))).toBeVisible();
      for (const g of expected.groups) {
        const name = set.groups.find((x) => x.id === g.id)!.vi;
        const row = page.getByRole('row', { name: new RegExp(`^${literal(name)}`) });
        await expect(row.getByRole('cell').first()).toHaveText(`${num(g.score!)}/${num(g.max)}`);
      }
    };

    await test.step('the summary shows the total, the level and the points per group', async () => {
      await page
        .getByRole('link', { name: tx('assess', 'checklist.toSummary') })
        .last()
        .click();
      await expectSummary();
      await expectAccessible(page, 'summary, points per group', { hard: true });
      // The printable report says the same, under the set's name and its template notice.
      // The prioritised indicators, with the points each could still add, as the engine orders them.
      const top = expectedGaps[0]!;
      const digits = Math.abs(top.gain) < 1 ? 2 : 1;
      const gain = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
        top.gain,
      );
      await expect(summary.gaps.first()).toContainText(`${top.code} ${set.indicators.find((i) => i.code === top.code)!.vi}`);
      await expect(summary.gaps.first()).toContainText(tx('summary', 'gaps.gain', { gain }));
      await expect(summary.gaps).toHaveCount(Math.min(expectedGaps.length, 10));
      await summary.openReport();
      await expect(page.getByText(set.notice!.vi)).toBeVisible();
      await expectSummary(false);
      await expect(page.getByRole('row', { name: new RegExp(`^${literal(top.code)} `) })).toContainText(`+${gain}`);
      await expectAccessible(page, 'summary, what gains most', { hard: true });
      await page.goBack();
    });

    await test.step('a reload keeps everything', async () => {
      await page.reload();
      await expectSummary();
      await page.goto(`./#/a/${encodeURIComponent(id)}`);
      // The checklist opens where the officer left off: the last indicator answered.
      await expect(checklist.card(applicable.at(-1)!.code)).toBeFocused();
      await expect(checklist.box('NT3', 'a')).toHaveValue((entries.get('NT3') as { a: string }).a);
      await expect(checklist.box('TC2', 'a')).toHaveValue((entries.get('TC2') as { text: string }).text);
      // The home card counts what the checklist counts: the set's required indicators.
      await page.goto('./#/');
      await home.expectShown();
      const n = applicable.length;
      await expect(page.getByText(tx('home', 'item.progress', { answered: n, total: n }), { exact: true })).toBeVisible();
      await summary.goto(id);
    });

    await test.step('online, it is submitted; the server scored it with the same set and got the same numbers', async () => {
      await handset.setOffline(false);
      await summary.submit();
      await summary.expectSent(1);
      const res = await fetch(new URL(`api/v1/assessments/${encodeURIComponent(id)}`, BASE_URL), {
        headers: { Authorization: `Bearer ${apiToken}` },
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { score: { criteria?: CriteriaScore } };
      const server = body.score.criteria!;
      expect({ setId: server.setId, setVersion: server.setVersion }).toEqual({ setId: set.id, setVersion: set.version });
      expect(server.total).toBe(expected.total);
      expect(server.level).toBe(expected.level);
      expect(server.groups.map((g) => [g.id, g.score, g.max])).toEqual(expected.groups.map((g) => [g.id, g.score, g.max]));
    });

    await test.step('the reviewer’s submission view shows the same numbers', async () => {
      const reviewer = new ReviewerApp(await office.newPage());
      await reviewer.signIn(account.username, account.password);
      await reviewer.gotoSubmission(id);
      const panel = reviewer.page.getByRole('region', { name: /^Điểm theo bộ chỉ số/ });
      await expect(panel.getByText(num(expected.total), { exact: true })).toBeVisible();
      await expect(panel.getByText(tx('reviewer', 'criteria.level', { level: expected.level }), { exact: true })).toBeVisible();
      for (const g of expected.groups) {
        const name = set.groups.find((x) => x.id === g.id)!.vi;
        const row = panel.getByRole('row', { name: new RegExp(`^${literal(name)}`) });
        await expect(row.getByRole('cell').first()).toHaveText(
          tx('reviewer', 'criteria.pointsOf', { points: num(g.score!), max: num(g.max) }),
        );
      }
    });
  } finally {
    await handset.close();
    await office.close();
  }
});
