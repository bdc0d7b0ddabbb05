/**
 * P6 under a criteria set (issue #11): an indicator's value goes to IndexedDB like a status does.
 * A value the engine refuses writes nothing; when the phone's storage refuses a write (quota) the
 * card says so, keeps what the officer typed, and "Thử lưu lại" saves it once space is back.
 */
import { CriteriaChecklistPage } from '../pages/criteria-checklist';
import { tx } from '../pages/text';
import { backupWith, expect, readStore, restore, setDiskFull, simulateFullDisk, test, uuid } from './fixtures';

test('[P6] under a criteria set: a refused value writes nothing; a full disk keeps the typed value, and it is saved on retry', async ({
  page,
  phoneErrors,
}) => {
  await simulateFullDisk(page);
  const id = uuid(0x6101);
  const file = backupWith([{ id }]);
  const onSet = {
    ...file,
    assessments: file.assessments.map((a) => ({ ...a, criteriaSet: { id: 'template-commune-index', version: '2026.1' } })),
  };
  await expect((await restore(page, onSet)).importReport).toBeVisible();
  await page.goto(`./#/a/${id}`);
  const checklist = new CriteriaChecklistPage(page);
  await expect(checklist.card('NT1')).toBeVisible();
  await checklist.box('NT1', 'a').fill('3');
  await expect(checklist.saved('NT1')).toBeVisible();
  const before = await readStore(page, 'answers');
  expect(before).toEqual([expect.objectContaining({ code: 'NT1', value: { kind: 'number', value: 3 } })]);

  // Refused by the engine: a negative count; the reason is on the card and nothing is written.
  await checklist.box('NT5', 'a').fill('-2');
  await expect(checklist.card('NT5').getByRole('alert')).toHaveText(tx('criteria', 'problem.negative'));
  expect(await readStore(page, 'answers')).toEqual(before);

  await setDiskFull(page, true);
  try {
    await checklist.box('NT3', 'a').fill('2');
    await checklist.box('NT3', 'b').fill('4');
    await expect(checklist.card('NT3').getByRole('alert')).toContainText(tx('assess', 'checklist.save.storage-quota'));
    await expect(checklist.saved('NT3')).toHaveCount(0);
    await expect(checklist.box('NT3', 'a')).toHaveValue('2');
    await expect(checklist.box('NT3', 'b')).toHaveValue('4');
  } finally {
    await setDiskFull(page, false);
  }
  expect(await readStore(page, 'answers')).toEqual(before);

  // Space is back: the retry saves what was typed, and it is there after a reload.
  await checklist
    .card('NT3')
    .getByRole('button', { name: tx('assess', 'checklist.save.retry') })
    .click();
  await expect(checklist.saved('NT3')).toBeVisible();
  await page.reload();
  await expect(checklist.box('NT3', 'a')).toHaveValue('2');
  await expect(checklist.box('NT3', 'b')).toHaveValue('4');
  await expect(checklist.box('NT1', 'a')).toHaveValue('3');
  expect(phoneErrors).toEqual([]);
});
