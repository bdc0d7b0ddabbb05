/** Unfinished evidence uploads older than their lifetime are swept for every commune, at start and on a timer. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { migrateToLatest } from '../../../src/server/db/migrate';
import { scheduleStaleUploadSweep, sweepStaleUploads } from '../../../src/server/evidence/stale-uploads';
import { DB_KINDS, openTestDatabase, usePostgresWhen, type TestDatabase } from '../harness';

const NOW = new Date('2026-03-20T08:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

async function upload(t: TestDatabase, id: string, commune: string, createdAt: string, completedAt: string | null) {
  await t.db
    .insertInto('evidence_uploads')
    .values({
      id,
      commune_code: commune,
      sha256: id.padEnd(64, '0'),
      declared_type: 'application/pdf',
      filename: `${id}.pdf`,
      size: 10,
      received: completedAt ? 10 : 4,
      created_at: createdAt,
      completed_at: completedAt,
    })
    .execute();
  await t.db
    .insertInto('evidence_chunks')
    .values({ upload_id: id, offset: 0, data: Buffer.from('%PDF') })
    .execute();
}

const ids = async (t: TestDatabase) =>
  (await t.db.selectFrom('evidence_uploads').select('id').orderBy('id').execute()).map((r) => r.id);
const chunkOwners = async (t: TestDatabase) =>
  (await t.db.selectFrom('evidence_chunks').select('upload_id').orderBy('upload_id').execute()).map((r) => r.upload_id);

describe.each(DB_KINDS)('stale evidence uploads (%s)', (kind) => {
  usePostgresWhen(kind);
  let t: TestDatabase | undefined;
  afterEach(async () => {
    vi.useRealTimers();
    await t?.close();
    t = undefined;
  });

  async function world(): Promise<TestDatabase> {
    t = await openTestDatabase(kind);
    await migrateToLatest(t.db);
    await upload(t, 'a-old-unfinished', '00001', ago(8), null);
    await upload(t, 'b-old-unfinished', '00002', ago(30), null);
    await upload(t, 'c-fresh-unfinished', '00001', ago(6), null);
    await upload(t, 'd-old-finished', '00002', ago(40), ago(39));
    return t;
  }

  it('deletes every commune’s unfinished uploads older than 7 days, with their chunks; keeps fresh and finished ones', async () => {
    const db = await world();
    expect(await sweepStaleUploads(db.db, NOW)).toBe(2);
    expect(await ids(db)).toEqual(['c-fresh-unfinished', 'd-old-finished']);
    expect(await chunkOwners(db)).toEqual(['c-fresh-unfinished', 'd-old-finished']);
    expect(await sweepStaleUploads(db.db, NOW)).toBe(0);
  });

  it('sweeps at once when scheduled, then again on each tick', async () => {
    const db = await world();
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let now = NOW;
    const stop = scheduleStaleUploadSweep(db.db, { now: () => now, everyMs: DAY });
    await vi.waitFor(async () => expect(await ids(db)).toEqual(['c-fresh-unfinished', 'd-old-finished']));
    now = new Date(NOW.getTime() + 2 * DAY); // c is now 8 days old
    await vi.advanceTimersByTimeAsync(DAY);
    await vi.waitFor(async () => expect(await ids(db)).toEqual(['d-old-finished']));
    stop();
  });
});
