import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { saveAnswer } from '../../src/db/answers';
import type { XasoDb } from '../../src/db/database';
import { flushOutbox, type FlushOptions } from '../../src/sync/outbox';
import { pullReviews } from '../../src/sync/reviews';
import { submitAssessment } from '../../src/sync/submit';
import { clock, enrollFor, FakeServer, freshDb, loadRef, seedAssessment } from './helpers';

let db: XasoDb;
afterEach(async () => {
  await db?.delete();
});

async function sentAssessment() {
  db = freshDb();
  await enrollFor(db);
  const server = new FakeServer();
  const opts: FlushOptions & { kick: () => void } = {
    db,
    fetch: server.fetch,
    now: clock().now,
    loadReference: loadRef,
    kick: () => undefined,
  };
  const a = await seedAssessment(db);
  await submitAssessment(a.id, opts);
  await flushOutbox(opts);
  return { server, opts, id: a.id };
}

describe('pullReviews', () => {
  it('leaves a submission awaiting review as it is', async () => {
    const { opts, id } = await sentAssessment();
    expect(await pullReviews(opts)).toMatchObject({ checked: 1, changed: 0, reached: true });
    expect(await db.sync.get(id)).toMatchObject({ state: 'sent' });
  });

  it('a returned verdict makes the assessment editable and stores the comments', async () => {
    const { server, opts, id } = await sentAssessment();
    server.review(id, 'returned', 'Bổ sung minh chứng cho nhóm ANM', { ANM5: 'Chưa rõ phương án sao lưu' });
    expect((await pullReviews(opts)).changed).toBe(1);
    expect((await db.assessments.get(id))?.status).toBe('returned');
    expect(await db.sync.get(id)).toMatchObject({
      state: 'returned',
      revision: 1,
      reviewComment: 'Bổ sung minh chứng cho nhóm ANM',
      componentComments: { ANM5: 'Chưa rõ phương án sao lưu' },
    });
    await expect(saveAnswer(id, 'HTS3', { status: 2 }, { db })).resolves.toMatchObject({ status: 2 });
    // Asking again changes nothing.
    expect((await pullReviews(opts)).changed).toBe(0);
  });

  it('resubmission after a return goes up as revision n+1 on base n', async () => {
    const { server, opts, id } = await sentAssessment();
    server.review(id, 'returned', 'Sửa lại');
    await pullReviews(opts);
    await saveAnswer(id, 'HTS3', { status: 2, note: 'Đã sửa theo góp ý' }, { db });
    expect(await submitAssessment(id, opts)).toMatchObject({ ok: true, revision: 2 });
    expect(await db.sync.get(id)).toEqual({ assessmentId: id, state: 'queued', revision: 2, baseRevision: 1 });
    await flushOutbox(opts);
    expect(server.puts().at(-1)?.body).toMatchObject({ revision: 2, baseRevision: 1 });
    expect(await db.sync.get(id)).toMatchObject({ state: 'sent', revision: 2 });
    // The old verdict (about revision 1) does not stick to revision 2.
    expect((await db.sync.get(id))?.reviewComment).toBeUndefined();

    server.review(id, 'accepted', 'Đạt');
    await pullReviews(opts);
    expect((await db.assessments.get(id))?.status).toBe('accepted');
    expect(await db.sync.get(id)).toMatchObject({ state: 'accepted', revision: 2, reviewComment: 'Đạt' });
  });

  it('ignores a verdict about another revision (sent later from another phone)', async () => {
    const { server, opts, id } = await sentAssessment();
    server.revisions.get(id)?.set(2, { hash: 'x', body: {} as never });
    server.review(id, 'returned', 'về bản 2');
    expect((await pullReviews(opts)).changed).toBe(0);
    expect((await db.assessments.get(id))?.status).toBe('submitted');
  });

  it('reports when the server could not be reached, and changes nothing', async () => {
    const { server, opts, id } = await sentAssessment();
    server.mode = 'offline';
    expect(await pullReviews(opts)).toMatchObject({ reached: false, changed: 0 });
    expect(await db.sync.get(id)).toMatchObject({ state: 'sent' });
  });
});
