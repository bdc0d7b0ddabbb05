/**
 * A team phone's display name goes up once, and again after a change (issue #15), with the team
 * outbox's flush: PUT /devices/{id}/label with the team token, acknowledged as `displayNameSent`.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { XasoDb } from '../../src/db/database';
import { getEnrollment, setDisplayName } from '../../src/sync/enrollment';
import { flushTeamOutbox } from '../../src/sync/team-outbox';
import { COMMUNE, enrollTeam, freshDb, json } from './helpers';

let db: XasoDb;
afterEach(async () => {
  await db?.delete();
});

/** A server that stores the label; `offline` throws as fetch does with no signal. */
function labelServer() {
  const calls: { method: string; path: string; label: string; auth: string | null }[] = [];
  let mode: 'up' | 'offline' | 'refuse' = 'up';
  let during: (() => Promise<void>) | undefined;
  const fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    if (mode === 'offline') throw new TypeError('Failed to fetch');
    const label = (JSON.parse(String(init?.body)) as { label: string }).label;
    const path = input.replace(/^.*\/api\/v1/, '');
    calls.push({ method: init?.method ?? 'GET', path, label, auth: new Headers(init?.headers).get('Authorization') });
    await during?.();
    if (mode === 'refuse') return json(422, { error: { code: 'invalid_label', message: 'A name is 1 to 60 characters' } });
    return json(200, { id: 'dev-t', label });
  };
  return {
    fetch,
    calls,
    setMode: (m: typeof mode) => (mode = m),
    whileOnTheAir: (f: () => Promise<void>) => (during = f),
  };
}

describe('a team phone sends its display name', () => {
  it('once, with its own token, and again only after a change', async () => {
    db = freshDb();
    await enrollTeam(db);
    const server = labelServer();
    await setDisplayName('  Chi\u0323 Lan ', db);
    await flushTeamOutbox({ db, fetch: server.fetch });
    expect(server.calls).toEqual([{ method: 'PUT', path: '/devices/dev-t/label', label: 'Chị Lan', auth: 'Bearer team-tok' }]);
    expect((await getEnrollment(db))?.displayNameSent).toBe('Chị Lan');

    await flushTeamOutbox({ db, fetch: server.fetch, force: true });
    expect(server.calls).toHaveLength(1);

    await setDisplayName('Anh Tùng', db);
    await flushTeamOutbox({ db, fetch: server.fetch });
    expect(server.calls.map((c) => c.label)).toEqual(['Chị Lan', 'Anh Tùng']);
    expect(await getEnrollment(db)).toMatchObject({ displayName: 'Anh Tùng', displayNameSent: 'Anh Tùng' });
  });

  it('keeps it unsent with no signal or a refusal, and sends it with a later flush', async () => {
    db = freshDb();
    await enrollTeam(db);
    const server = labelServer();
    await setDisplayName('Chị Lan', db);
    server.setMode('offline');
    await flushTeamOutbox({ db, fetch: server.fetch });
    expect((await getEnrollment(db))?.displayNameSent).toBeUndefined();
    server.setMode('refuse');
    await flushTeamOutbox({ db, fetch: server.fetch });
    expect((await getEnrollment(db))?.displayNameSent).toBeUndefined();
    server.setMode('up');
    await flushTeamOutbox({ db, fetch: server.fetch });
    expect((await getEnrollment(db))?.displayNameSent).toBe('Chị Lan');
    expect(server.calls.map((c) => c.label)).toEqual(['Chị Lan', 'Chị Lan']);
  });

  it('a rename while the old name is on the air is not marked sent; it goes with the next flush', async () => {
    db = freshDb();
    await enrollTeam(db);
    const server = labelServer();
    await setDisplayName('Chị Lan', db);
    server.whileOnTheAir(async () => {
      server.whileOnTheAir(async () => undefined);
      await setDisplayName('Anh Tùng', db);
    });
    await flushTeamOutbox({ db, fetch: server.fetch });
    expect(await getEnrollment(db)).toMatchObject({ displayName: 'Anh Tùng' });
    expect((await getEnrollment(db))?.displayNameSent).toBeUndefined();
    await flushTeamOutbox({ db, fetch: server.fetch });
    expect(server.calls.map((c) => c.label)).toEqual(['Chị Lan', 'Anh Tùng']);
    expect((await getEnrollment(db))?.displayNameSent).toBe('Anh Tùng');
  });

  it('an officer phone sends no name; a name that is not text is refused on the phone', async () => {
    db = freshDb();
    await enrollTeam(db, COMMUNE, 'officer');
    const server = labelServer();
    await flushTeamOutbox({ db, fetch: server.fetch });
    expect(server.calls).toEqual([]);
    await expect(setDisplayName('Chị\nLan', db)).rejects.toThrow(RangeError);
    await expect(setDisplayName('a'.repeat(61), db)).rejects.toThrow(RangeError);
  });
});
