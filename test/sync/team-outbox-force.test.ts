/**
 * The signal comes back while a timer's flush runs: the forced flush asked then joins the running
 * one as one more pass, and that pass is forced too (items in backoff go up at once).
 */
import 'fake-indexeddb/auto';
import { afterEach, expect, it } from 'vitest';
import kindsJson from '../../data/community/support-kinds-2026.1.json';
import type { XasoDb } from '../../src/db/database';
import { setSetting } from '../../src/db/settings';
import { saveSupportEntry } from '../../src/db/team-log';
import { flushTeamOutbox } from '../../src/sync/team-outbox';
import { freshDb, json } from './helpers';

const kinds = kindsJson.kinds.map((k) => k.id);
let db: XasoDb;
afterEach(async () => {
  await db?.delete();
});

it('a forced flush asked while another runs is not lost', async () => {
  db = freshDb();
  await setSetting(
    'enrollment',
    {
      deviceToken: 'team-tok',
      deviceId: 'dev-t',
      communeCode: '00004',
      provinceCode: '01',
      communeName: 'Phường Ba Đình',
      enrolledAt: '2026-01-01T00:00:00.000Z',
      role: 'team',
    },
    db,
  );
  const t = Date.parse('2026-05-04T08:00:00Z');
  const now = () => t;
  await saveSupportEntry(db, { date: '2026-05-04', hamlet: 'Thôn Đông', kind: 'ky-nang-so', residents: 2 }, kinds, now);
  let online = false;
  const posted: string[] = [];
  const fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    if (!online) throw new TypeError('Failed to fetch');
    const body = JSON.parse(String(init?.body)) as { entries: { id: string }[] };
    posted.push(input);
    return json(200, { accepted: body.entries.map((e) => e.id), duplicates: [] });
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
