import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createAssessment, deleteAssessment, getAssessment } from '../../src/db/assessments';
import { getAnswers, saveAnswer } from '../../src/db/answers';
import type { XasoDb } from '../../src/db/database';
import { StorageWriteError } from '../../src/db/errors';
import { failAllWrites as failWrites, freshDb, sampleInput } from './helpers';

let db: XasoDb;
afterEach(async () => {
  await db?.delete();
});

describe('when IndexedDB refuses a write', () => {
  it('a full disk on the answer write rejects with StorageWriteError and leaves earlier answers intact', async () => {
    db = freshDb();
    const failing = failWrites(db, ['answers']);
    const a = await createAssessment(sampleInput, db);
    const kept = await saveAnswer(a.id, 'HTS1', { status: 2, note: 'đã có' }, { db });
    const before = await getAssessment(a.id, db);
    failing.on = true;
    const err = await saveAnswer(a.id, 'HTS1', { status: 3 }, { db }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageWriteError);
    expect((err as StorageWriteError).reason).toBe('quota');
    expect((err as StorageWriteError).message).toMatch(/storage is full/);
    await expect(saveAnswer(a.id, 'HTS2', { status: 1 }, { db })).rejects.toBeInstanceOf(StorageWriteError);
    failing.on = false;
    expect(await getAnswers(a.id, db)).toEqual({ HTS1: kept });
    expect(await getAssessment(a.id, db)).toEqual(before);
  });

  // The second write of a save is the assessment's touch (schema v2, src/db/touch.ts); it was
  // the assessment row itself before issue #16.
  it('a failure on the touch write rolls back the answer written before it in the same transaction', async () => {
    db = freshDb();
    const failing = failWrites(db, ['touches']);
    const a = await createAssessment(sampleInput, db);
    const kept = await saveAnswer(a.id, 'HTS1', { status: 1 }, { db });
    failing.on = true;
    await expect(saveAnswer(a.id, 'HTS1', { status: 3 }, { db })).rejects.toBeInstanceOf(StorageWriteError);
    await expect(saveAnswer(a.id, 'HTS2', { status: 3 }, { db })).rejects.toBeInstanceOf(StorageWriteError);
    failing.on = false;
    expect(await getAnswers(a.id, db)).toEqual({ HTS1: kept });
  });

  it('any other failure is a StorageWriteError too (reason "unknown")', async () => {
    db = freshDb();
    const failing = failWrites(db, ['answers'], () => new DOMException('disk I/O', 'UnknownError'));
    const a = await createAssessment(sampleInput, db);
    failing.on = true;
    const err = await saveAnswer(a.id, 'HTS1', { status: 3 }, { db }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageWriteError);
    expect((err as StorageWriteError).reason).toBe('unknown');
  });

  it('a failed delete removes nothing', async () => {
    db = freshDb();
    const failing = failWrites(db, ['sync']);
    const a = await createAssessment(sampleInput, db);
    await saveAnswer(a.id, 'HTS1', { status: 1 }, { db });
    failing.on = true;
    await expect(deleteAssessment(a.id, db)).rejects.toBeInstanceOf(StorageWriteError);
    failing.on = false;
    expect(await getAssessment(a.id, db)).toBeDefined();
    expect(Object.keys(await getAnswers(a.id, db))).toEqual(['HTS1']);
  });
});
