/**
 * Vietnamese first, English when chosen: the settings switch changes the screens and the
 * catalogue's own texts (data/catalogue/2026.1/en.json), the choice survives a reload, and
 * switching back restores the exact Vietnamese source text.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { mountainCommune as fx } from './fixtures';
import { ChecklistPage } from './pages/checklist';
import { NewAssessmentPage } from './pages/new-assessment';
import { SettingsPage } from './pages/settings';
import { SummaryPage } from './pages/summary';
import { literal, statusName } from './pages/text';

interface Texts {
  layers: Record<string, string>;
  groups: Record<string, string>;
  components: Record<string, string>;
}
const read = (file: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../data/catalogue/2026.1/${file}`, import.meta.url), 'utf8'));
const en = read('en.json') as Texts;
const catalogue = read('catalogue.json') as {
  layers: { id: number; vi: string }[];
  groups: { code: string; vi: string }[];
  components: { code: string; vi: string }[];
};
const vi: Texts = {
  layers: Object.fromEntries(catalogue.layers.map((l) => [String(l.id), l.vi])),
  groups: Object.fromEntries(catalogue.groups.map((g) => [g.code, g.vi])),
  components: Object.fromEntries(catalogue.components.map((c) => [c.code, c.vi])),
};

test('English in settings: screens and component texts in English, remembered, then back to Vietnamese', async ({ page }) => {
  const form = new NewAssessmentPage(page);
  await form.goto();
  const id = await form.create(fx);

  let checklist = new ChecklistPage(page);
  await checklist.openGroup('ANM');
  await checklist.answer('ANM7', { status: 2 });
  const expectTexts = async (lang: 'vi' | 'en', texts: Texts) => {
    checklist = new ChecklistPage(page, lang);
    await checklist.goto(id, 'ANM7');
    const layer = lang === 'vi' ? `Lớp 1. ${texts.layers['1']}` : `Layer 1. ${texts.layers['1']}`;
    await expect(page.getByRole('heading', { level: 2, name: layer, exact: true })).toBeVisible();
    await expect(checklist.groupHeading('ANM')).toHaveText(`ANM ${texts.groups.ANM}`);
    await expect(checklist.groupHeading('ƯDCQS')).toHaveText(`ƯDCQS ${texts.groups['ƯDCQS']}`);
    await expect(checklist.card('ANM7').getByRole('heading', { level: 4 })).toHaveText(`ANM7 ${texts.components.ANM7}`);
    await expect(checklist.statusRadio('ANM7', 2)).toBeChecked();
    await expect(checklist.card('ANM7').getByRole('radio', { name: statusName(3, lang), exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
  };

  await expectTexts('vi', vi);

  const settings = new SettingsPage(page);
  await settings.goto();
  await settings.chooseLanguage('en');
  await expect(page.getByRole('heading', { level: 2, name: 'Language' })).toBeVisible();
  await expectTexts('en', en);
  // A Vietnamese word left on an English screen would be a missed string.
  await expect(page.getByText(literal('Thiết yếu'))).toHaveCount(0);

  const summary = new SummaryPage(page, 'en');
  await summary.goto(id);
  await expect(summary.indexLine).toContainText('Digital transformation index');

  // Remembered: a reload (and a fresh start of the app) stays in English.
  await page.reload();
  await summary.expectShown();
  await expectTexts('en', en);

  await settings.goto();
  await settings.chooseLanguage('vi');
  await expectTexts('vi', vi);
  await page.reload();
  await expectTexts('vi', vi);
});
