/**
 * Issue #12, the reviewer's side, at the reviewer's 1280×800 (and the problem table at 360 px): a
 * reviewer of Cao Bằng (04), whose commune has submitted under the bundled template, publishes a
 * first version of the province's own set (uploaded as JSON, carrying the province's satisfaction
 * survey, whose questions the preview lists before publishing: issue #15); downloads the template workbook,
 * changes one indicator's points and rule in it (another's points make up the group's sum), sees a
 * broken copy refused with its sheet, row and column (nothing saved), uploads the good one,
 * previews it on the commune (the server's scores equal the domain's), publishes it after the
 * confirmation, compares it with the first version (the phone's diff), and downloads the first
 * version as a workbook. The admin picks the province first and sees the same versions. Axe on
 * every new state.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { applicableComponents } from '../../src/domain/catalogue';
import { NO } from '../../src/server/criteria-workbook/labels';
import { SHEETS } from '../../src/server/criteria-workbook/layout';
import { diffCriteriaSets, parseCriteriaSet, scoreCriteria } from '../../src/domain/criteria';
import type { CriteriaScore, CriteriaSet } from '../../src/domain/criteria';
import type { Answer, AreaType, Catalogue, IndicatorValue } from '../../src/domain/types';
import { createReviewer, enrollPhone, issueEnrollmentCode, signIn } from './api';
import { expectAccessible } from './axe';
import { ADMIN_PASSWORD, BASE_URL, desktop } from './env';
import { CriteriaSetsScreen, indicatorCell, readWorkbook, setCell, workbookBytes } from './pages/criteria-sets';
import { ReviewerApp } from './pages/reviewer';
import { tx } from './pages/text';
import { province } from './units';
import { provinceSurvey } from '../domain/criteria/survey-fixtures';

const t = (key: string, vars: Record<string, string | number> = {}) => tx('reviewer', key, vars);
const readJson = (rel: string): unknown => JSON.parse(readFileSync(new URL(`../../${rel}`, import.meta.url), 'utf8'));
const catalogue = readJson('data/catalogue/2026.1/catalogue.json') as Catalogue;
const template = readJson('data/criteria/template-commune-index-2026.1.json') as CriteriaSet;
const PROVINCE = '04';
const SET_ID = 'cao-bang-chi-so-xa';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const commune = province(PROVINCE).communes[0]!;
const areaTypes: AreaType[] = ['mountain-border-island'];
const vi = (n: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(n);

/** The province's first version: the template under the province's id, not marked a template. */
const { notice: _notice, ...templateBody } = template;
const v1: CriteriaSet = { ...templateBody, id: SET_ID, version: '2026.1', template: false };
/** The edits made in the workbook: NT1 20 → 15 points with its steps rescaled, NT2 20 → 25 (NT still 100). */
const NT1_STEPS = '≥1: 5; ≥2: 10; ≥3: 15';
const v2: CriteriaSet = {
  ...v1,
  version: '2026.2',
  indicators: v1.indicators.map((x) =>
    x.code === 'NT1'
      ? {
          ...x,
          points: 15,
          rule: {
            kind: 'steps',
            steps: [
              { min: 1, points: 5 },
              { min: 2, points: 10 },
              { min: 3, points: 15 },
            ],
          },
        }
      : x.code === 'NT2'
        ? { ...x, points: 25 }
        : x,
  ),
};

/** A phone's answers: every applicable component at 2, the template's own indicators middling. */
function answers(): Answer[] {
  const now = new Date().toISOString();
  const components = applicableComponents(catalogue, areaTypes)
    .filter((c) => !c.open)
    .map((c): Answer => ({ code: c.code, status: 2, updatedAt: now }));
  const own = template.indicators.flatMap((ind): Answer[] => {
    const input = ind.input;
    if (input.kind === 'status') return input.component ? [] : [{ code: ind.code, status: 2, updatedAt: now }];
    const value: IndicatorValue =
      input.kind === 'yesno'
        ? { kind: 'yesno', yes: true }
        : input.kind === 'choice'
          ? { kind: 'choice', option: input.options[1]!.id }
          : input.kind === 'number'
            ? { kind: 'number', value: 3 }
            : input.kind === 'pair'
              ? { kind: 'pair', a: 2, b: 3 }
              : { kind: 'percent', value: 70 };
    return [{ code: ind.code, status: null, value, updatedAt: now }];
  });
  return [...components, ...own];
}

/** The commune's phone sends its assessment under the bundled template; returns the server's score. */
async function submitUnderTemplate(reviewerToken: string, list: Answer[]): Promise<CriteriaScore> {
  const { code } = await issueEnrollmentCode(reviewerToken, commune.code);
  const token = await enrollPhone(code, 'e2e criteria publish');
  const res = await fetch(new URL(`api/v1/assessments/${randomUUID()}`, BASE_URL), {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      revision: 1,
      baseRevision: null,
      communeCode: commune.code,
      areaTypes,
      period: '2026',
      catalogueVersion: '2026.1',
      methodologyId: 'provisional-2026.1',
      submittedAt: new Date().toISOString(),
      answers: list,
      criteriaSet: { id: template.id, version: template.version },
    }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { score: { criteria: CriteriaScore } }).score.criteria;
}

