/**
 * Issue #11 item 4: a card's "Hướng dẫn" at 360×640, offline after one visit (the guidance is
 * precached like the catalogue). Closed at first (the compact card stays
 * compact); one tap shows what the component means and what each status looks like for it, from
 * data/catalogue/2026.1/guidance.json, the chosen status marked, and follows a change of status;
 * a second tap closes it. In English the levels are named in English and the guidance, shipped in
 * Vietnamese only (data/catalogue/README.md), is marked lang="vi". Axe on the open states.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Locator } from '@playwright/test';
import { expectAccessible } from './axe';
import { mountainCommune as fx } from './fixtures';
import { ChecklistPage } from './pages/checklist';
import { HomePage } from './pages/home';
import { SettingsPage } from './pages/settings';
import { literal, statusName, tx, type Lang } from './pages/text';

interface Guidance {
  components: Record<string, { vi: string; levels: { vi: string }[] }>;
}
const guidance = JSON.parse(
  readFileSync(new URL('../../data/catalogue/2026.1/guidance.json', import.meta.url), 'utf8'),
) as Guidance;

const toggle = (card: Locator, lang: Lang = 'vi') =>
  card.getByRole('button', { name: tx('assess', 'checklist.guidance.button', {}, lang), exact: true });
const levels = (card: Locator, lang: Lang = 'vi') =>
  card.getByRole('list', { name: tx('assess', 'checklist.guidance.levels', {}, lang) }).getByRole('listitem');

test('"Hướng dẫn" on a card: the meaning and the four levels one tap away, the chosen one marked', async ({ page }) => {
  test.setTimeout(120_000);
  const home = new HomePage(page);
  await home.goto();
  await home.waitUntilOfflineReady();
  await page.context().setOffline(true);
  await page.reload();
  const form = await home.startNew();
  const id = await form.create(fx);
  const checklist = new ChecklistPage(page);
  await checklist.openGroup('ANM');
  const card = checklist.card('ANM7');
  const g = guidance.components.ANM7!;

  await test.step('closed at first: only the button, a 44 px target', async () => {
    await expect(toggle(card)).toHaveAttribute('aria-expanded', 'false');
    await expect(card.getByText(g.vi)).toHaveCount(0);
    const box = await toggle(card).boundingBox();
    expect(Math.round(box?.width ?? 0)).toBeGreaterThanOrEqual(44);
    expect(Math.round(box?.height ?? 0)).toBeGreaterThanOrEqual(44);
  });

  await test.step('opened: the explanation and the four levels, none chosen yet', async () => {
    await toggle(card).click();
    await expect(toggle(card)).toHaveAttribute('aria-expanded', 'true');
    await expect(card.getByText(g.vi, { exact: true })).toBeVisible();
    await expect(levels(card)).toHaveCount(4);
    for (const [i, level] of g.levels.entries())
      await expect(levels(card).nth(i)).toHaveText(`${i} – ${statusName(i)} ${level.vi}`);
    await expect(card.locator('[aria-current]')).toHaveCount(0);
    await expectAccessible(page, 'checklist, guidance open, no status');
  });

  await test.step('the chosen status is marked, and follows a change', async () => {
    await checklist.statusRadio('ANM7', 2).check();
    await expect(checklist.saveState('ANM7')).toBeVisible();
    const chosen = ` (${tx('assess', 'checklist.guidance.current')})`;
    await expect(levels(card).nth(2)).toHaveAttribute('aria-current', 'true');
    await expect(levels(card).nth(2)).toContainText(`2 – ${statusName(2)}${chosen}`);
    await expectAccessible(page, 'checklist, guidance open, level 2 chosen');
    await checklist.statusRadio('ANM7', 3).check();
    await expect(levels(card).nth(3)).toHaveAttribute('aria-current', 'true');
    await expect(card.locator('[aria-current]')).toHaveCount(1);
  });

  await test.step('a second tap closes it', async () => {
    await toggle(card).click();
    await expect(toggle(card)).toHaveAttribute('aria-expanded', 'false');
    await expect(levels(card)).toHaveCount(0);
  });

  await test.step('in English: levels named in English, the Vietnamese guidance marked as Vietnamese', async () => {
    // English is cached on first use (src/sw/policy.ts): choosing it needs the network once.
    await page.context().setOffline(false);
    const settings = new SettingsPage(page);
    await settings.goto();
    await settings.chooseLanguage('en');
    const en = new ChecklistPage(page, 'en');
    await en.goto(id, 'ANM7');
    const enCard = en.card('ANM7');
    await toggle(enCard, 'en').click();
    await expect(enCard.getByText(g.vi, { exact: true })).toHaveAttribute('lang', 'vi');
    await expect(levels(enCard, 'en').nth(3)).toHaveText(
      new RegExp(
        `^3 – ${literal(statusName(3, 'en'))} \\(${tx('assess', 'checklist.guidance.current', {}, 'en')}\\) ${literal(g.levels[3]!.vi)}$`,
      ),
    );
    await expectAccessible(page, 'checklist in English, guidance open');
  });
});
