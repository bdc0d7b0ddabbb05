/**
 * R4: an acknowledgement means the data is on disk. On SQLite a commit returns once it is in the
 * WAL (in the page cache); the server answers a write only after an fdatasync of the WAL that
 * started after the commit (src/server/db/storage.ts). Here the fsync is held and failed on
 * purpose, on the real app and a real SQLite file: no 200 leaves before the fsync returns, a
 * failed fsync is a 503 (the phone keeps and retries; the retry is answered once a sync holds),
 * and the commits of concurrent requests share one fsync (group commit).
 */
import fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { ensureAdmin } from '../../src/server/auth/admin-bootstrap';
import { openSqlite, type OpenedDatabase } from '../../src/server/db/connect';
import { migrateToLatest } from '../../src/server/db/migrate';
import { MOUNTAIN_COMMUNE, submission } from '../server/fixtures';
import { ADMIN_PASSWORD, realReference } from '../server/harness';

interface Sync {
  inode: number;
  at: number;
}

class HeldSync {
  syncs: Sync[] = [];
  private gate: Promise<void> | undefined;
  private open: (() => void) | undefined;
  failNext = false;

  hold(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }

  release(): void {
    this.open?.();
    this.gate = undefined;
  }

  readonly sync = async (handle: FileHandle): Promise<void> => {
    const at = this.syncs.length;
    this.syncs.push({ inode: (await handle.stat()).ino, at });
    await this.gate;
    if (this.failNext) {
      this.failNext = false;
      throw Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
    }
    await handle.datasync();
  };
}

const opened: { dir: string; database: OpenedDatabase }[] = [];
afterEach(async () => {
  for (const { dir, database } of opened.splice(0)) {
    await database.db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

async function start(held: HeldSync) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xaso-durable-'));
  const file = path.join(dir, 'xaso.sqlite');
  const database = openSqlite(file, { syncWal: held.sync });
  opened.push({ dir, database });
  await migrateToLatest(database.db);
  await ensureAdmin(database.db, { password: ADMIN_PASSWORD, now: new Date() });
  const { app } = createApp({ ...database, reference: realReference(), logError: () => undefined });
  const call = async (method: string, url: string, token?: string, body?: unknown) => {
    const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await app.request(
      url,
      { method, headers, body: body === undefined ? undefined : JSON.stringify(body) },
      { incoming: { socket: { remoteAddress: '192.0.2.7' } } },
    );
    return { status: res.status, json: (await res.json()) as Record<string, unknown> & { error?: Record<string, unknown> } };
  };
  const admin = (await call('POST', '/api/v1/sessions', undefined, { username: 'admin', password: ADMIN_PASSWORD })).json
    .token as string;
  await call('POST', '/api/v1/users', admin, { username: 'rev04', password: 'reviewer-password-1', provinceCode: '04' });
  const reviewer = (await call('POST', '/api/v1/sessions', undefined, { username: 'rev04', password: 'reviewer-password-1' }))
    .json.token as string;
  const code = (await call('POST', `/api/v1/communes/${MOUNTAIN_COMMUNE}/enrollment-codes`, reviewer)).json.code as string;
  const device = (await call('POST', '/api/v1/enrollments', undefined, { code })).json.token as string;
  const storedRevisions = () => database.sqlite?.prepare('select count(*) from assessment_revisions').pluck().get() as number;
  return { call, device, storedRevisions, walInode: () => fs.statSync(`${file}-wal`).ino };
}

const settledWithin = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

describe('acknowledged only when durable (SQLite)', () => {
  it('[R4] the 200 for a submission waits for an fdatasync of the WAL that began after its commit', async () => {
    const held = new HeldSync();
    const { call, device, storedRevisions, walInode } = await start(held);
    const before = held.syncs.length;
    held.hold();
    const put = call('PUT', '/api/v1/assessments/durable-0001', device, submission(MOUNTAIN_COMMUNE));
    // The request asks for its sync (on a busy machine that can take a while), which is held.
    for (const deadline = Date.now() + 20_000; held.syncs.length === before && Date.now() < deadline;)
      await new Promise((r) => setTimeout(r, 20));
    expect(await settledWithin(put, 300)).toBe(false);
    // Committed (in the WAL) but not yet synced: not acknowledged.
    expect(storedRevisions()).toBe(1);
    expect(held.syncs.length).toBe(before + 1);
    expect(held.syncs.at(-1)?.inode).toBe(walInode());
    held.release();
    expect((await put).status).toBe(200);
    // Reads never wait for a sync.
    held.hold();
    expect(await settledWithin(call('GET', '/api/v1/assessments/durable-0001', device), 2_000)).toBe(true);
    held.release();
  });

  it('[R4] a failed fsync is a 503, not a 200; the retry is acknowledged once a sync succeeds', async () => {
    const held = new HeldSync();
    const { call, device } = await start(held);
    held.failNext = true;
    const body = submission(MOUNTAIN_COMMUNE, { status: () => 2 });
    const refused = await call('PUT', '/api/v1/assessments/durable-0002', device, body);
    expect(refused.status).toBe(503);
    expect(refused.json.error).toMatchObject({ code: 'db_unavailable', storage: 'io_error' });
    const retried = await call('PUT', '/api/v1/assessments/durable-0002', device, body);
    expect(retried.status).toBe(200);
  });

  it('[R4] twenty concurrent submissions share their fsyncs (group commit)', async () => {
    const held = new HeldSync();
    const { call, device, storedRevisions } = await start(held);
    const before = held.syncs.length;
    held.hold();
    const puts = Array.from({ length: 20 }, (_, i) =>
      call('PUT', `/api/v1/assessments/group-${String(i).padStart(4, '0')}`, device, submission(MOUNTAIN_COMMUNE)),
    );
    // All twenty commit while the first fsync is held (polled: a busy machine is slow).
    for (const deadline = Date.now() + 20_000; storedRevisions() < 20 && Date.now() < deadline;)
      await new Promise((r) => setTimeout(r, 20));
    expect(storedRevisions()).toBe(20);
    held.release();
    expect((await Promise.all(puts)).map((r) => r.status)).toEqual(Array(20).fill(200));
    // One fsync was in flight when the others committed; one more covers all of them.
    expect(held.syncs.length - before).toBeLessThanOrEqual(2);
  });
});
