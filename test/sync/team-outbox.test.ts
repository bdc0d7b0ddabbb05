import 'fake-indexeddb/auto';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import kindsJson from '../../data/community/support-kinds-2026.1.json';
import surveyJson from '../../data/community/survey-default-2026.1.json';
import type { XasoDb } from '../../src/db/database';
import { setSetting } from '../../src/db/settings';
import { saveSurveyResponse } from '../../src/db/survey-responses';
import { saveSupportEntry } from '../../src/db/team-log';
import { SurveySchema } from '../../src/domain/community/schemas';
import { flushTeamOutbox, itemReasons } from '../../src/sync/team-outbox';
import { enrollTeam, freshDb, json } from './helpers';

const kinds = kindsJson.kinds.map((k) => k.id);
const survey = SurveySchema.parse(surveyJson);
let db: XasoDb;
afterEach(async () => {
  await db?.delete();
});

async function bodyOf(init: RequestInit | undefined): Promise<Record<string, unknown[]>> {
  const b = init?.body;
  if (typeof b === 'string') return JSON.parse(b) as Record<string, unknown[]>;
  const bytes = new Uint8Array(await new Response(b as BodyInit).arrayBuffer());
  return JSON.parse(gunzipSync(bytes).toString('utf8')) as Record<string, unknown[]>;
}

/** A server that keeps items by id (a replay is a duplicate) and refuses items whose note says "BAD". */
function teamServer() {
  const held = new Map<string, unknown>();
  const posts: { path: string; ids: string[]; auth: string | null }[] = [];
  let mode: 'up' | 'offline' | 'down' | 'revoked' = 'up';
  const fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    if (mode === 'offline') throw new TypeError('Failed to fetch');
    const path = input.replace(/^.*\/api\/v1/, '');
    const items = Object.values(await bodyOf(init))[0] as { id: string; note?: string }[];
    posts.push({ path, ids: items.map((i) => i.id), auth: new Headers(init?.headers).get('Authorization') });
    if (mode === 'down') return json(503, { error: { code: 'db_unavailable', message: 'down' } });
    if (mode === 'revoked') return json(401, { error: { code: 'unauthorized', message: 'revoked' } });
    const bad = items.filter((i) => i.note === 'BAD');
    if (bad.length > 0)
      return json(422, {
        error: { code: 'invalid_items', message: 'bad', items: bad.map((i) => ({ id: i.id, reason: 'note refused' })) },
      });
    const accepted: string[] = [];
    const duplicates: string[] = [];
    for (const i of items) {
      if (held.has(i.id)) duplicates.push(i.id);
      else {
        held.set(i.id, i);
        accepted.push(i.id);
      }
    }
    return json(200, { accepted, duplicates });
  };
  return { fetch, held, posts, setMode: (m: typeof mode) => (mode = m) };
}

const entry = (residents: number, note?: string) => ({
  date: '2026-05-04',
  hamlet: 'Thôn Đông',
  kind: 'ky-nang-so',
  residents,
  ...(note ? { note } : {}),
});

