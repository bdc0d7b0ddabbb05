import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { XasoDb } from '../../src/db/database';
import { submitAssessment } from '../../src/sync/submit';
import { startSync } from '../../src/sync/triggers';
import kindsJson from '../../data/community/support-kinds-2026.1.json';
import surveyJson from '../../data/community/survey-default-2026.1.json';
import { getSetting, setSetting } from '../../src/db/settings';
import { enterPopulation } from '../../src/sync/population';
import { saveSupportEntry } from '../../src/db/team-log';
import { enrollFor, FakeServer, freshDb, json, loadRef, seedAssessment } from './helpers';

let db: XasoDb;
let stop: (() => void) | undefined;
afterEach(async () => {
  stop?.();
  stop = undefined;
  await db?.delete();
});

async function until(check: () => Promise<boolean>, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The requests about submissions; every run also asks for the province's criteria sets (issue #12, criteria-sets.test.ts). */
// The verification pull (issue #14) rides with each verdict pull: one GET more per pull, counted apart.
const submissionCalls = (server: FakeServer) =>
  server.calls.filter(
    (c) => !c.path.startsWith('/criteria-sets') && !/\/(verification|comparison)$/.test(c.path) && !isTallyCall(c.path),
  );
/** The commune's tally and population (issue #15), fetched with the verdicts. */
const isTallyCall = (path: string) => /^\/communes\/\d+\/(community-tally\?year=\d{4}|population)$/.test(path);

describe('startSync', () => {
  it('flushes on start, and the timer spends no requests while nothing waits', async () => {
    db = freshDb();
    await enrollFor(db);
    const server = new FakeServer();
    const a = await seedAssessment(db);
    await submitAssessment(a.id, { db, loadReference: loadRef, kick: () => undefined });
    stop = startSync({ db, fetch: server.fetch, loadReference: loadRef, intervalMs: 30, pullIntervalMs: 0 });
    await until(async () => (await db.sync.get(a.id))?.state === 'sent');

    // Accepted: nothing waits any more (no outbox row, nothing 'sent'), so the ticks stay quiet.
    server.review(a.id, 'accepted');
    await until(async () => (await db.sync.get(a.id))?.state === 'accepted');
    const calls = submissionCalls(server).length;
    await sleep(150);
    expect(submissionCalls(server).length).toBe(calls);
  });

  it('the timer asks for verdicts only every pullIntervalMs (each answer is tens of kB on 2G)', async () => {
    db = freshDb();
    await enrollFor(db);
    const server = new FakeServer();
    const a = await seedAssessment(db);
    await submitAssessment(a.id, { db, loadReference: loadRef, kick: () => undefined });
    stop = startSync({ db, fetch: server.fetch, loadReference: loadRef, intervalMs: 20 });
    await until(async () => (await db.sync.get(a.id))?.state === 'sent');
    await sleep(200);
    expect(submissionCalls(server).filter((c) => c.method === 'GET').length).toBeLessThanOrEqual(1);
    // The criteria sets likewise: once at start, then not again from the timer within pullIntervalMs.
    expect(server.calls.filter((c) => c.path.startsWith('/criteria-sets'))).toHaveLength(1);
  });

  it('the timer picks up a row queued later', async () => {
    db = freshDb();
    await enrollFor(db);
    const server = new FakeServer();
    stop = startSync({ db, fetch: server.fetch, loadReference: loadRef, intervalMs: 30 });
    await sleep(60);
    // Nothing queued: the only requests are the start's look for the commune's community tally
    // and population (issue #15) and for new criteria sets.
    expect(server.calls.map((c) => c.path)).toEqual([
      `/communes/00004/community-tally?year=${new Date().getFullYear()}`,
      '/communes/00004/population',
      '/criteria-sets?provinceCode=01',
    ]);
    const a = await seedAssessment(db);
    await submitAssessment(a.id, { db, loadReference: loadRef, kick: () => undefined });
    await until(async () => (await db.sync.get(a.id))?.state === 'sent');
  });

  it('wakes up for a backoff retry that falls due before the next tick', async () => {
    db = freshDb();
    await enrollFor(db);
    const server = new FakeServer();
    server.mode = 'down';
    const a = await seedAssessment(db);
    await submitAssessment(a.id, { db, loadReference: loadRef, kick: () => undefined });
    stop = startSync({ db, fetch: server.fetch, loadReference: loadRef, random: () => 0, intervalMs: 60_000 });
    await until(async () => server.puts().length === 1);
    server.mode = 'up';
    await until(async () => (await db.sync.get(a.id))?.state === 'sent', 4000);
    expect(server.puts()).toHaveLength(2);
  });

  // Issue #15 item 3 changed this: after its outbox, a team phone also asks for its survey (team-survey.test.ts).
  it('a team phone sends its support log, then asks for its survey, and nothing else (no verdicts, tallies or criteria sets)', async () => {
    db = freshDb();
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
    const paths: string[] = [];
    const fetch = async (input: string) => {
      const path = input.replace(/^.*\/api\/v1/, '');
      paths.push(path);
      if (path === '/team/survey') return json(200, { survey: surveyJson });
      return json(200, { accepted: [e.id], duplicates: [] });
    };
    stop = startSync({ db, fetch, intervalMs: 20 });
    await until(async () => (await db.teamEntries.get(e.id))?.syncState === 'sent');
    await until(async () => (await getSetting('teamSurvey', db)) !== undefined);
    await sleep(80);
    expect(paths).toEqual(['/team/entries', '/team/survey']);
  });
});

describe('startSync and the commune population (issue #15)', () => {
  it('a population entered offline is retried by the timer after its backoff and sent once the server answers', async () => {
    db = freshDb();
    await enrollFor(db);
    await enterPopulation(12_000, db);
    const server = new FakeServer();
    const puts: string[] = [];
    const fetch = async (input: string, init?: RequestInit): Promise<Response> => {
      if (init?.method === 'PUT' && input.endsWith('/communes/00004/population')) {
        puts.push(String(init.body));
        if (puts.length === 1) throw new TypeError('Failed to fetch');
        return json(200, { communeCode: '00004', population: 12_000, setAt: '2026-03-01T09:00:00.000Z', setBy: 'commune' });
      }
      return server.fetch(input, init);
    };
    stop = startSync({ db, fetch, loadReference: loadRef, intervalMs: 20, random: () => 0 });
    await until(async () => (await getSetting('communePopulation', db))?.population === 12_000);
    expect(puts).toEqual(['{"population":12000}', '{"population":12000}']);
    expect(await getSetting('communePopulationDraft', db)).toBeUndefined();
  });
});
