/**
 * P5 — a truncated or malicious backup file is refused through the real Settings screen, and
 * nothing of it is imported, not even its valid part. P6 — the phone's storage refuses a write
 * (quota): the officer is told, earlier answers are intact, and the edit goes in once space is back.
 * The parsing rules are unit-tested in test/db/backup.test.ts; backup.spec.ts covers a truncated
 * file on an empty phone. Here the phone already holds answers that must not change.
 */
import { ChecklistPage } from '../pages/checklist';
import { tx } from '../pages/text';
import { backupWith, expect, readStore, restore, setDiskFull, simulateFullDisk, test, uuid } from './fixtures';

const at = '2026-03-02T08:00:00.000Z';

test('[P5] truncated, malicious and oversized backup files are refused with the reason; nothing of them is imported', async ({
  page,
  phoneErrors,
}) => {
  const mine = uuid(0x5001);
  const existing = backupWith([{ id: mine, answers: [{ code: 'HTS6', status: 2, note: 'của máy này', updatedAt: at }] }]);
  await expect((await restore(page, existing)).importReport).toBeVisible();
  const snapshot = async () => JSON.stringify([await readStore(page, 'assessments'), await readStore(page, 'answers')]);
  const before = await snapshot();

  // One valid new assessment first, then a damaged one: all or nothing.
  const valid = { id: uuid(0x5002), answers: [{ code: 'HTS7', status: 3 as const, updatedAt: at }] };
  const file = (edit: (b: Record<string, unknown>) => void): string => {
    const b = JSON.parse(
      JSON.stringify(backupWith([valid, { id: uuid(0x5003), answers: [{ code: 'HTS8', status: 1, updatedAt: at }] }])),
    ) as Record<string, unknown>;
    edit(b);
    return JSON.stringify(b);
  };
  const second = (b: Record<string, unknown>) => (b.assessments as Record<string, unknown>[])[1] as Record<string, unknown>;
  const secondAnswer = (b: Record<string, unknown>) =>
    (second(b).answers as Record<string, unknown>[])[0] as Record<string, unknown>;
  const good = file(() => undefined);
  const cases: [string, string, string][] = [
    ['truncated', good.slice(0, Math.floor(good.length * 0.8)), 'not-json'],
    ['status out of range', file((b) => (secondAnswer(b).status = 7)), 'invalid'],
    ['note over the limit', file((b) => (secondAnswer(b).note = 'x'.repeat(2001))), 'invalid'],
    ['unknown code', file((b) => (secondAnswer(b).code = 'HTS999')), 'invalid'],
    [
      'prototype pollution',
      good.replace('"answers":[{"code":"HTS8"', '"__proto__":{"isAdmin":true},"answers":[{"code":"HTS8"'),
      'invalid',
    ],
    ['script in an id', file((b) => (second(b).id = '<img src=x onerror=alert(1)>')), 'invalid'],
    ['a foreign file', JSON.stringify({ hello: 'world' }), 'wrong-format'],
    ['a newer format', file((b) => (b.formatVersion = 99)), 'unsupported-version'],
    ['far too large', `{"format":"xaso-backup","pad":"${'x'.repeat(21_000_000)}"}`, 'too-large'],
  ];
  for (const [what, text, code] of cases) {
    const settings = await restore(page, text, `${what}.json`);
    await expect(settings.importError, what).toHaveText(tx('settings', `backup.fileError.${code}`));
    await expect(settings.importReport, what).toHaveCount(0);
    expect(await snapshot(), `${what}: the phone's data changed`).toBe(before);
  }
  expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  expect(await page.evaluate(() => (({}) as Record<string, unknown>).isAdmin)).toBeUndefined();
  expect(phoneErrors).toEqual([]);

  // The intact file still goes in afterwards, and only adds.
  await expect((await restore(page, good)).importReport).toBeVisible();
  const ids = (await readStore<{ id: string }>(page, 'assessments')).map((a) => a.id).sort();
  expect(ids).toEqual([mine, valid.id, uuid(0x5003)].sort());
});

test('[P6] the phone storage refuses a write (quota): the officer is told, earlier answers are intact, the edit goes in once space is back', async ({
  page,
}) => {
  await simulateFullDisk(page);
  const id = uuid(0x6001);
  await expect((await restore(page, backupWith([{ id }]))).importReport).toBeVisible();
  const checklist = new ChecklistPage(page);
  await checklist.goto(id, 'HTS6');
  await checklist.statusRadio('HTS6', 3).check();
  await checklist.openNote('HTS6');
  await checklist.note('HTS6').fill('Đã lắp cáp quang');
  await checklist.note('HTS6').blur();
  await expect(checklist.saveState('HTS6')).toBeVisible();
  const before = await readStore(page, 'answers');

  // The disk fills up. Chromium offers a test no working way to shrink an origin's quota (CDP's
  // Storage.overrideQuotaForOrigin has no effect on IndexedDB), so the refusal is made where the
  // browser makes it: IndexedDB's put/add/delete throw QuotaExceededError. Everything above that
  // line — Dexie, the store, the checklist — is the real app.
  await setDiskFull(page, true);
  try {
    await checklist.statusRadio('HTS7', 2).check();
    const alert = checklist.card('HTS7').getByRole('alert');
    await expect(alert).toContainText(tx('assess', 'checklist.save.storage-quota'));
    await expect(checklist.saveState('HTS7')).toHaveCount(0);
    await checklist.openNote('HTS6');
    await checklist.note('HTS6').fill('Sửa khi máy đầy');
    await checklist.note('HTS6').blur();
    await expect(checklist.card('HTS6').getByRole('alert')).toContainText(tx('assess', 'checklist.save.storage-quota'));
  } finally {
    await setDiskFull(page, false);
  }
  expect(await readStore(page, 'answers')).toEqual(before);

  // Space is back: "Thử lưu lại" saves what the officer had entered, and nothing earlier was lost.
  await checklist
    .card('HTS7')
    .getByRole('button', { name: tx('assess', 'checklist.save.retry') })
    .click();
  await expect(checklist.saveState('HTS7')).toBeVisible();
  await checklist
    .card('HTS6')
    .getByRole('button', { name: tx('assess', 'checklist.save.retry') })
    .click();
  await expect(checklist.saveState('HTS6')).toBeVisible();
  await page.reload();
  await checklist.expectLoaded();
  await checklist.openGroup('HTS');
  await expect(checklist.statusRadio('HTS6', 3)).toBeChecked();
  await expect(checklist.note('HTS6')).toHaveValue('Sửa khi máy đầy');
  await expect(checklist.statusRadio('HTS7', 2)).toBeChecked();
});