test('a reviewer uploads, previews, publishes and compares the province criteria set', async ({ browser }) => {
  test.setTimeout(180_000);
  const account = await createReviewer(PROVINCE, 'pub');
  const list = answers();
  const current = await submitUnderTemplate(await signIn(account.username, account.password), list);
  const draftScore = scoreCriteria({
    set: parseCriteriaSet(v2, catalogue),
    catalogue,
    areaTypes,
    answers: Object.fromEntries(list.map((a) => [a.code, a])),
  });
  expect(draftScore.total).not.toBe(current.total);

  const context = await browser.newContext({ ...desktop, baseURL: BASE_URL, acceptDownloads: true });
  try {
    const page = await context.newPage();
    await new ReviewerApp(page).signIn(account.username, account.password);
    await page.getByRole('link', { name: t('nav.criteriaSets'), exact: true }).click();
    const screen = new CriteriaSetsScreen(page);
    await expect(
      page.getByRole('heading', { level: 1, name: t('criteriaSets.titleOf', { province: 'Tỉnh Cao Bằng' }) }),
    ).toBeVisible();
    await expect(page.getByText(t('criteriaSets.noVersions'))).toBeVisible();
    await expectAccessible(page, 'criteria sets, none yet');

    // The first version, as JSON: saved as a draft, then published.
    const survey = provinceSurvey('2026.1');
    await screen.upload(`${SET_ID}-2026.1.json`, Buffer.from(JSON.stringify({ ...v1, survey })), 'application/json');
    await expect(
      page.getByRole('status').filter({ hasText: t('criteriaSets.saved', { set: SET_ID, version: '2026.1', count: 47 }) }),
    ).toBeVisible();
    // The survey the communes' teams will ask, read before publishing: every question, the overall one marked.
    const first = screen.previewPanel(SET_ID, '2026.1');
    await expect(first.getByRole('heading', { level: 3, name: 'Phiếu khảo sát mức độ hài lòng' })).toBeVisible();
    await expect(first.getByText(t('criteriaSets.surveyHintDraft'))).toBeVisible();
    const questions = first.getByRole('list', { name: t('criteriaSets.surveyTitle') }).getByRole('listitem');
    await expect(questions).toHaveText(
      survey.questions.map((q) => {
        const kind = t(q.type === 'scale5' ? 'criteriaSets.surveyScale5' : 'criteriaSets.surveyYesNo');
        return `${q.vi} (${q.id === survey.overallQuestion ? `${kind}; ${t('criteriaSets.surveyOverall')}` : kind})`;
      }),
    );
    await expectAccessible(page, 'draft preview with its survey');
    await expect(screen.versionRow('2026.1')).toContainText(t('criteriaSets.draft'));
    await screen.publish(SET_ID, '2026.1', () => expectAccessible(page, 'publish confirmation'));

    // The template workbook, as a province edits it in Excel.
    const wb = await readWorkbook(await screen.download(page.getByRole('button', { name: t('criteriaSets.downloadTemplate') })));
    expect(setCell(wb, 'id').value).toBe(template.id);
    setCell(wb, 'id').value = SET_ID;
    setCell(wb, 'version').value = '2026.2';
    setCell(wb, 'template').value = NO;
    setCell(wb, 'notice').value = null;
    setCell(wb, 'notice', 3).value = null;
    indicatorCell(wb, 'NT1', 'points').value = 15;
    indicatorCell(wb, 'NT1', 'ruleParams').value = NT1_STEPS;
    indicatorCell(wb, 'NT2', 'points').value = 25;
    const good = await workbookBytes(wb);

    // A broken copy: NT2's points in words. Refused with its sheet, row and column; nothing saved.
    const broken = indicatorCell(wb, 'NT2', 'points');
    broken.value = 'hai mươi lăm';
    await screen.upload('bo-chi-so-loi.xlsx', await workbookBytes(wb), XLSX);
    const problems = page.getByRole('table', { name: t('criteriaSets.problemsCaption') });
    await expect(problems).toBeVisible();
    const where = t('criteriaSets.cellAt', {
      cell: broken.address,
      row: Number(broken.row),
      column: broken.address.replace(/\d+$/, ''),
    });
    const problem = problems.getByRole('row').filter({ hasText: where });
    await expect(problem).toHaveCount(1);
    await expect(problem.getByRole('cell').first()).toHaveText(SHEETS.indicators);
    await expect(screen.versions.getByRole('row')).toHaveCount(2);
    await expectAccessible(page, 'upload refused, 1280 px');
    await page.setViewportSize({ width: 360, height: 640 });
    await problem.scrollIntoViewIfNeeded();
    const box = (await problem.boundingBox())!;
    expect(box.x >= 0 && box.x + box.width <= 360, `problem row within 360 px: ${JSON.stringify(box)}`).toBe(true);
    await expect(problem).toContainText(where);
    await expectAccessible(page, 'upload refused, 360 px');
    await page.setViewportSize(desktop.viewport!);

    // The good workbook: a draft, previewed on the commune beside its current score.
    await screen.upload('bo-chi-so-2026.2.xlsx', good, XLSX);
    await expect(
      page.getByRole('status').filter({ hasText: t('criteriaSets.saved', { set: SET_ID, version: '2026.2', count: 47 }) }),
    ).toBeVisible();
    await expect(problems).toBeHidden();
    const preview = screen.previewPanel(SET_ID, '2026.2');
    await expect(preview.getByRole('combobox', { name: t('criteriaSets.commune') })).toHaveValue(commune.code);
    const scores = preview.getByRole('table', { name: t('criteriaSets.previewCaption', { commune: commune.name, revision: 1 }) });
    const row = (name: string) => scores.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    const pts = (score: number | null, max: number) => t('criteriaSets.points', { points: vi(score ?? 0), max: vi(max) });
    await expect(row(t('criteriaSets.total')).getByRole('cell')).toHaveText([
      pts(draftScore.total, 1000),
      pts(current.total, 1000),
    ]);
    const nt = (s: CriteriaScore) => s.groups.find((g) => g.id === 'NT')!;
    await expect(row('Nhận thức số').getByRole('cell')).toHaveText([pts(nt(draftScore).score, 100), pts(nt(current).score, 100)]);
    await expect(row(t('criteriaSets.level')).getByRole('cell')).toHaveText([
      t('criteriaSets.levelValue', { level: draftScore.level }),
      t('criteriaSets.levelValue', { level: current.level }),
    ]);
    await expectAccessible(page, 'draft preview');
    await screen.publish(SET_ID, '2026.2');

    // The two versions compared: the domain's diff, as the phone shows it.
    const compare = page.getByRole('region', { name: t('criteriaSets.compareTitle') });
    const chosen = (name: string) => compare.getByRole('combobox', { name }).locator('option:checked');
    const option = (version: string) =>
      t('criteriaSets.versionOption', { set: SET_ID, version, status: t('criteriaSets.published') });
    await expect(chosen(t('criteriaSets.compareFrom'))).toHaveText(option('2026.1'));
    await expect(chosen(t('criteriaSets.compareTo'))).toHaveText(option('2026.2'));
    const diff = diffCriteriaSets(v1, v2);
    expect(diff.changed.map((c) => [c.code, c.changes])).toEqual([
      ['NT1', ['points', 'rule']],
      ['NT2', ['points']],
    ]);
    await expect(compare.getByText(t('criteriaSets.diffSummary', { added: 0, removed: 0, changed: 2 }))).toBeVisible();
    const changed = compare.getByRole('table', { name: t('criteriaSets.changedCaption') });
    const changes = (code: string) =>
      changed
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: code, exact: true }) })
        .getByRole('listitem');
    await expect(changes('NT1')).toHaveText([
      t('criteriaSets.change.points', { from: 20, to: 15 }),
      t('criteriaSets.change.rule', { from: '≥ 1: 5; ≥ 2: 10; ≥ 3: 15; ≥ 4: 20', to: '≥ 1: 5; ≥ 2: 10; ≥ 3: 15' }),
    ]);
    await expect(changes('NT2')).toHaveText([t('criteriaSets.change.points', { from: 20, to: 25 })]);
    await expectAccessible(page, 'two versions compared');

    // A published version downloads as a workbook, for the next revision.
    const again = await readWorkbook(
      await screen.download(
        page.getByRole('button', { name: t('criteriaSets.downloadVersionOf', { set: SET_ID, version: '2026.1' }) }),
      ),
    );
    expect([setCell(again, 'id').value, setCell(again, 'version').value]).toEqual([SET_ID, '2026.1']);
    expect(indicatorCell(again, 'NT1', 'points').value).toBe(20);
    // Its survey comes with it: the set sheet's survey rows and one row per question of “Khảo sát”.
    expect(setCell(again, 'surveyId').value).toBe(survey.id);
    expect(again.getWorksheet('Khảo sát')!.getCell('C3').value).toBe(survey.questions[1]!.vi);
  } finally {
    await context.close();
  }

  // The admin picks the province first, then sees the same versions.
  const adminContext = await browser.newContext({ ...desktop, baseURL: BASE_URL });
  try {
    const page = await adminContext.newPage();
    await new ReviewerApp(page).signIn('admin', ADMIN_PASSWORD);
    await page.getByRole('link', { name: t('nav.criteriaSets'), exact: true }).click();
    const picker = page.getByRole('combobox', { name: t('criteriaSets.province') });
    await expect(page.getByText(t('criteriaSets.adminChoose'))).toBeVisible();
    await expectAccessible(page, 'criteria sets, admin choosing a province');
    await picker.selectOption(PROVINCE);
    const screen = new CriteriaSetsScreen(page);
    await expect(screen.versionRow('2026.1')).toContainText(t('criteriaSets.published'));
    await expect(screen.versionRow('2026.2')).toContainText(t('criteriaSets.published'));
  } finally {
    await adminContext.close();
  }
});
