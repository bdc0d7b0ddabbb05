/**
 * saveAnswer is the checklist's hot path: every IndexedDB round trip costs a task on a slow
 * phone's main thread (issues #4, #16). These tests pin down how it talks to IndexedDB: every
 * request issued at once (the writes do not wait for the reads that confirm them), the
 * assessment's touch written blindly in its own row, and the assessment's other fields untouched.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createAssessment, getAssessment, updateAssessment } from '../../src/db/assessments';
import { getAnswers, saveAnswer } from '../../src/db/answers';
import type { XasoDb } from '../../src/db/database';
import { freshDb, sampleInput } from './helpers';

let db: XasoDb;
afterEach(async () => {
  await db?.delete();
});

/**
 * Records every get and put request on `target`'s object stores (issued, then succeeded) while
 * `log.on` is true. saveAnswer runs on the raw IDBDatabase (src/db/answer-write.ts), so the
 * requests are seen on IDBObjectStore itself; was a DBCore middleware while it ran through Dexie.
 */
function recordCalls(target: XasoDb): { on: boolean; events: string[] } {
  const log = { on: false, events: [] as string[] };
  const proto = IDBObjectStore.prototype as unknown as Record<string, (...args: unknown[]) => IDBRequest>;
  for (const op of ['get', 'put'] as const) {
    const original = proto[op] as (...args: unknown[]) => IDBRequest;
    const wrapped = function (this: IDBObjectStore, ...args: unknown[]) {
      const request = original.apply(this, args);
      if (log.on && this.transaction.db.name === target.name) {
        const kind = op === 'put' ? 'mutate-put' : 'get';
        log.events.push(`start ${kind} ${this.name}`);
        request.addEventListener('success', () => log.events.push(`end ${kind} ${this.name}`));
      }
      return request;
    };
    proto[op] = wrapped;
    restore.push(() => (proto[op] = original));
  }
  return log;
}

const restore: (() => void)[] = [];
afterEach(() => {
  for (const r of restore.splice(0).reverse()) r();
});

describe('saveAnswer round trips', () => {
  // Issue #16: one round trip. Was: both reads, then both puts (two round trips), before the
  // assessment's touch had its own row (schema v2).
  it('issues the three confirming reads and both puts before any request returns: one round trip', async () => {
    db = freshDb();
    const log = recordCalls(db);
    const a = await createAssessment(sampleInput, db);
    const first = await saveAnswer(a.id, 'HTS1', { status: 1 }, { db });
    log.on = true;
    const saved = await saveAnswer(a.id, 'HTS1', { status: 2, note: 'Đã có kế hoạch' }, { db, stored: first });
    const starts = log.events.filter((e) => e.startsWith('start'));
    expect([...starts].sort()).toEqual([
      'start get answers',
      'start get assessments',
      'start get touches',
      'start mutate-put answers',
      'start mutate-put touches',
    ]);
    expect(log.events.slice(0, 5)).toEqual(starts);
    expect(log.events).toHaveLength(10); // nothing written again
    expect(await getAnswers(a.id, db)).toEqual({ HTS1: saved });
  });

  it('an edit that changes nothing from the answer the card holds makes no request at all', async () => {
    db = freshDb();
    const log = recordCalls(db);
    const a = await createAssessment(sampleInput, db);
    const saved = await saveAnswer(a.id, 'HTS1', { status: 3, note: 'Có' }, { db });
    log.on = true;
    expect(await saveAnswer(a.id, 'HTS1', { status: 3, note: ' Có ' }, { db, stored: saved })).toBe(saved);
    expect(log.events).toEqual([]);
  });

  it('an edit that changes nothing from what is stored writes nothing, even when the caller did not know it', async () => {
    db = freshDb();
    const a = await createAssessment(sampleInput, db);
    const saved = await saveAnswer(a.id, 'HTS1', { status: 3 }, { db });
    const before = await getAssessment(a.id, db);
    const touch = await db.touches.get(a.id);
    expect(await saveAnswer(a.id, 'HTS1', { status: 3 }, { db })).toEqual(saved);
    expect(await getAnswers(a.id, db)).toEqual({ HTS1: saved });
    expect(await getAssessment(a.id, db)).toEqual(before);
    expect(await db.touches.get(a.id)).toEqual(touch);
  });

  it('an answer the caller did not know of (another tab) is merged inside the same transaction, never overwritten', async () => {
    db = freshDb();
    const log = recordCalls(db);
    const a = await createAssessment(sampleInput, db);
    const mine = await saveAnswer(a.id, 'HTS1', { status: 1 }, { db });
    // Another tab adds a note; this card still holds `mine`.
    const theirs = await saveAnswer(a.id, 'HTS1', { note: 'Ghi chú của tab khác' }, { db, stored: mine });
    log.on = true;
    const saved = await saveAnswer(a.id, 'HTS1', { status: 2 }, { db, stored: mine });
    expect(saved).toMatchObject({ status: 2, note: 'Ghi chú của tab khác' });
    expect(Date.parse(saved.updatedAt)).toBeGreaterThan(Date.parse(theirs.updatedAt));
    expect(await getAnswers(a.id, db)).toEqual({ HTS1: saved });
    // The put is redone in the same transaction: two more puts, no second transaction's reads.
    expect(log.events.filter((e) => e.startsWith('start get'))).toHaveLength(3);
    expect(log.events.filter((e) => e.startsWith('start mutate-put'))).toHaveLength(4);
  });

  it('stored answers newer than the phone’s clock (the clock went back) still get an older-looking edit replaced by a newer one', async () => {
    db = freshDb();
    const a = await createAssessment(sampleInput, db);
    const future = '2099-01-01T00:00:00.000Z';
    await db.answers.put({ assessmentId: a.id, code: 'HTS1', status: 1, updatedAt: future });
    const saved = await saveAnswer(a.id, 'HTS1', { status: 2 }, { db });
    expect(Date.parse(saved.updatedAt)).toBeGreaterThan(Date.parse(future));
    expect((await getAssessment(a.id, db))?.updatedAt).toBe(saved.updatedAt);
  });
});

