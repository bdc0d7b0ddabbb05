/**
 * Journey 3, the backup file: answers exported on one phone come back, identical and with the
 * same index, on a phone that never saw them; a damaged file is refused and writes nothing.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { BASE_URL, phone } from './env';
import { groupOf, mountainCommune as fx, type FixtureAnswer } from './fixtures';
import { ChecklistPage } from './pages/checklist';
import { HomePage } from './pages/home';
import { NewAssessmentPage } from './pages/new-assessment';
import { SettingsPage } from './pages/settings';
import { SummaryPage } from './pages/summary';
import { tx } from './pages/text';

/** Layer 1 of the fixture: an N/A with its reason, a named open item, notes. */
const answers: Record<string, FixtureAnswer> = Object.fromEntries(
  Object.entries(fx.answers).filter(([code]) => ['HTS', 'ANM'].includes(groupOf(code))),
);

test('export a backup, refuse a truncated copy, restore it on a fresh phone with the same answers and index', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  // Phone 1: fill in, note the index, export.
  const form = new NewAssessmentPage(page);
  await form.goto();
  const id = await form.create(fx);
  const checklist = new ChecklistPage(page);
  await checklist.answerAll(answers);
  const summary = new SummaryPage(page);
  await summary.goto(id);
  const indexText = (await summary.indexLine.textContent()) ?? '';
  expect(indexText).toMatch(/\d/);

  const settings = new SettingsPage(page);
  await settings.goto();
  const download = await settings.exportBackup();
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const text = await readFile(file, 'utf8');
  expect(text).toContain(answers.HTS19?.naReason);
  const truncated = testInfo.outputPath('truncated.json');
  await writeFile(truncated, text.slice(0, Math.floor(text.length / 2)));

  // Phone 2: a fresh browser profile.
  const fresh = await browser.newContext({ ...phone, baseURL: BASE_URL });
  try {
    const page2 = await fresh.newPage();
    const home = new HomePage(page2);
    await home.goto();
    await expect(home.emptyState).toBeVisible();

    const settings2 = new SettingsPage(page2);
    await settings2.goto();
    await settings2.importBackup(truncated);
    await expect(settings2.importError).toHaveText(tx('settings', 'backup.fileError.not-json'));
    await expect(settings2.importReport).toHaveCount(0);
    await home.goto();
    await expect(home.emptyState).toBeVisible(); // nothing was written

    await settings2.goto();
    await settings2.importBackup(file);
    await expect(settings2.importReport).toBeVisible();
    await expect(settings2.reportCount('assessmentsAdded')).toHaveText('1');
    await expect(settings2.reportCount('answersAdded')).toHaveText(String(Object.keys(answers).length));
    await expect(settings2.importError).toHaveCount(0);

    await home.goto();
    await home.open(fx.commune, fx.period);
    const checklist2 = new ChecklistPage(page2);
    await checklist2.expectLoaded();
    await checklist2.expectAnswers(answers);
    const summary2 = new SummaryPage(page2);
    await summary2.goto(id);
    await expect(summary2.indexLine).toHaveText(indexText);
  } finally {
    await fresh.close();
  }
});
