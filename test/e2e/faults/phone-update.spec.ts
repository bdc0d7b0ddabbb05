/**
 * P2 — a new app version is activated while an edit is in progress: nothing is lost, and the
 * officer is asked (never forced) to reload. The spec's server hosts a private copy of dist/;
 * "publishing" a version changes that copy's sw.js, exactly what a deployment does to a phone.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ChecklistPage } from '../pages/checklist';
import { tx } from '../pages/text';
import { backupWith, expect, readStore, restore, test, uuid } from './fixtures';

const updateNotice = (page: Page) => page.locator('.app-notices').getByText(tx('common', 'sw.updateAvailable'));
const updateButton = (page: Page) =>
  page.locator('.app-notices').getByRole('button', { name: tx('common', 'actions.update'), exact: true });
const reloadButton = (page: Page) =>
  page.locator('.app-notices').getByRole('button', { name: tx('common', 'actions.reload'), exact: true });

async function noteOf(page: Page, code: string): Promise<string | undefined> {
  const answers = await readStore<{ code: string; note?: string }>(page, 'answers');
  return answers.find((a) => a.code === code)?.note;
}

test('[P2] a new version is activated while an edit is in progress: nothing is lost, the officer is prompted, never reloaded by force', async ({
  page,
  context,
  xaso,
}) => {
  test.setTimeout(90_000);
  const sw = path.join(xaso.dist, 'sw.js');
  const original = fs.readFileSync(sw, 'utf8');
  let version = 0;
  const publish = () => fs.writeFileSync(sw, `${original}\n// fault tests: version ${++version}\n`);
  try {
    const id = uuid(0x2001);
    await expect((await restore(page, backupWith([{ id }]))).importReport).toBeVisible();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    const checklist = new ChecklistPage(page);
    await checklist.goto(id, 'HTS6');
    await checklist.statusRadio('HTS6', 2).check();
    await expect(checklist.saveState('HTS6')).toBeVisible();
    // A marker that a reload would wipe.
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    // The officer is typing a note when a new version is published and another tab takes it.
    await checklist.openNote('HTS6');
    await checklist.note('HTS6').pressSequentially('Đang nhập ghi chú', { delay: 5 });
    publish();
    const other = await context.newPage();
    await other.goto('./');
    await expect(updateNotice(other)).toBeVisible({ timeout: 30_000 });
    await expect(updateNotice(page)).toBeVisible({ timeout: 30_000 });
    await Promise.all([other.waitForEvent('load'), updateButton(other).click()]);

    // This tab now runs under the new worker: it offers a reload, it does not take one.
    await expect(reloadButton(page)).toBeVisible({ timeout: 30_000 });
    await checklist.note('HTS6').pressSequentially(' về wifi', { delay: 5 });
    await checklist.note('HTS6').blur();
    await expect(checklist.saveState('HTS6')).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await expect(checklist.note('HTS6')).toHaveValue('Đang nhập ghi chú về wifi');
    expect(await noteOf(page, 'HTS6')).toBe('Đang nhập ghi chú về wifi');
    await other.close();

    // The officer takes the reload when it suits them: everything is there.
    await reloadButton(page).click();
    await checklist.expectLoaded();
    await expect(checklist.note('HTS6')).toHaveValue('Đang nhập ghi chú về wifi');
    await expect(checklist.statusRadio('HTS6', 2)).toBeChecked();

    // Another version, accepted in this very tab in the middle of typing: the typed text is saved first.
    publish();
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect(updateButton(page)).toBeVisible({ timeout: 30_000 });
    await checklist.openNote('HTS7');
    await checklist.note('HTS7').fill('Gõ rồi bấm Cập nhật ngay');
    await Promise.all([page.waitForEvent('load'), updateButton(page).click()]);
    await checklist.expectLoaded();
    await checklist.openGroup('HTS');
    await expect(checklist.note('HTS7')).toHaveValue('Gõ rồi bấm Cập nhật ngay');
    await expect(checklist.note('HTS6')).toHaveValue('Đang nhập ghi chú về wifi');
  } finally {
    fs.writeFileSync(sw, original);
  }
});
