import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import kindsJson from '../../data/community/support-kinds-2026.1.json';
import surveyJson from '../../data/community/survey-default-2026.1.json';
import type { XasoDb } from '../../src/db/database';
import { getSetting, setSetting } from '../../src/db/settings';
import { saveSupportEntry } from '../../src/db/team-log';
import { startSync } from '../../src/sync/triggers';
import { freshDb, json } from './helpers';

let db: XasoDb;
let stop: (() => void) | undefined;
afterEach(async () => {
  stop?.();
  stop = undefined;
  await db?.delete();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => Promise<boolean> | boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(10);
  }
}

async function teamPhoneWithAnEntry(): Promise<string> {
  await setSetting(
    'enrollment',
    {
      deviceToken: 'team',
      deviceId: 'd',
      communeCode: '00004',
      provinceCode: '01',
      communeName: 'x',
      enrolledAt: 'x',
      role: 'team',
    },
    db,
  );
  const e = await saveSupportEntry(db, { date: '2026-05-04', hamlet: 'Thôn Đông', kind: 'khac', residents: 1 }, [
    ...kindsJson.kinds.map((k) => k.id),
  ]);
  return e.id;
}

describe('startSync on a team phone: its survey (issue #15 item 3)', () => {
  it('a failing survey pull never holds a send', async () => {
    db = freshDb();
    const id = await teamPhoneWithAnEntry();
    const paths: string[] = [];
    const fetch = async (input: string) => {
      const path = input.replace(/^.*\/api\/v1/, '');
      paths.push(path);
      if (path === '/team/survey') return json(503, { error: { code: 'db_unavailable', message: 'down' } });
      return json(200, { accepted: [id], duplicates: [] });
    };
    stop = startSync({ db, fetch, intervalMs: 20 });
    await until(async () => (await db.teamEntries.get(id))?.syncState === 'sent');
    await until(() => paths.includes('/team/survey'));
    // The outbox first: the survey is asked for after the send, never before it.
    expect(paths).toEqual(['/team/entries', '/team/survey']);
    expect(await getSetting('teamSurvey', db)).toBeUndefined();
  });

  it('from the timer, a failed pull is asked again after its backoff, not at every tick; once stored, only after pullIntervalMs', async () => {
    db = freshDb();
    await teamPhoneWithAnEntry();
    // The entries' server is down, so the entry stays queued and the 20 ms timer keeps running.
    const surveyAsks: number[] = [];
    const fetch = async (input: string) => {
      const path = input.replace(/^.*\/api\/v1/, '');
      if (path !== '/team/survey') return json(503, { error: { code: 'db_unavailable', message: 'down' } });
      surveyAsks.push(Date.now());
      return surveyAsks.length === 1
        ? json(500, { error: { code: 'internal', message: 'boom' } })
        : json(200, { survey: surveyJson });
    };
    // random 0.1: the first failure's backoff is 200 ms (a tenth of 2 s).
    stop = startSync({ db, fetch, intervalMs: 20, pullIntervalMs: 60_000, random: () => 0.1 });
    await until(async () => (await getSetting('teamSurvey', db)) !== undefined);
    expect(surveyAsks).toHaveLength(2);
    expect(surveyAsks[1]! - surveyAsks[0]!).toBeGreaterThanOrEqual(200);
    // Stored: the timer's ticks go on (the entry still waits) but ask again only after pullIntervalMs.
    await sleep(200);
    expect(surveyAsks).toHaveLength(2);
  });
});
