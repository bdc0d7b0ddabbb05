/**
 * Issue #12, "Done when", the phone's side (360×640, Chromium, axe on each new screen state): a
 * reviewer publishes the province's own criteria set through the API (JSON; the Excel upload is
 * criteria-publish.spec.ts); the phone syncs, goes offline, starts an assessment on the new set
 * (the default now), fills it, and submits it once back online: the server's score equals the
 * phone's. Then the province publishes a corrected version: an older draft shows a calm notice,
 * the migration screen lists what changes and the score before and after, and moving keeps every
 * answer (one removed indicator's too, uncounted), committed before the screen says so.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { criteriaSetSchema, scoreCriteria, type CriteriaScore, type CriteriaSet } from '../../src/domain/criteria';
import type { Answer, AreaType, Catalogue } from '../../src/domain/types';
import { provinceSet, type ProvinceSetVersion } from '../support/province-set';
import { call as api, createReviewer, issueEnrollmentCode, signIn } from './api';
import { expectAccessible } from './axe';
import { BASE_URL, phone } from './env';
import { CriteriaChecklistPage, type IndicatorEntry } from './pages/criteria-checklist';
import { HomePage } from './pages/home';
import { SummaryPage } from './pages/summary';
import { literal, tx } from './pages/text';
import { province } from './units';

const catalogue = JSON.parse(
  readFileSync(new URL('../../data/catalogue/2026.1/catalogue.json', import.meta.url), 'utf8'),
) as Catalogue;
const PROVINCE = province('42');
const COMMUNE = PROVINCE.communes.find((c) => c.name.startsWith('Xã ')) ?? PROVINCE.communes[0]!;
const AREA: AreaType[] = ['rural'];
const v1 = criteriaSetSchema(catalogue).parse(provinceSet(PROVINCE.code, '2026.1'));
const v2 = criteriaSetSchema(catalogue).parse(provinceSet(PROVINCE.code, '2026.2'));

/** The first assessment answers every indicator of v1; the older draft only some. */
const FULL: Record<string, IndicatorEntry> = {
  NT1: { text: '3' },
  NT2: { option: 'vice' },
  NT4: { yes: true },
  TC1: { yes: true },
  TC3: { status: 2 },
};
const PARTIAL: Record<string, IndicatorEntry> = { NT2: { option: 'chair' }, NT4: { yes: true }, TC3: { status: 1 } };

/** What the phone stores for those entries, scored by the engine: the numbers the screens must show. */
function scoreOf(set: CriteriaSet, entries: Record<string, IndicatorEntry>): CriteriaScore {
  const at = '2026-01-01T00:00:00.000Z';
  const answers: Record<string, Answer> = {};
  for (const [code, e] of Object.entries(entries)) {
    if ('status' in e) answers[code] = { code, status: e.status, updatedAt: at };
    else if ('yes' in e) answers[code] = { code, status: null, value: { kind: 'yesno', yes: e.yes }, updatedAt: at };
    else if ('option' in e) answers[code] = { code, status: null, value: { kind: 'choice', option: e.option }, updatedAt: at };
    else if ('text' in e) answers[code] = { code, status: null, value: { kind: 'number', value: Number(e.text) }, updatedAt: at };
  }
  return scoreCriteria({ set, catalogue, areaTypes: AREA, answers });
}
const num = (n: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(n);

/** Uploads a version as JSON (a draft) and publishes it, as the province's reviewer. */
async function publish(token: string, version: ProvinceSetVersion): Promise<void> {
  const { meta } = await api<{ meta: { id: string } }>(
    'POST',
    `/provinces/${PROVINCE.code}/criteria-sets`,
    token,
    provinceSet(PROVINCE.code, version),
  );
  await api('POST', `/criteria-sets/${meta.id}/publish`, token);
}

/** The downloaded sets in the phone's IndexedDB ("id@version"). */
function heldSets(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('xaso');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('criteriaSets').objectStore('criteriaSets').getAllKeys();
          req.onsuccess = () => {
            db.close();
            resolve((req.result as string[]).sort());
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

/** The answer codes IndexedDB holds for an assessment. */
function storedCodes(page: Page, id: string): Promise<string[]> {
  return page.evaluate(
    (assessmentId) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('xaso');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('answers').objectStore('answers').index('assessmentId').getAll(assessmentId);
          req.onsuccess = () => {
            db.close();
            resolve((req.result as { code: string }[]).map((a) => a.code).sort());
          };
          req.onerror = () => reject(req.error);
        };
      }),
    id,
  );
}

