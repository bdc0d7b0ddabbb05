/**
 * An assessment under a criteria set (issue #11): the set it records, the indicator values its
 * answers carry (committed like statuses, compared by content), and a backup that keeps both.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createAssessment, getAssessment, updateAssessment } from '../../src/db/assessments';
import { getAnswers, saveAnswer } from '../../src/db/answers';
import { exportBackup, importBackup } from '../../src/db/backup';
import type { XasoDb } from '../../src/db/database';
import { InvalidInputError } from '../../src/db/errors';
import { freshDb, sampleInput } from './helpers';

const TEMPLATE = { id: 'template-commune-index', version: '2026.1' };
const dbs: XasoDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});
function newDb(): XasoDb {
  const db = freshDb();
  dbs.push(db);
  return db;
}

describe('the assessment records its criteria set', () => {
  it('stores the set chosen at creation and keeps it through later edits', async () => {
    const db = newDb();
    const a = await createAssessment({ ...sampleInput, criteriaSet: TEMPLATE }, db);
    expect(a.criteriaSet).toEqual(TEMPLATE);
    await updateAssessment(a.id, { period: '2027', areaTypes: ['rural'] }, db);
    expect((await getAssessment(a.id, db))?.criteriaSet).toEqual(TEMPLATE);
  });

  it('leaves it out for the provisional method, as every older assessment', async () => {
    const db = newDb();
    const a = await createAssessment(sampleInput, db);
    expect('criteriaSet' in ((await getAssessment(a.id, db)) ?? {})).toBe(false);
  });

  it('refuses a malformed set before writing anything', async () => {
    const db = newDb();
    await expect(createAssessment({ ...sampleInput, criteriaSet: { id: '', version: '2026.1' } }, db)).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    expect(await db.assessments.count()).toBe(0);
  });
});

describe('indicator values', () => {
  it('saves every kind of value and reads it back', async () => {
    const db = newDb();
    const a = await createAssessment({ ...sampleInput, criteriaSet: TEMPLATE }, db);
    await saveAnswer(a.id, 'NT1', { value: { kind: 'number', value: 3 } }, { db });
    await saveAnswer(a.id, 'NT2', { value: { kind: 'choice', option: 'chairman' } }, { db });
    await saveAnswer(a.id, 'NT3', { value: { kind: 'pair', a: 2, b: 4 } }, { db });
    await saveAnswer(a.id, 'NT4', { value: { kind: 'yesno', yes: true } }, { db });
    await saveAnswer(a.id, 'TC2', { value: { kind: 'percent', value: 62.5 } }, { db });
    const answers = await getAnswers(a.id, db);
    expect(answers.NT1?.value).toEqual({ kind: 'number', value: 3 });
    expect(answers.NT2?.value).toEqual({ kind: 'choice', option: 'chairman' });
    expect(answers.NT3?.value).toEqual({ kind: 'pair', a: 2, b: 4 });
    expect(answers.NT4?.value).toEqual({ kind: 'yesno', yes: true });
    expect(answers.TC2?.value).toEqual({ kind: 'percent', value: 62.5 });
    expect(answers.NT1?.status).toBeNull();
  });

  it('writes nothing when the same value is saved again (compared by content, not by object)', async () => {
    const db = newDb();
    const a = await createAssessment(sampleInput, db);
    const first = await saveAnswer(a.id, 'NT3', { value: { kind: 'pair', a: 1, b: 2 } }, { db });
    const again = await saveAnswer(a.id, 'NT3', { value: { kind: 'pair', a: 1, b: 2 } }, { db, stored: first });
    expect(again).toBe(first);
    const changed = await saveAnswer(a.id, 'NT3', { value: { kind: 'pair', a: 1, b: 3 } }, { db, stored: first });
    expect(changed.value).toEqual({ kind: 'pair', a: 1, b: 3 });
    expect(changed.updatedAt > first.updatedAt).toBe(true);
  });

  it('removes a value with null', async () => {
    const db = newDb();
    const a = await createAssessment(sampleInput, db);
    const first = await saveAnswer(a.id, 'NT4', { value: { kind: 'yesno', yes: false }, note: 'Biên bản' }, { db });
    await saveAnswer(a.id, 'NT4', { value: null }, { db, stored: first });
    const stored = (await getAnswers(a.id, db)).NT4;
    expect(stored?.value).toBeUndefined();
    expect(stored?.note).toBe('Biên bản');
  });

  it('refuses a value of no known shape, writing nothing', async () => {
    const db = newDb();
    const a = await createAssessment(sampleInput, db);
    const bad = [
      { kind: 'number', value: Number.NaN },
      { kind: 'pair', a: 1 },
      { kind: 'yesno', yes: 'có' },
      { kind: 'choice', option: '' },
      { kind: 'scale', value: 2 },
      { kind: 'number', value: 1, extra: true },
    ];
    for (const value of bad) {
      const err = await saveAnswer(a.id, 'NT1', { value: value as never }, { db }).catch((e: unknown) => e);
      expect(err, JSON.stringify(value)).toBeInstanceOf(InvalidInputError);
    }
    expect(await db.answers.count()).toBe(0);
  });
});

describe('backup', () => {
  it('round-trips the criteria set and the values', async () => {
    const from = newDb();
    const a = await createAssessment({ ...sampleInput, criteriaSet: TEMPLATE }, from);
    await saveAnswer(a.id, 'NT3', { value: { kind: 'pair', a: 2, b: 5 } }, { db: from });
    await saveAnswer(a.id, 'TC3', { status: 2 }, { db: from });
    const file = JSON.stringify(await exportBackup(from));

    const to = newDb();
    const report = await importBackup(file, to);
    expect(report.assessmentsAdded).toBe(1);
    expect((await getAssessment(a.id, to))?.criteriaSet).toEqual(TEMPLATE);
    const answers = await getAnswers(a.id, to);
    expect(answers.NT3?.value).toEqual({ kind: 'pair', a: 2, b: 5 });
    expect(answers.TC3?.status).toBe(2);

    // The same file again: the values are recognised as unchanged.
    const again = await importBackup(file, to);
    expect(again.answersUnchanged).toBe(2);
    expect(again.answersUpdated + again.answersAdded).toBe(0);
  });

  it('does not merge into a same-id assessment under another criteria set', async () => {
    const from = newDb();
    const a = await createAssessment({ ...sampleInput, criteriaSet: TEMPLATE }, from);
    const file = await exportBackup(from);
    const to = newDb();
    await to.assessments.put({ ...a, criteriaSet: { id: 'other', version: '2026.1' } });
    const report = await importBackup(JSON.stringify(file), to);
    expect(report.skipped).toEqual([{ assessmentId: a.id, reason: 'identity-mismatch' }]);
    expect((await getAssessment(a.id, to))?.criteriaSet).toEqual({ id: 'other', version: '2026.1' });
  });
});
