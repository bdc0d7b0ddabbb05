/**
 * Issue #10, items 1, 2, 3, 4 (same items) and 7, on the phone at 360×640: the same progress on
 * the home card and the checklist; one state on the home card; a same item asked once; an invalid
 * answer named on its card, its group and the submit panel, whose link opens the card; a second
 * assessment of the same commune and period asked about first. Axe on every screen touched.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe';
import { parseMethodology } from '../../src/domain/methodology-schema';
import { assessmentProgress } from '../../src/domain/progress';
import type { Answer, AreaType, Catalogue } from '../../src/domain/types';
import { ChecklistPage } from './pages/checklist';
import { HomePage } from './pages/home';
import { SummaryPage } from './pages/summary';
import { literal, tx } from './pages/text';
import { firstCommune, province } from './units';

const readJson = (rel: string): unknown => JSON.parse(readFileSync(new URL(`../../${rel}`, import.meta.url), 'utf8'));
const catalogue = readJson('data/catalogue/2026.1/catalogue.json') as Catalogue;
const methodology = parseMethodology(readJson('data/methodology/provisional-2026.1.json'));

const PROVINCE = '01';
const commune = firstCommune(PROVINCE);
const input = {
  province: province(PROVINCE).name,
  communeQuery: commune.name,
  commune: commune.name,
  areaTypes: ['urban', 'rural'] as AreaType[],
  period: '2026',
};

test('one progress, one state, a same item asked once, a blocked submission that leads to its cause, a duplicate asked about', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const home = new HomePage(page);
  const checklist = new ChecklistPage(page);
  await home.goto();
  const id = await (await home.startNew()).create(input);
  const at = '2026-01-01T00:00:00.000Z';
  const answers: Record<string, Answer> = {
    HTS7: { code: 'HTS7', status: 3, updatedAt: at },
    HTS12: { code: 'HTS12', status: 2, updatedAt: at },
    DL20: { code: 'DL20', status: 'na', updatedAt: at },
  };
  const expected = assessmentProgress({ catalogue, methodology, areaTypes: input.areaTypes, answers });

  await test.step('HTS12 and HTS16 (the same item, urban and rural) are asked once', async () => {
    await checklist.openGroup('HTS');
    await expect(checklist.card('HTS12')).toBeVisible();
    await expect(checklist.card('HTS16')).toHaveCount(0);
    await checklist.answer('HTS7', { status: 3 });
    await checklist.answer('HTS12', { status: 2 });
  });

  await test.step('an N/A without its reason: saved, and said to be invalid on its card and its group', async () => {
    await checklist.openGroup('DL');
    await checklist.statusRadio('DL20', 'na').check();
    await expect(checklist.card('DL20').getByText(tx('assess', 'checklist.save.savedInvalid'))).toBeVisible();
    await expect(checklist.saveState('DL20')).toHaveCount(0);
    await expect(checklist.group('DL').getByText(tx('assess', 'checklist.groupInvalid_other', { count: 1 }))).toBeVisible();
    await expectAccessible(page, 'checklist with an invalid answer');
  });

  const progressText = tx('home', 'item.progress', { answered: expected.answered, total: expected.counted });
  await test.step('the checklist header and the home card say the same numbers, and one state', async () => {
    await expect(
      page.getByText(
        new RegExp(
          `^${literal(tx('assess', 'checklist.completeness', { answered: expected.answered, total: expected.counted, percent: 'PCT' })).replace('PCT', '.*')}`,
        ),
      ),
    ).toBeVisible();
    await home.goto();
    await expect(home.list.getByText(progressText, { exact: true })).toBeVisible();
    // Said once: before, "Trạng thái: Bản nháp" stood beside a badge saying "Bản nháp" again.
    const card = (await home.list.textContent()) ?? '';
    expect(card.split(tx('sync-state', 'state.draft')).length - 1).toBe(1);
    await expectAccessible(page, 'home');
  });

  await test.step('the summary lists what blocks sending; the link opens the card', async () => {
    const summary = new SummaryPage(page);
    await summary.goto(id);
    const items = page.getByRole('list', { name: tx('sync', 'block.itemsLabel') });
    await expect(items.getByRole('link', { name: /^DL20 / })).toBeVisible();
    await expect(items.getByRole('link', { name: /^ANM7 / })).toBeVisible(); // an essential item still unanswered
    await expectAccessible(page, 'summary with blocking items');
    await items.getByRole('link', { name: /^DL20 / }).click();
    await expect(checklist.card('DL20')).toBeFocused();
  });

  await test.step('a second assessment of the same commune and period asks first, and opens the existing one', async () => {
    await home.goto();
    const form = await home.startNew();
    await form.chooseProvince(input.province);
    await form.search(input.communeQuery);
    await form.pickCommune(input.commune);
    await form.chooseAreaTypes(['urban']);
    await page.getByRole('textbox', { name: tx('assess', 'new.period.label'), exact: true }).fill(' 2026 ');
    await page.getByRole('button', { name: tx('assess', 'new.create'), exact: true }).click();
    const dialog = page.getByRole('dialog', { name: tx('assess', 'new.duplicate.title') });
    await expect(dialog).toBeVisible();
    await expectAccessible(page, 'duplicate question');
    await dialog.getByRole('button', { name: tx('assess', 'new.duplicate.open') }).click();
    await expect(page).toHaveURL(new RegExp(`#/a/${literal(encodeURIComponent(id))}$`));
    await home.goto();
    await expect(home.list.getByRole('listitem')).toHaveCount(1);
  });
});

test('area types change after creation: a preview first, hidden answers kept and shown again, a same item carried', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const home = new HomePage(page);
  const checklist = new ChecklistPage(page);
  await home.goto();
  await (await home.startNew()).create({ ...input, areaTypes: ['rural'], period: '2026-H1' });
  await checklist.openGroup('HTS');
  await checklist.answer('HTS16', { status: 2 });
  await checklist.openGroup('DL');
  await checklist.answer('DL19', { status: 3 });

  const change = async (check: AreaType[], uncheck: AreaType[], expectHidden: string[]) => {
    await page.getByRole('button', { name: tx('assess', 'areaChange.button') }).click();
    const dialog = page.getByRole('dialog', { name: tx('assess', 'areaChange.title') });
    for (const type of check) await dialog.getByRole('checkbox', { name: tx('assess', `areaType.${type}`) }).check();
    for (const type of uncheck) await dialog.getByRole('checkbox', { name: tx('assess', `areaType.${type}`) }).uncheck();
    for (const code of expectHidden) await expect(dialog.getByText(new RegExp(`${literal(code)}(,|\\.)`)).first()).toBeVisible();
    await expectAccessible(page, 'area type change');
    // The change is written, then the page reloads (AreaTypesEdit): wait for that reload, or the
    // old page, still showing the checklist, passes for the new one and its groups close under us.
    const reloaded = page.waitForEvent('load');
    await dialog.getByRole('button', { name: tx('assess', 'areaChange.confirm'), exact: true }).click();
    await reloaded;
    await checklist.expectLoaded();
  };

  await test.step('urban added: HTS16 is now asked as HTS12, with its answer', async () => {
    await change(['urban'], [], ['HTS16']);
    await checklist.openGroup('HTS');
    await expect(checklist.card('HTS16')).toHaveCount(0);
    await expect(checklist.statusRadio('HTS12', 2)).toBeChecked();
  });

  await test.step('rural dropped: DL19 hidden, its answer kept; rural back: DL19 answered again', async () => {
    await change([], ['rural'], ['DL19']);
    await checklist.openGroup('DL');
    await expect(checklist.card('DL19')).toHaveCount(0);
    await change(['rural'], [], []);
    await checklist.openGroup('DL');
    await expect(checklist.statusRadio('DL19', 3)).toBeChecked();
  });
});
