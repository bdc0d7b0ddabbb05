/**
 * P3 — a newer schema opens the database while an older tab holds it: the old tab is told to
 * reload, stops writing, and no row is lost or broken. P4 — two tabs edit the same assessment:
 * both edits are kept (the later one per component), never a broken record.
 * The version-change plumbing alone is in test/db/migrations.test.ts (fake IndexedDB); here it is
 * the real app in Chromium with its real IndexedDB.
 */
import type { Page } from '@playwright/test';
import { LATEST_SCHEMA_VERSION } from '../../../src/db/migrations';
import { ChecklistPage } from '../pages/checklist';
import { tx } from '../pages/text';
import { backupWith, expect, readStore, restore, test, uuid } from './fixtures';

interface Row {
  code: string;
  status: unknown;
  note?: string;
  assessmentId: string;
  updatedAt: string;
}

/** What a newer build does on start: open the app's database one schema version up, adding a store. */
function upgradeFromAnotherTab(page: Page, version: number): Promise<string> {
  return page.evaluate(
    (v) =>
      new Promise<string>((resolve) => {
        const req = indexedDB.open('xaso', v * 10); // Dexie stores version n as n × 10
        let blocked = false;
        req.onblocked = () => (blocked = true);
        req.onupgradeneeded = () => req.result.createObjectStore('addedByNewerBuild', { keyPath: 'id' });
        req.onsuccess = () => {
          req.result.close();
          resolve(blocked ? 'upgraded after waiting' : 'upgraded');
        };
        req.onerror = () => resolve(`error: ${String(req.error)}`);
      }),
    version,
  );
}

test('[P3] a schema upgrade while an older tab holds the database: the old tab is told to reload and stops writing, no row is lost or broken', async ({
  page,
  context,
}) => {
  const id = uuid(0x3001);
  await expect((await restore(page, backupWith([{ id }]))).importReport).toBeVisible();
  const old = new ChecklistPage(page);
  await old.goto(id, 'HTS6');
  await old.statusRadio('HTS6', 3).check();
  await expect(old.saveState('HTS6')).toBeVisible();
  await old.statusRadio('HTS7', 1).check();
  await expect(old.saveState('HTS7')).toBeVisible();
  const before = await readStore<Row>(page, 'answers');

  const newer = await context.newPage();
  await newer.goto('about:blank');
  await newer.goto('./#/settings'); // same origin, another tab
  // The old tab lets go at once: the upgrade is not left waiting.
  expect(await upgradeFromAnotherTab(newer, LATEST_SCHEMA_VERSION + 1)).toBe('upgraded');

  // The old tab says so and offers the reload.
  const notices = page.locator('.app-notices');
  await expect(notices.getByText(tx('common', 'db.stale'))).toBeVisible();
  await expect(notices.getByRole('button', { name: tx('common', 'actions.reload'), exact: true })).toBeVisible();

  // An edit made in the old tab is refused with the reason, not silently dropped or half written.
  await old.statusRadio('HTS8', 2).check();
  await expect(old.card('HTS8').getByRole('alert')).toHaveText(
    new RegExp(tx('assess', 'checklist.save.storage-closed').slice(0, 40)),
  );
  await expect(old.saveState('HTS8')).toHaveCount(0);

  // Nothing lost, nothing broken, nothing from the refused edit.
  const after = await readStore<Row>(newer, 'answers');
  expect(after).toEqual(before);
  const [assessment] = await readStore<{ id: string; status: string }>(newer, 'assessments');
  expect(assessment).toMatchObject({ id, status: 'draft' });
  await newer.close();

  // After the reload the tab works again on the upgraded database.
  await notices.getByRole('button', { name: tx('common', 'actions.reload'), exact: true }).click();
  await old.expectLoaded();
  await old.openGroup('HTS');
  await expect(old.statusRadio('HTS6', 3)).toBeChecked();
  await old.statusRadio('HTS8', 2).check();
  await expect(old.saveState('HTS8')).toBeVisible();
});

test('[P4] two tabs edit the same assessment: both edits are kept, the later one per component, never a broken record', async ({
  page,
  context,
}) => {
  const id = uuid(0x4001);
  await expect((await restore(page, backupWith([{ id }]))).importReport).toBeVisible();
  const a = new ChecklistPage(page);
  await a.goto(id, 'HTS6');
  const pageB = await context.newPage();
  const b = new ChecklistPage(pageB);
  await b.goto(id, 'HTS6');

  // Different components, interleaved.
  await a.statusRadio('HTS6', 3).check();
  await b.statusRadio('HTS7', 2).check();
  await a.openNote('HTS10'); // the note opens on demand (compact card, issue #10 item 5)
  await a.note('HTS10').fill('Tab A ghi chú');
  await a.note('HTS10').blur();
  await b.statusRadio('HTS11', 1).check();
  // The same component: B's edit comes later and wins.
  await a.statusRadio('HTS8', 1).check();
  await expect(a.saveState('HTS8')).toBeVisible();
  await b.statusRadio('HTS8', 2).check();
  for (const [tab, code] of [
    [a, 'HTS6'],
    [b, 'HTS7'],
    [a, 'HTS10'],
    [b, 'HTS11'],
    [b, 'HTS8'],
  ] as const)
    await expect(tab.saveState(code)).toBeVisible();

  const rows = await readStore<Row>(page, 'answers');
  const byCode = Object.fromEntries(rows.map((r) => [r.code, r]));
  expect(byCode.HTS6?.status).toBe(3);
  expect(byCode.HTS7?.status).toBe(2);
  expect(byCode.HTS10?.note).toBe('Tab A ghi chú');
  expect(byCode.HTS11?.status).toBe(1);
  expect(byCode.HTS8?.status).toBe(2);
  // Every row whole: its assessment, a code, a valid status, a time; one row per component.
  for (const r of rows) {
    expect(r.assessmentId).toBe(id);
    expect([0, 1, 2, 3, 'na', null]).toContain(r.status);
    expect(Number.isNaN(Date.parse(r.updatedAt))).toBe(false);
  }
  expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
  // The assessment's last edit: its row, or its touch row (schema v2: a save writes the touch,
  // not the assessment row; src/db/touch.ts).
  const [assessment] = await readStore<{ id: string; updatedAt: string; lastCode?: string }>(page, 'assessments');
  const [touch] = await readStore<{ assessmentId: string; updatedAt: string; lastCode: string }>(page, 'touches');
  expect(touch?.assessmentId).toBe(id);
  const lastEdit = [assessment?.updatedAt ?? '', touch?.updatedAt ?? ''].sort().at(-1) ?? '';
  expect(
    lastEdit >=
      (rows
        .map((r) => r.updatedAt)
        .sort()
        .at(-1) ?? ''),
  ).toBe(true);

  // Both tabs, reloaded, show the same thing.
  for (const tab of [a, b]) {
    await tab.page.reload();
    await tab.expectLoaded();
    await tab.openGroup('HTS');
    await expect(tab.statusRadio('HTS6', 3)).toBeChecked();
    await expect(tab.statusRadio('HTS7', 2)).toBeChecked();
    await expect(tab.statusRadio('HTS8', 2)).toBeChecked();
    await expect(tab.statusRadio('HTS11', 1)).toBeChecked();
    await expect(tab.note('HTS10')).toHaveValue('Tab A ghi chú');
  }
});