describe('team outbox', () => {
  it('sends entries and responses in batches with the team token, marks them sent, and never sends them again', async () => {
    db = freshDb();
    await enrollTeam(db);
    const server = teamServer();
    for (let i = 1; i <= 5; i++) await saveSupportEntry(db, entry(i), kinds);
    for (let i = 0; i < 3; i++) await saveSurveyResponse(db, survey, { 'hai-long-chung': 4 });
    const report = await flushTeamOutbox({ db, fetch: server.fetch, batchSize: 2 });
    expect(report).toMatchObject({ sent: 8, rejected: 0, held: false });
    expect(server.held.size).toBe(8);
    expect(server.posts.every((p) => p.auth === 'Bearer team-tok')).toBe(true);
    expect(server.posts.map((p) => p.path)).toEqual([
      '/team/entries',
      '/team/entries',
      '/team/entries',
      '/team/survey-responses',
      '/team/survey-responses',
    ]);
    const sentEntry = (await db.teamEntries.toArray())[0];
    expect(sentEntry).toMatchObject({ syncState: 'sent' });
    expect(sentEntry).not.toHaveProperty('sendingUntil');
    // What went up carries no outbox or local fields.
    const first = server.held.values().next().value as Record<string, unknown>;
    expect(Object.keys(first).sort()).toEqual(['date', 'hamlet', 'id', 'kind', 'residents']);
    server.posts.length = 0;
    expect(await flushTeamOutbox({ db, fetch: server.fetch })).toMatchObject({ sent: 0 });
    expect(server.posts).toEqual([]);
  });

  it('offline: stays queued with backoff and the reason; once back, sent exactly once even after a lost answer', async () => {
    db = freshDb();
    await enrollTeam(db);
    const server = teamServer();
    let t = Date.parse('2026-05-04T08:00:00Z');
    const now = () => t;
    await saveSupportEntry(db, entry(2), kinds, now);
    server.setMode('offline');
    const r1 = await flushTeamOutbox({ db, fetch: server.fetch, now, random: () => 0.5 });
    expect(r1).toMatchObject({ sent: 0, retrying: 1 });
    const row = (await db.teamEntries.toArray())[0];
    expect(row).toMatchObject({ syncState: 'queued', attempts: 1, lastError: 'Failed to fetch' });
    expect(Date.parse(row?.nextAttemptAt ?? '')).toBeGreaterThan(t);
    // Not due yet: nothing is tried.
    server.setMode('up');
    expect(await flushTeamOutbox({ db, fetch: server.fetch, now })).toMatchObject({ sent: 0 });
    expect(server.posts).toEqual([]);
    t += 60_000;
    // The server stores it but the answer is lost: the phone sends it again, the server says duplicate.
    const lossy = async (input: string, init?: RequestInit) => {
      await server.fetch(input, init);
      throw new TypeError('connection reset');
    };
    await flushTeamOutbox({ db, fetch: lossy, now, random: () => 0 });
    t += 60_000;
    expect(await flushTeamOutbox({ db, fetch: server.fetch, now })).toMatchObject({ sent: 1 });
    expect(server.held.size).toBe(1);
    expect((await db.teamEntries.toArray())[0]).toMatchObject({ syncState: 'sent' });
  });

  it('a day of saves with no signal waits out its backoff; when the signal returns, a forced flush sends them all', async () => {
    db = freshDb();
    await enrollTeam(db);
    const server = teamServer();
    let t = Date.parse('2026-05-04T08:00:00Z');
    const now = () => t;
    server.setMode('offline');
    // Every save kicks a flush that finds no network.
    for (let i = 1; i <= 12; i++) {
      await saveSupportEntry(db, entry(i), kinds, now);
      await flushTeamOutbox({ db, fetch: server.fetch, now, random: () => 1 });
      t += 1_000;
    }
    const rows = await db.teamEntries.toArray();
    expect(rows.every((r) => r.attempts > 0 && Date.parse(r.nextAttemptAt) > t)).toBe(true);
    server.setMode('up');
    // Not forced: the backoff holds them.
    expect(await flushTeamOutbox({ db, fetch: server.fetch, now })).toMatchObject({ sent: 0 });
    expect(await flushTeamOutbox({ db, fetch: server.fetch, now, force: true, batchSize: 5 })).toMatchObject({ sent: 12 });
    expect(server.held.size).toBe(12);
  });

  it('one bad item does not block the others: it is rejected with its reason, the rest go up', async () => {
    db = freshDb();
    await enrollTeam(db);
    const server = teamServer();
    const good1 = await saveSupportEntry(db, entry(1), kinds);
    const bad = await saveSupportEntry(db, entry(2, 'BAD'), kinds);
    const good2 = await saveSupportEntry(db, entry(3), kinds);
    const report = await flushTeamOutbox({ db, fetch: server.fetch });
    expect(report).toMatchObject({ sent: 2, rejected: 1 });
    expect(await db.teamEntries.get(bad.id)).toMatchObject({ syncState: 'rejected', lastError: '[invalid_item] note refused' });
    expect([...server.held.keys()].sort()).toEqual([good1.id, good2.id].sort());
  });

  it('a refusal that names no item is retried item by item', async () => {
    db = freshDb();
    await enrollTeam(db);
    const ids: string[] = [];
    const fetch = async (_: string, init?: RequestInit) => {
      const items = Object.values(await bodyOf(init))[0] as { id: string; residents: number }[];
      if (items.some((i) => i.residents === 2)) return json(422, { error: { code: 'validation_failed', message: 'invalid' } });
      ids.push(...items.map((i) => i.id));
      return json(200, { accepted: items.map((i) => i.id), duplicates: [] });
    };
    await saveSupportEntry(db, entry(1), kinds);
    const bad = await saveSupportEntry(db, entry(2), kinds);
    await saveSupportEntry(db, entry(3), kinds);
    expect(await flushTeamOutbox({ db, fetch })).toMatchObject({ sent: 2, rejected: 1 });
    expect(await db.teamEntries.get(bad.id)).toMatchObject({ syncState: 'rejected', lastError: '[validation_failed] invalid' });
    expect(ids).toHaveLength(2);
  });

  it('a revoked team device keeps everything queued with the reason; an officer phone sends nothing', async () => {
    db = freshDb();
    await enrollTeam(db);
    const server = teamServer();
    server.setMode('revoked');
    await saveSupportEntry(db, entry(1), kinds);
    expect(await flushTeamOutbox({ db, fetch: server.fetch })).toMatchObject({ sent: 0, rejected: 0, retrying: 1 });
    expect((await db.teamEntries.toArray())[0]).toMatchObject({ syncState: 'queued', lastError: '[unauthorized] revoked' });

    await setSetting(
      'enrollment',
      { deviceToken: 'o', deviceId: 'o', communeCode: '00004', provinceCode: '01', communeName: 'x', enrolledAt: 'x' },
      db,
    );
    server.posts.length = 0;
    expect(await flushTeamOutbox({ db, fetch: server.fetch, now: () => Date.now() + 3_600_000 })).toMatchObject({ held: true });
    expect(server.posts).toEqual([]);
  });

  it('reads per-item reasons in the shapes a 422 may carry', () => {
    const body = { error: { code: 'x', message: 'm', problems: [{ id: 'a', code: 'too_long', problem: 'note too long' }] } };
    expect(itemReasons(body).get('a')).toBe('[too_long] note too long');
    expect(itemReasons({ rejected: [{ id: 'b', reason: 'r' }] }).get('b')).toBe('[invalid_item] r');
    expect(itemReasons({ error: { code: 'x', message: 'm' } }).size).toBe(0);
  });
});
