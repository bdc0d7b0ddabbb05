import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createAssessment, deleteAssessment, getAssessment, listAssessments, updateAssessment } from '../../src/db/assessments';
import { getAnswers, saveAnswer } from '../../src/db/answers';
import type { XasoDb } from '../../src/db/database';
import { AssessmentLockedError, AssessmentNotFoundError, InvalidInputError } from '../../src/db/errors';
import { freshDb, sampleInput } from './helpers';

let db: XasoDb;
afterEach(async () => {
  await db?.delete();
});

describe('assessments', () => {
  it('creates a draft with a UUID, timestamps and NFC, trimmed text', async () => {
    db = freshDb();
    const decomposed = '  Tổ công nghệ số '.normalize('NFD');
    const a = await createAssessment({ ...sampleInput, areaTypes: ['rural', 'urban', 'rural'], helpers: decomposed }, db);
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.status).toBe('draft');
    expect(a.createdAt).toBe(a.updatedAt);
    expect(a.areaTypes).toEqual(['urban', 'rural']);
    expect(a.helpers).toBe('Tổ công nghệ số'.normalize('NFC'));
    expect(await getAssessment(a.id, db)).toEqual(a);
  });

  it('refuses bad input with a clear error and writes nothing', async () => {
    db = freshDb();
    const bad = [
      { ...sampleInput, communeCode: '' },
      { ...sampleInput, provinceCode: 'HN' },
      { ...sampleInput, areaTypes: [] },
      { ...sampleInput, areaTypes: ['city' as never] },
      { ...sampleInput, period: '   ' },
      { ...sampleInput, period: 'x'.repeat(21) },
      { ...sampleInput, helpers: 'x'.repeat(501) },
      { ...sampleInput, catalogueVersion: '' },
    ];
    for (const input of bad) await expect(createAssessment(input, db)).rejects.toBeInstanceOf(InvalidInputError);
    expect(await listAssessments(db)).toEqual([]);
  });

  it('lists the most recently edited first', async () => {
    db = freshDb();
    const first = await createAssessment(sampleInput, db);
    const second = await createAssessment({ ...sampleInput, communeCode: '00007' }, db);
    await new Promise((r) => setTimeout(r, 2));
    await saveAnswer(first.id, 'HTS1', { status: 2 }, { db });
    expect((await listAssessments(db)).map((a) => a.id)).toEqual([first.id, second.id]);
  });

  it('updates details, clears helpers with "", and keeps lastCode-only moves out of the order', async () => {
    db = freshDb();
    const a = await createAssessment({ ...sampleInput, helpers: 'Anh Ba' }, db);
    const moved = await updateAssessment(a.id, { lastCode: 'ANM3' }, db);
    expect(moved.lastCode).toBe('ANM3');
    expect(moved.updatedAt).toBe(a.updatedAt);
    const edited = await updateAssessment(a.id, { period: ' 2026-H2 ', helpers: '', areaTypes: ['mountain-border-island'] }, db);
    expect(edited).toMatchObject({ period: '2026-H2', areaTypes: ['mountain-border-island'] });
    expect('helpers' in edited).toBe(false);
    expect(edited.updatedAt > a.updatedAt).toBe(true);
    expect(await getAssessment(a.id, db)).toEqual(edited);
    await expect(updateAssessment('missing', { period: '2027' }, db)).rejects.toBeInstanceOf(AssessmentNotFoundError);
  });

  it('freezes the details of a submitted assessment but lets the sync layer change its status', async () => {
    db = freshDb();
    const a = await createAssessment(sampleInput, db);
    await updateAssessment(a.id, { status: 'submitted' }, db);
    await expect(updateAssessment(a.id, { period: '2027' }, db)).rejects.toBeInstanceOf(AssessmentLockedError);
    expect((await updateAssessment(a.id, { lastCode: 'HTS2' }, db)).lastCode).toBe('HTS2');
    expect((await updateAssessment(a.id, { status: 'returned' }, db)).status).toBe('returned');
    expect((await updateAssessment(a.id, { period: '2027' }, db)).period).toBe('2027');
  });

  it('deletes an assessment with its answers, outbox and sync rows in one go, and nothing else', async () => {
    db = freshDb();
    const a = await createAssessment(sampleInput, db);
    const b = await createAssessment({ ...sampleInput, communeCode: '00007' }, db);
    for (const id of [a.id, b.id]) {
      await saveAnswer(id, 'HTS1', { status: 3 }, { db });
      await saveAnswer(id, 'ANM2', { status: 'na', naReason: 'không có' }, { db });
      const now = new Date().toISOString();
      await db.outbox.add({ assessmentId: id, revision: 1, enqueuedAt: now, attempts: 0, nextAttemptAt: now });
      await db.sync.put({ assessmentId: id, state: 'queued', revision: 1 });
    }
    await deleteAssessment(a.id, db);
    expect(await getAssessment(a.id, db)).toBeUndefined();
    expect(await getAnswers(a.id, db)).toEqual({});
    expect(await db.outbox.where('assessmentId').equals(a.id).count()).toBe(0);
    expect(await db.sync.get(a.id)).toBeUndefined();
    expect(Object.keys(await getAnswers(b.id, db))).toHaveLength(2);
    expect(await db.outbox.count()).toBe(1);
    expect(await db.sync.get(b.id)).toBeDefined();
  });
});
