import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { XasoDb } from '../../src/db/database';
import { BACKOFF_CAP_MS } from '../../src/sync/backoff';
import { flushOutbox, type FlushOptions } from '../../src/sync/outbox';
import type { OutboxEntry } from '../../src/sync/outbox-rows';
import { retrySubmission, submitAssessment } from '../../src/sync/submit';
import { answersOf, clock, enrollFor, FakeServer, freshDb, loadRef, seedAssessment } from './helpers';

let db: XasoDb;
afterEach(async () => {
  await db?.delete();
});

async function setup(n = 1) {
  db = freshDb();
  await enrollFor(db);
  const server = new FakeServer();
  const time = clock();
  const opts: FlushOptions & { kick: () => void } = {
    db,
    fetch: server.fetch,
    now: time.now,
    random: () => 0.999,
    loadReference: loadRef,
    kick: () => undefined,
  };
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = await seedAssessment(db);
    await submitAssessment(a.id, opts);
    ids.push(a.id);
  }
  return { server, time, opts, ids };
}

const entries = async () => (await db.outbox.toArray()) as OutboxEntry[];

describe('flushOutbox', () => {
  it('delivers once: the second flush sends nothing', async () => {
    const { server, opts, ids } = await setup();
    const report = await flushOutbox(opts);
    expect(report.sent).toBe(1);
    expect(server.puts()).toHaveLength(1);
    const put = server.puts()[0];
    expect(put?.token).toBe('tok-1');
    expect(put?.body).toMatchObject({
      revision: 1,
      baseRevision: null,
      communeCode: '00004',
      areaTypes: ['urban'],
      period: '2026',
    });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.sync.get(ids[0] ?? '')).toMatchObject({ state: 'sent', revision: 1 });
    await flushOutbox(opts);
    expect(server.puts()).toHaveLength(1);
  });

  it('retries a 5xx later, with a growing backoff, then delivers', async () => {
    const { server, time, opts, ids } = await setup();
    server.mode = 'down';
    await flushOutbox(opts);
    const first = (await entries())[0];
    expect(first).toMatchObject({ attempts: 1, lastError: 'Service unavailable' });
    const delay1 = Date.parse(first?.nextAttemptAt ?? '') - time.now();
    expect(delay1).toBeGreaterThan(0);
    expect(await db.sync.get(ids[0] ?? '')).toMatchObject({ state: 'queued', lastError: 'Service unavailable' });

    // Not due yet: nothing is sent.
    await flushOutbox(opts);
    expect(server.puts()).toHaveLength(1);

    time.advance(delay1);
    await flushOutbox(opts);
    const second = (await entries())[0];
    expect(second?.attempts).toBe(2);
    const delay2 = Date.parse(second?.nextAttemptAt ?? '') - time.now();
    expect(delay2).toBeGreaterThan(delay1);
    expect(delay2).toBeLessThanOrEqual(BACKOFF_CAP_MS);

    server.mode = 'up';
    time.advance(delay2);
    expect((await flushOutbox(opts)).sent).toBe(1);
    expect(await db.outbox.count()).toBe(0);
  });

  it('retries after a network error (no answer at all)', async () => {
    const { server, time, opts, ids } = await setup();
    server.mode = 'offline';
    const report = await flushOutbox(opts);
    expect(report).toMatchObject({ sent: 0, retrying: 1 });
    expect((await entries())[0]).toMatchObject({ attempts: 1, lastError: 'Failed to fetch' });
    server.mode = 'up';
    time.advance(BACKOFF_CAP_MS);
    await flushOutbox(opts);
    expect(await db.sync.get(ids[0] ?? '')).toMatchObject({ state: 'sent' });
  });

  it('gives up on a request that hangs (timeout) and retries it later', async () => {
    const { opts } = await setup();
    const hanging = (_: string, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    const report = await flushOutbox({ ...opts, fetch: hanging, timeoutMs: 20 });
    expect(report.retrying).toBe(1);
    expect((await entries())[0]).toMatchObject({ attempts: 1, lastError: 'timeout' });
  });

  it('does not retry a 4xx: keeps the reason, marks the row failed, and still delivers the others', async () => {
    const { server, time, opts, ids } = await setup(3);
    const [bad, ...good] = ids as [string, string, string];
    server.refuse.add(bad);
    const report = await flushOutbox(opts);
    expect(report).toMatchObject({ sent: 2, rejected: 1 });
    for (const id of good) expect(await db.sync.get(id)).toMatchObject({ state: 'sent' });
    const sync = await db.sync.get(bad);
    expect(sync?.state).toBe('error');
    expect(sync?.lastError).toContain('The submission is not valid');
    expect(sync?.lastError).toContain('HTS3: required-unanswered');
    expect(await entries()).toEqual([expect.objectContaining({ assessmentId: bad, failed: true })]);

    time.advance(24 * 3600_000);
    await flushOutbox(opts);
    expect(server.puts()).toHaveLength(3);

    // The officer taps "Thử lại" once the cause is fixed: the same revision goes up.
    server.refuse.clear();
    expect(await retrySubmission(bad, opts)).toMatchObject({ ok: true, revision: 1 });
    await flushOutbox(opts);
    expect(await db.sync.get(bad)).toMatchObject({ state: 'sent', revision: 1 });
  });

  it('asks the officer to enrol again when the token is refused (401)', async () => {
    const { opts, ids } = await setup();
    const refused = async () =>
      new Response(JSON.stringify({ error: { code: 'unauthorized', message: 'revoked' } }), { status: 401 });
    await flushOutbox({ ...opts, fetch: refused });
    expect(await db.sync.get(ids[0] ?? '')).toMatchObject({ state: 'error', lastError: 'unauthorized' });
  });

  it('treats a 4xx that is not from our server (a portal page) as no connection', async () => {
    const { opts } = await setup();
    const portal = async () =>
      new Response('<html>Login to Wi-Fi</html>', { status: 403, headers: { 'Content-Type': 'text/html' } });
    expect((await flushOutbox({ ...opts, fetch: portal })).retrying).toBe(1);
    expect((await entries())[0]?.failed).toBeUndefined();
  });

  it('on 409 records the conflict, leaves the answers untouched, and can go up on top of the server', async () => {
    const { server, opts, ids } = await setup();
    const id = ids[0] ?? '';
    // Another phone (same assessment restored from a backup) already sent revision 1.
    server.revisions.set(id, new Map([[1, { hash: 'other-content', body: {} as never }]]));
    const before = await answersOf(db, id);
    const report = await flushOutbox(opts);
    expect(report.conflicts).toBe(1);
    const sync = await db.sync.get(id);
    expect(sync).toMatchObject({ state: 'conflict', revision: 1, baseRevision: 1 });
    expect(sync?.lastError).toContain('already exists with different content');
    expect(await db.outbox.count()).toBe(0);
    expect(await answersOf(db, id)).toEqual(before);
    expect((await db.assessments.get(id))?.status).toBe('submitted');

    expect(await retrySubmission(id, opts)).toMatchObject({ ok: true, revision: 2 });
    await flushOutbox(opts);
    expect(server.puts().at(-1)?.body).toMatchObject({ revision: 2, baseRevision: 1 });
    expect(await db.sync.get(id)).toMatchObject({ state: 'sent', revision: 2 });
  });

  it('is single-flight: two concurrent flushes send each row once', async () => {
    const { server, opts } = await setup(2);
    let open = () => undefined as void;
    server.gate = new Promise<void>((resolve) => (open = resolve));
    const a = flushOutbox(opts);
    const b = flushOutbox(opts);
    await new Promise((r) => setTimeout(r, 20));
    open();
    await Promise.all([a, b]);
    expect(server.puts()).toHaveLength(2);
    expect(new Set(server.puts().map((c) => c.path)).size).toBe(2);
  });

  it('holds rows while the phone is not enrolled, then sends them after enrollment', async () => {
    const { server, opts, ids } = await setup();
    await db.settings.delete('enrollment');
    expect((await flushOutbox(opts)).held).toBe(1);
    expect(server.calls).toHaveLength(0);
    expect(await db.sync.get(ids[0] ?? '')).toMatchObject({ state: 'queued', lastError: 'not-enrolled' });
    await enrollFor(db);
    expect((await flushOutbox(opts)).sent).toBe(1);
  });

  it('replays a revision whose answer was lost as a success (exactly once in effect)', async () => {
    const { server, opts, ids } = await setup();
    // The server stored it, but the answer never reached the phone.
    const lostAnswer = async (input: string, init?: RequestInit) => {
      await server.fetch(input, init);
      throw new TypeError('connection reset');
    };
    await flushOutbox({ ...opts, fetch: lostAnswer, now: () => opts.now?.() ?? 0 });
    expect(await db.outbox.count()).toBe(1);
    await flushOutbox({ ...opts, now: () => (opts.now?.() ?? 0) + BACKOFF_CAP_MS });
    expect(await db.sync.get(ids[0] ?? '')).toMatchObject({ state: 'sent', revision: 1 });
    expect(server.revisions.get(ids[0] ?? '')?.size).toBe(1);
  });
});