test('a province publishes its set: the phone scores with it offline, the server agrees; a corrected version moves a draft with its answers', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const account = await createReviewer(PROVINCE.code, 'versions');
  const token = await signIn(account.username, account.password);
  const handset = await browser.newContext({ ...phone, baseURL: BASE_URL });
  try {
    const page = await handset.newPage();
    const home = new HomePage(page);
    const checklist = new CriteriaChecklistPage(page);
    const summary = new SummaryPage(page);
    const v1Key = `${v1.id}@2026.1`;
    const v2Key = `${v1.id}@2026.2`;
    const ids: string[] = [];

    await test.step('the province publishes its set; the enrolled phone syncs it down, then loses its signal', async () => {
      await publish(token, '2026.1');
      const { link } = await issueEnrollmentCode(token, COMMUNE.code);
      await page.goto(link);
      await page.getByRole('button', { name: tx('sync', 'enroll.button'), exact: true }).click();
      await home.expectShown();
      await home.waitUntilOfflineReady();
      await page.reload(); // the app's start is a sync
      await expect.poll(() => heldSets(page), { timeout: 30_000 }).toEqual([v1Key]);
      await handset.setOffline(true);
      await page.reload();
      await home.expectShown();
    });

    /** Offline: an assessment on the province's set (the default), for a period. */
    const start = async (period: string) => {
      const form = await home.startNew();
      await form.chooseProvince(PROVINCE.name);
      await form.search(COMMUNE.name.replace(/^Xã /, ''));
      await form.pickCommune(COMMUNE.name);
      await form.chooseAreaTypes(AREA);
      await page.getByRole('textbox', { name: tx('assess', 'new.period.label'), exact: true }).fill(period);
      const sets = page.getByRole('group', { name: tx('criteria', 'new.label') });
      const ours = sets.getByRole('radio', { name: new RegExp(`^${literal(v1.title.vi)}`) });
      await expect(ours).toBeChecked();
      await expect(
        sets.getByText(
          new RegExp(`^${literal(tx('criteria', 'new.versionPublished', { version: '2026.1', date: 'X' }).replace(/X$/, ''))}`),
        ),
      ).toBeVisible();
      await expect(
        sets.getByRole('radio', { name: new RegExp(`^${literal(tx('criteria', 'new.provisional'))}`) }),
      ).not.toBeChecked();
      if (ids.length === 0) await expectAccessible(page, 'new assessment, the province set chosen', { hard: true });
      await page.getByRole('button', { name: tx('assess', 'new.create'), exact: true }).click();
      await expect(page).toHaveURL(/#\/a\/[^/?]+$/);
      ids.push(decodeURIComponent(new URL(page.url()).hash.replace(/^#\/a\//, '')));
      await expect(page.locator('.criteria-set-name')).toContainText(tx('criteria', 'new.version', { version: '2026.1' }));
    };
    const fill = async (entries: Record<string, IndicatorEntry>) => {
      for (const [code, entry] of Object.entries(entries))
        await checklist.answer(
          v1.indicators.find((i) => i.code === code)!,
          entry,
        );
    };

    const expected = scoreOf(v1, FULL);
    await test.step('offline, the officer starts an assessment on the province’s set (the default) and fills it', async () => {
      expect(expected.complete).toBe(true);
      await start('2026');
      await fill(FULL);
      await summary.goto(ids[0]!);
      await expect(page.locator('.criteria-total__num')).toHaveText(num(expected.total));
    });

    await test.step('an older draft is begun on the same version and left unfinished', async () => {
      await page.goto('./#/');
      await home.expectShown();
      await start('2026 đợt 2');
      await fill(PARTIAL);
    });

    await test.step('back online, it is submitted; the server scored it with that set and version and agrees', async () => {
      await handset.setOffline(false);
      await summary.goto(ids[0]!);
      await summary.submit();
      await summary.expectSent(1);
      const body = await api<{ score: { criteria?: CriteriaScore } }>(
        'GET',
        `/assessments/${encodeURIComponent(ids[0]!)}`,
        token,
      );
      const server = body.score.criteria!;
      expect({ setId: server.setId, setVersion: server.setVersion }).toEqual({ setId: v1.id, setVersion: '2026.1' });
      expect([server.total, server.level]).toEqual([expected.total, expected.level]);
      expect(server.groups.map((g) => [g.id, g.score])).toEqual(expected.groups.map((g) => [g.id, g.score]));
      await expect(page.locator('.criteria-total__num')).toHaveText(num(server.total));
    });

    const before = scoreOf(v1, PARTIAL);
    const after = scoreOf(v2, PARTIAL);
    await test.step('a corrected version is published; the phone gets it and the older draft shows a calm notice', async () => {
      await publish(token, '2026.2');
      await page.reload();
      await expect.poll(() => heldSets(page), { timeout: 30_000 }).toEqual([v1Key, v2Key]);
      await page.goto(`./#/a/${encodeURIComponent(ids[1]!)}`);
      const notice = page.getByRole('region', { name: tx('criteria', 'version.noticeTitle', { version: '2026.2' }) });
      await expect(notice).toBeVisible();
      await expect(notice.getByText(tx('criteria', 'version.notice', { current: '2026.1' }))).toBeVisible();
      await expectAccessible(page, 'older draft, the newer version notice', { hard: true });
      // The submitted assessment is never offered a move.
      await page.goto(`./#/a/${encodeURIComponent(ids[0]!)}`);
      await expect(checklist.card('NT1')).toBeVisible();
      await expect(page.getByRole('region', { name: tx('criteria', 'version.noticeTitle', { version: '2026.2' }) })).toHaveCount(
        0,
      );
      await page.goto(`./#/a/${encodeURIComponent(ids[1]!)}`);
      await notice.getByRole('link', { name: tx('criteria', 'version.see') }).click();
    });

    await test.step('the migration screen lists what changes and the score before and after', async () => {
      await expect(page.getByRole('heading', { level: 1, name: tx('criteria', 'version.title') })).toBeVisible();
      const rows = page.getByRole('row');
      await expect(rows.filter({ hasText: tx('criteria', 'version.current', { version: '2026.1' }) })).toContainText(
        `${num(before.total)}/115`,
      );
      await expect(rows.filter({ hasText: tx('criteria', 'version.newer', { version: '2026.2' }) })).toContainText(
        `${num(after.total)}/115`,
      );
      expect(after.total).not.toBe(before.total);
      const section = (key: string, n: number) => page.getByRole('region', { name: tx('criteria', key, { n }) });
      await expect(section('version.added', 1)).toContainText(`NT5 ${v2.indicators.find((i) => i.code === 'NT5')!.vi}`);
      await expect(section('version.removed', 1)).toContainText('NT4');
      await expect(section('version.removed', 1)).toContainText(tx('criteria', 'version.removedKept', { n: 1 }));
      const changed = section('version.changed', 3);
      await expect(changed.getByRole('listitem').filter({ hasText: 'NT2' })).toContainText(tx('criteria', 'version.change.rule'));
      await expect(changed.getByRole('listitem').filter({ hasText: 'TC1' })).toContainText(
        tx('criteria', 'version.change.pointsFromTo', { from: 30, to: 25 }),
      );
      await expectAccessible(page, 'the version move, what changes', { hard: true });
    });

    await test.step('moving keeps every answer; the draft is on the new version, also after a reload', async () => {
      const answersBefore = await storedCodes(page, ids[1]!);
      await page.getByRole('button', { name: tx('criteria', 'version.move'), exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`#/a/${literal(encodeURIComponent(ids[1]!))}$`));
      await expect(page.locator('.criteria-set-name')).toContainText(tx('criteria', 'new.version', { version: '2026.2' }));
      await expect(page.getByRole('region', { name: tx('criteria', 'version.noticeTitle', { version: '2026.2' }) })).toHaveCount(
        0,
      );
      await expect(checklist.card('NT5')).toBeVisible();
      await expect(checklist.card('NT4')).toHaveCount(0);
      await expect(checklist.card('NT2').locator('input#c-NT2-opt-chair')).toBeChecked();
      await expect(checklist.card('TC3').locator('input#c-TC3-st-1')).toBeChecked();
      expect(await storedCodes(page, ids[1]!)).toEqual(answersBefore);
      expect(answersBefore).toEqual(['NT2', 'NT4', 'TC3']);
      await expectAccessible(page, 'the draft moved to the new version', { hard: true });
      await page.reload();
      await expect(page.locator('.criteria-set-name')).toContainText(tx('criteria', 'new.version', { version: '2026.2' }));
      await summary.goto(ids[1]!);
      await expect(page.locator('.criteria-total__num')).toHaveText(num(after.total));
    });
  } finally {
    await handset.close();
  }
});
