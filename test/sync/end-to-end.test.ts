/**
 * The phone's sync client against the real server (in process, SQLite): enroll with a code the
 * reviewer issued, submit, deliver, get returned with comments, fix, resubmit as revision 2 on
 * base 1, get accepted. Also: a lost answer is replayed without a second revision.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { saveAnswer } from '../../src/db/answers';
import type { XasoDb } from '../../src/db/database';
import { enroll } from '../../src/sync/enrollment';
import type { FetchLike } from '../../src/sync/http';
import { flushOutbox } from '../../src/sync/outbox';
import { pullReviews } from '../../src/sync/reviews';
import { submitAssessment } from '../../src/sync/submit';
import { TestServer } from '../server/harness';
import { freshDb, loadRef, seedAssessment } from './helpers';

let db: XasoDb;
let server: TestServer | undefined;
afterEach(async () => {
  await db?.delete();
  await server?.close();
  server = undefined;
});

function phoneFetch(s: TestServer): FetchLike {
  return async (url, init) => s.xaso.app.request(url, init, { incoming: { socket: { remoteAddress: '192.0.2.20' } } });
}

describe('sync client ↔ server', () => {
  it('enroll → submit → returned with comments → resubmit n+1 on n → accepted', async () => {
    server = await TestServer.start('sqlite');
    const s = server;
    db = freshDb();
    const fetch = phoneFetch(s);
    // The phone's clock in step with the test server's (the server refuses a submission dated more than a day ahead).
    const opts = { db, fetch, loadReference: loadRef, kick: () => undefined, now: () => s.clock.getTime() };
    const reviewer = await s.reviewer('01');
    const code = await s.issueCode(reviewer, '00004');

    const enrolled = await enroll(code.toLowerCase(), { db, fetch });
    expect(enrolled).toMatchObject({ ok: true, enrollment: { communeCode: '00004', provinceCode: '01' } });

    const a = await seedAssessment(db);
    expect(await submitAssessment(a.id, opts)).toMatchObject({ ok: true, revision: 1 });
    expect(await flushOutbox(opts)).toMatchObject({ sent: 1, rejected: 0, conflicts: 0 });
    expect(await db.sync.get(a.id)).toMatchObject({ state: 'sent', revision: 1 });

    const returned = await s.request('POST', `/api/v1/assessments/${a.id}/reviews`, {
      token: reviewer,
      body: {
        verdict: 'returned',
        comment: 'Cần bổ sung minh chứng',
        componentComments: { HTS6: 'Ghi rõ đơn vị cung cấp' },
        revision: 1,
      },
    });
    expect(returned.status).toBe(201);
    expect(await pullReviews(opts)).toMatchObject({ changed: 1 });
    expect((await db.assessments.get(a.id))?.status).toBe('returned');
    expect(await db.sync.get(a.id)).toMatchObject({
      state: 'returned',
      reviewComment: 'Cần bổ sung minh chứng',
      componentComments: { HTS6: 'Ghi rõ đơn vị cung cấp' },
    });

    await saveAnswer(a.id, 'HTS6', { status: 3, note: 'Do VNPT cung cấp' }, { db });
    expect(await submitAssessment(a.id, opts)).toMatchObject({ ok: true, revision: 2 });
    expect(await flushOutbox(opts)).toMatchObject({ sent: 1 });
    expect(await db.sync.get(a.id)).toMatchObject({ state: 'sent', revision: 2 });

    const history = await s.request('GET', `/api/v1/assessments/${a.id}/revisions`, { token: reviewer });
    expect(
      history.json.revisions.map((r: { revision: number; baseRevision: number | null }) => [r.revision, r.baseRevision]),
    ).toEqual([
      [1, null],
      [2, 1],
    ]);

    await s.request('POST', `/api/v1/assessments/${a.id}/reviews`, {
      token: reviewer,
      body: { verdict: 'accepted', revision: 2 },
    });
    await pullReviews(opts);
    expect((await db.assessments.get(a.id))?.status).toBe('accepted');
    expect(await db.sync.get(a.id)).toMatchObject({ state: 'accepted', revision: 2 });
  });

  it('a submission whose answer was lost is replayed as a success, stored once', async () => {
    server = await TestServer.start('sqlite');
    const s = server;
    db = freshDb();
    const fetch = phoneFetch(s);
    const reviewer = await s.reviewer('01');
    await enroll(await s.issueCode(reviewer, '00004'), { db, fetch });
    const a = await seedAssessment(db);
    let t = Date.parse('2026-03-02T09:00:00Z');
    const opts = { db, fetch, loadReference: loadRef, kick: () => undefined, now: () => t };
    await submitAssessment(a.id, opts);
    const lossy: FetchLike = async (url, init) => {
      await fetch(url, init);
      throw new TypeError('Failed to fetch');
    };
    expect(await flushOutbox({ ...opts, fetch: lossy })).toMatchObject({ retrying: 1 });
    t += 3600_000;
    expect(await flushOutbox(opts)).toMatchObject({ sent: 1 });
    const history = await s.request('GET', `/api/v1/assessments/${a.id}/revisions`, { token: reviewer });
    expect(history.json.revisions).toHaveLength(1);
  });
});
