/**
 * saveAnswer is the checklist's hot path: every IndexedDB round trip costs a task on a slow
 * phone's main thread (issue #4). These tests pin down how it talks to IndexedDB: both reads
 * issued together, the assessment row written back whole (no update(), which reads it again),
 * and the assessment's other fields untouched.
 */
import 'fake-indexeddb/auto';
import type { DBCore } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createAssessment, getAssessment, updateAssessment } from '../../src/db/assessments';
import { getAnswers, saveAnswer } from '../../src/db/answers';
import type { XasoDb } from '../../src/db/database';
import { freshDb, sampleInput } from './helpers';

let db: XasoDb;
afterEach(async () => {
  await db?.delete();
});

/** Records every DBCore call (start and settle) while `log.on` is true. */
function recordCalls(target: XasoDb): { on: boolean; events: string[] } {
  const log = { on: false, events: [] as string[] };
  target.use({
    stack: 'dbcore',
    name: 'test-record-calls',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        const wrap =
          <R, A>(op: string, call: (req: A) => Promise<R>) =>
          (req: A): Promise<R> => {
            if (!log.on) return call(req);
            const kind = op === 'mutate' ? `mutate-${(req as { type: string }).type}` : op;
            log.events.push(`start ${kind} ${name}`);
            return call(req).then((r) => {
              log.events.push(`end ${kind} ${name}`);
              return r;
            });
          };
        return {
          ...table,
          get: wrap('get', table.get.bind(table)),
          getMany: wrap('getMany', table.getMany.bind(table)),
          query: wrap('query', table.query.bind(table)),
          openCursor: wrap('openCursor', table.openCursor.bind(table)),
          count: wrap('count', table.count.bind(table)),
          mutate: wrap('mutate', table.mutate.bind(table)),
        };
      },
    }),
  });
  return log;
}

describe('saveAnswer round trips', () => {
  it('issues both reads before either returns, then the two puts together: four requests', async () => {
    db = freshDb();
    const log = recordCalls(db);
    const a = await createAssessment(sampleInput, db);
    await saveAnswer(a.id, 'HTS1', { status: 1 }, db);
    log.on = true;
    await saveAnswer(a.id, 'HTS1', { status: 2, note: 'Đã có kế hoạch' }, db);
    const starts = log.events.filter((e) => e.startsWith('start'));
    expect(starts.sort()).toEqual(['start get answers', 'start get assessments', 'start mutate-put answers', 'start mutate-put assessments']);
    // Reads in parallel: the second read starts before the first one ends.
    expect(log.events.slice(0, 2).every((e) => e.startsWith('start get'))).toBe(true);
    // Writes in parallel, and only after both reads came back.
    const firstPut = log.events.findIndex((e) => e.startsWith('start mutate'));
    expect(log.events.slice(firstPut, firstPut + 2).every((e) => e.startsWith('start mutate-put'))).toBe(true);
    expect(log.events.slice(0, firstPut).filter((e) => e.startsWith('end get'))).toHaveLength(2);
  });

  it('an edit that changes nothing only reads', async () => {
    db = freshDb();
    const log = recordCalls(db);
    const a = await createAssessment(sampleInput, db);
    await saveAnswer(a.id, 'HTS1', { status: 3 }, db);
    log.on = true;
    await saveAnswer(a.id, 'HTS1', { status: 3 }, db);
    expect(log.events.filter((e) => e.startsWith('start')).sort()).toEqual(['start get answers', 'start get assessments']);
  });
});

describe('saveAnswer and the assessment row', () => {
  it('changes only updatedAt and lastCode of the assessment, keeping every other field', async () => {
    db = freshDb();
    const a = await createAssessment(sampleInput, db);
    await updateAssessment(a.id, { status: 'returned', helpers: 'Nguyễn Văn Ánh' }, db);
    const before = await getAssessment(a.id, db);
    const saved = await saveAnswer(a.id, 'ĐLHQ8', { status: 2 }, db);
    const after = await getAssessment(a.id, db);
    expect(after).toEqual({ ...before, updatedAt: saved.updatedAt, lastCode: 'ĐLHQ8' });
  });

  it('saves of several cards started together all commit, and the assessment ends at the newest edit', async () => {
    db = freshDb();
    const a = await createAssessment(sampleInput, db);
    const codes = ['HTS1', 'HTS2', 'HTS3', 'HTS4', 'HTS5'];
    const saved = await Promise.all(codes.map((code, i) => saveAnswer(a.id, code, { status: (i % 4) as 0 | 1 | 2 | 3 }, db)));
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
    await saveAnswer(a.id, 'HTS1', { status: 2 }, db, { onCommit }).then(() => events.push('resolved'));
    expect(events).toEqual(['commit', 'resolved']);
    // The complete event's timeStamp (fake-indexeddb uses the wall clock; browsers performance.now()).
    expect(at).toBeGreaterThanOrEqual(before - 1);
    await updateAssessment(a.id, { status: 'submitted' }, db);
    let called = false;
    await expect(saveAnswer(a.id, 'HTS1', { status: 3 }, db, { onCommit: () => (called = true) })).rejects.toThrow();
    expect(called).toBe(false);
  });
});
