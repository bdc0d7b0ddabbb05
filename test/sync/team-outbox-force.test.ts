/**
 * The signal comes back while a timer's flush runs: the forced flush asked then joins the running
 * one as one more pass, and that pass is forced too (items in backoff go up at once). And a page
 * closed mid-send (its `sendingUntil` still standing) holds nothing back once the outbox's Web
 * Lock shows no send is in flight.
 */
import 'fake-indexeddb/auto';
import { afterEach, expect, it, vi } from 'vitest';
import kindsJson from '../../data/community/support-kinds-2026.1.json';
import type { XasoDb } from '../../src/db/database';
import { saveSupportEntry } from '../../src/db/team-log';
import { flushTeamOutbox } from '../../src/sync/team-outbox';
import { enrollTeam, freshDb, json } from './helpers';

const kinds = kindsJson.kinds.map((k) => k.id);
let db: XasoDb;
afterEach(async () => {
  vi.unstubAllGlobals();
  await db?.delete();
});

function server(posted: string[]) {
  return async (input: string, init?: RequestInit): Promise<Response> => {
    const body = JSON.parse(String(init?.body)) as { entries: { id: string }[] };
    posted.push(input);
    return json(200, { accepted: body.entries.map((e) => e.id), duplicates: [] });
  };
}

it('a forced flush asked while another runs is not lost', async () => {
  db = freshDb();
  await enrollTeam(db);
  const t = Date.parse('2026-05-04T08:00:00Z');
  const now = () => t;
  await saveSupportEntry(db, { date: '2026-05-04', hamlet: 'Thôn Đông', kind: 'ky-nang-so', residents: 2 }, kinds, now);
  let online = false;
  const posted: string[] = [];
  const reach = server(posted);
  const fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    if (!online) throw new TypeError('Failed to fetch');
    return reach(input, init);
  };
  await flushTeamOutbox({ db, fetch, now, random: () => 0.5 });
  expect((await db.teamEntries.toArray())[0]).toMatchObject({ syncState: 'queued', attempts: 1 });

  online = true;
  // A timer's flush (the entry is still in its backoff), then the `online` trigger's forced one.
  const timer = flushTeamOutbox({ db, fetch, now });
  const signalBack = flushTeamOutbox({ db, fetch, now, force: true });
  await Promise.all([timer, signalBack]);
  expect(posted).toHaveLength(1);
  expect((await db.teamEntries.toArray())[0]).toMatchObject({ syncState: 'sent' });
});

/** What a page killed between marking its batch and the answer leaves behind: the mark stands 50 s. */
async function entryLeftMidSend(now: () => number): Promise<void> {
  await saveSupportEntry(db, { date: '2026-05-04', hamlet: 'Thôn Đông', kind: 'ky-nang-so', residents: 2 }, kinds, now);
  const [row] = await db.teamEntries.toArray();
  await db.teamEntries.put({ ...row!, attempts: 6, sendingUntil: new Date(now() + 50_000).toISOString() });
}

it('a send cut by a reload holds nothing back: holding the Web Lock, its stale mark is cleared and the entry goes', async () => {
  db = freshDb();
  await enrollTeam(db);
  const t = Date.parse('2026-05-04T08:00:00Z');
  const now = () => t;
  await entryLeftMidSend(now);
  const held: string[] = [];
  vi.stubGlobal('navigator', {
    locks: { request: async (name: string, fn: () => Promise<unknown>) => (held.push(name), fn()) },
  });
  const posted: string[] = [];
  const report = await flushTeamOutbox({ db, fetch: server(posted), now, force: true });
  expect(held).toContain('xaso-team-outbox');
  expect(posted).toHaveLength(1);
  expect(report.sent).toBe(1);
  const [row] = await db.teamEntries.toArray();
  expect(row).toMatchObject({ syncState: 'sent' });
  expect(row?.sendingUntil).toBeUndefined();
});

it('without Web Locks another tab may be sending: the mark is respected until it lapses', async () => {
  db = freshDb();
  await enrollTeam(db);
  let t = Date.parse('2026-05-04T08:00:00Z');
  const now = () => t;
  await entryLeftMidSend(now);
  const posted: string[] = [];
  await flushTeamOutbox({ db, fetch: server(posted), now, force: true });
  expect(posted).toHaveLength(0);
  expect((await db.teamEntries.toArray())[0]).toMatchObject({ syncState: 'queued' });
  t += 51_000;
  await flushTeamOutbox({ db, fetch: server(posted), now, force: true });
  expect(posted).toHaveLength(1);
  expect((await db.teamEntries.toArray())[0]).toMatchObject({ syncState: 'sent' });
});