describe('saveAnswer and the assessment row', () => {
  it('changes only updatedAt and lastCode of the assessment, keeping every other field', async () => {
    db = freshDb();
    const a = await createAssessment(sampleInput, db);
    await updateAssessment(a.id, { status: 'returned', helpers: 'Nguyễn Văn Ánh' }, db);
    const before = await getAssessment(a.id, db);
    const saved = await saveAnswer(a.id, 'ĐLHQ8', { status: 2 }, { db });
    const after = await getAssessment(a.id, db);
    expect(after).toEqual({ ...before, updatedAt: saved.updatedAt, lastCode: 'ĐLHQ8' });
  });

  it('saves of several cards started together all commit, and the assessment ends at the newest edit', async () => {
    db = freshDb();
    const a = await createAssessment(sampleInput, db);
    const codes = ['HTS1', 'HTS2', 'HTS3', 'HTS4', 'HTS5'];
    const saved = await Promise.all(codes.map((code, i) => saveAnswer(a.id, code, { status: (i % 4) as 0 | 1 | 2 | 3 }, { db })));
    const answers = await getAnswers(a.id, db);
    expect(Object.keys(answers).sort()).toEqual(codes);
    for (const s of saved) expect(answers[s.code]).toEqual(s);
    // Each transaction read the assessment the previous one wrote, so the timestamps only grow.
    const times = saved.map((s) => Date.parse(s.updatedAt));
    expect([...times].sort((x, y) => x - y)).toEqual(times);
    expect(new Set(times).size).toBe(times.length);
    const after = await getAssessment(a.id, db);
    expect(after?.updatedAt).toBe(saved.at(-1)?.updatedAt);
    expect(after?.lastCode).toBe('HTS5');
  });
});

describe('saveAnswer onCommit', () => {
  it('reports the commit event’s time before the promise resolves, and never for a failed edit', async () => {
    db = freshDb();
    const a = await createAssessment(sampleInput, db);
    const events: string[] = [];
    const before = Date.now();
    let at = 0;
    const onCommit = (t: number) => {
      at = t;
      events.push('commit');
    };
    await saveAnswer(a.id, 'HTS1', { status: 2 }, { db, onCommit }).then(() => events.push('resolved'));
    expect(events).toEqual(['commit', 'resolved']);
    // The complete event's timeStamp (fake-indexeddb uses the wall clock; browsers performance.now()).
    expect(at).toBeGreaterThanOrEqual(before - 1);
    await updateAssessment(a.id, { status: 'submitted' }, db);
    let called = false;
    await expect(saveAnswer(a.id, 'HTS1', { status: 3 }, { db, onCommit: () => (called = true) })).rejects.toThrow();
    expect(called).toBe(false);
  });
});
