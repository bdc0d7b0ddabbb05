import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { XasoDb } from '../../src/db/database';
import { saveAnswer } from '../../src/db/answers';
import { AssessmentLockedError } from '../../src/db/errors';
import { submitAssessment, withdrawSubmission } from '../../src/sync/submit';
import { enrollFor, freshDb, loadRef, seedAssessment } from './helpers';

let db: XasoDb;
afterEach(async () => {
  await db?.delete();
});

const noKick = { kick: () => undefined, loadReference: loadRef };

describe('submitAssessment', () => {
  it('queues revision 1 (no base) and locks the assessment, in one go', async () => {
    db = freshDb();
    await enrollFor(db);
    const a = await seedAssessment(db);
    let kicked = 0;
    const result = await submitAssessment(a.id, { db, ...noKick, kick: () => kicked++ });
    expect(result).toMatchObject({ ok: true, revision: 1 });
    expect(kicked).toBe(1);
    expect((await db.assessments.get(a.id))?.status).toBe('submitted');
    expect(await db.sync.get(a.id)).toEqual({ assessmentId: a.id, state: 'queued', revision: 1 });
    const rows = await db.outbox.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ assessmentId: a.id, revision: 1, attempts: 0 });
    await expect(saveAnswer(a.id, 'HTS3', { status: 0 }, { db })).rejects.toBeInstanceOf(AssessmentLockedError);
  });

  it('writes the outbox row in the same transaction as the status: an abort midway leaves neither', async () => {
    db = freshDb();
    await enrollFor(db);
    const a = await seedAssessment(db);
    // Fail the last write of the transaction (the outbox row), after status and sync state were written.
    db.outbox.hook('creating', () => {
      throw new Error('disk gave out');
    });
    await expect(submitAssessment(a.id, { db, ...noKick })).rejects.toThrow();
    expect((await db.assessments.get(a.id))?.status).toBe('draft');
    expect(await db.sync.get(a.id)).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses an incomplete assessment and writes nothing', async () => {
    db = freshDb();
    await enrollFor(db);
    const a = await seedAssessment(db, { complete: false });
    const result = await submitAssessment(a.id, { db, ...noKick });
    expect(result.ok).toBe(false);
    expect(result.blocks).toEqual(['incomplete']);
    expect(result.missing).toBe(1);
    expect((await db.assessments.get(a.id))?.status).toBe('draft');
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses when the phone is not enrolled, or enrolled for another commune', async () => {
    db = freshDb();
    const a = await seedAssessment(db);
    expect((await submitAssessment(a.id, { db, ...noKick })).blocks).toEqual(['not-enrolled']);
    await enrollFor(db, '00007');
    expect((await submitAssessment(a.id, { db, ...noKick })).blocks).toEqual(['commune-mismatch']);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.sync.count()).toBe(0);
  });

  it('refuses to queue an already submitted assessment twice', async () => {
    db = freshDb();
    await enrollFor(db);
    const a = await seedAssessment(db);
    await submitAssessment(a.id, { db, ...noKick });
    const again = await submitAssessment(a.id, { db, ...noKick });
    expect(again.blocks).toEqual(['locked']);
    expect(await db.outbox.count()).toBe(1);
  });

  it('only withdraws a submission that failed or conflicted (a queued one may be on the air)', async () => {
    db = freshDb();
    await enrollFor(db);
    const a = await seedAssessment(db);
    await submitAssessment(a.id, { db, ...noKick });
    expect(await withdrawSubmission(a.id, db)).toBe(false);
    await db.sync.update(a.id, { state: 'error', lastError: 'x' });
    expect(await withdrawSubmission(a.id, db)).toBe(true);
    expect((await db.assessments.get(a.id))?.status).toBe('draft');
    expect(await db.outbox.count()).toBe(0);
    expect(await db.sync.get(a.id)).toEqual({ assessmentId: a.id, state: 'draft', revision: 1 });
    // Editable again, and the next submission is still revision 1 (the server never had it).
    await saveAnswer(a.id, 'HTS3', { status: 2 }, { db });
    expect(await submitAssessment(a.id, { db, ...noKick })).toMatchObject({ ok: true, revision: 1 });
  });
});
