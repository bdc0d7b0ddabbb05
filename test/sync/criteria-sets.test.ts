/**
 * The phone brings its province's published criteria sets down (issue #12 item 1): only the sets
 * it lacks, each checked with parseCriteriaSet and against what the list announced before it is
 * stored; a corrupted or mislabelled set is refused and not stored while the others come down; a
 * failure never blocks a submission and is retried with backoff.
 */
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listDownloadedSets } from '../../src/db/criteria-sets';
import type { XasoDb } from '../../src/db/database';
import type { CriteriaSet } from '../../src/domain/criteria/schema';
import { pullCriteriaSets } from '../../src/sync/criteria-sets';
import { submitAssessment } from '../../src/sync/submit';
import { requestSyncRun } from '../../src/sync/sync-run';
import { startSync } from '../../src/sync/triggers';
import { provinceSet, provinceSetId } from '../support/province-set';
import { enrollFor, FakeServer, freshDb, json, loadRef, ref, seedAssessment } from './helpers';

const loadCatalogue = async () => ref.catalogue;
const ID = provinceSetId('01');

interface Published {
  meta: Record<string, unknown>;
  set: unknown;
}

function published(version: '2026.1' | '2026.2', overrides: Record<string, unknown> = {}, set?: unknown): Published {
  const s: CriteriaSet = provinceSet('01', version);
  return {
    meta: {
      id: `uuid-${version}`,
      setId: s.id,
      version,
      provinceCode: '01',
      status: 'published',
      title: s.title,
      indicatorCount: s.indicators.length,
      sha256: createHash('sha256')
        .update(JSON.stringify(set ?? s))
        .digest('hex'),
      bytes: 1000,
      createdAt: '2026-03-01T00:00:00.000Z',
      createdBy: 'rv-01',
      publishedAt: `2026-03-0${version.at(-1)}T00:00:00.000Z`,
      ...overrides,
    },
    set: set ?? s,
  };
}

/** The server's criteria-set endpoints, in front of the sync tests' fake server for the rest. */
class SetServer {
  sets: Published[] = [];
  calls: string[] = [];
  mode: 'up' | 'offline' | 'down' = 'up';
  constructor(private readonly rest = new FakeServer()) {}
  fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    const path = input.replace(/^.*\/api\/v1/, '');
    if (!path.startsWith('/criteria-sets')) return this.rest.fetch(input, init);
    this.calls.push(`${new Headers(init?.headers).get('authorization')} ${path}`);
    if (this.mode === 'offline') throw new TypeError('Failed to fetch');
    if (this.mode === 'down') return json(503, { error: { code: 'db_unavailable', message: 'down' } });
    const list = /^\/criteria-sets\?provinceCode=(\d+)$/.exec(path);
    if (list) return json(200, { sets: this.sets.filter((p) => p.meta.provinceCode === list[1]).map((p) => p.meta) });
    const found = this.sets.find((p) => path === `/criteria-sets/${String(p.meta.id)}`);
    return found ? json(200, found) : json(404, { error: { code: 'not_found', message: 'Not found' } });
  };
  get server(): FakeServer {
    return this.rest;
  }
}

let db: XasoDb;
let stop: (() => void) | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  stop?.();
  stop = undefined;
  await db?.delete();
});

async function until(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('pullCriteriaSets', () => {
  it('downloads the province’s published sets it lacks, validated, then asks only for the list', async () => {
    db = freshDb();
    await enrollFor(db);
    const s = new SetServer();
    s.sets = [published('2026.1'), published('2026.2')];
    const first = await pullCriteriaSets({ db, fetch: s.fetch, loadCatalogue });
    expect(first).toEqual({ reached: true, stored: [`${ID}@2026.1`, `${ID}@2026.2`], refused: [], retrying: 0 });
    expect(s.calls).toEqual([
      'Bearer tok-1 /criteria-sets?provinceCode=01',
      'Bearer tok-1 /criteria-sets/uuid-2026.1',
      'Bearer tok-1 /criteria-sets/uuid-2026.2',
    ]);
    const rows = await listDownloadedSets('01', db);
    expect(rows.map((r) => [r.key, r.serverId, r.sha256, r.publishedAt])).toEqual([
      [`${ID}@2026.1`, 'uuid-2026.1', s.sets[0]?.meta.sha256, '2026-03-01T00:00:00.000Z'],
      [`${ID}@2026.2`, 'uuid-2026.2', s.sets[1]?.meta.sha256, '2026-03-02T00:00:00.000Z'],
    ]);
    expect(rows[1]?.set).toEqual(provinceSet('01', '2026.2'));

    s.calls = [];
    expect(await pullCriteriaSets({ db, fetch: s.fetch, loadCatalogue })).toMatchObject({ reached: true, stored: [] });
    expect(s.calls).toEqual(['Bearer tok-1 /criteria-sets?provinceCode=01']);
  });

  it('refuses a corrupted set and a mislabelled one (nothing stored), and still stores the good one', async () => {
    db = freshDb();
    await enrollFor(db);
    const s = new SetServer();
    const broken = provinceSet('01', '2026.1');
    broken.indicators[0]!.points = 99; // the points no longer add up to the group's
    const other = { ...provinceSet('01', '2026.2'), id: 'chi-so-khac' };
    s.sets = [
      published('2026.1', {}, broken),
      published('2026.2', {}, other),
      published('2026.2', { id: 'uuid-good', version: '2026.3' }, { ...provinceSet('01', '2026.2'), version: '2026.3' }),
    ];
    const report = await pullCriteriaSets({ db, fetch: s.fetch, loadCatalogue });
    expect(report.stored).toEqual([`${ID}@2026.3`]);
    expect(report.refused.map((r) => r.key)).toEqual([`${ID}@2026.1`, `${ID}@2026.2`]);
    expect(report.refused[0]?.reason).toMatch(/^invalid set \(groups\.0\.points: points 60 do not add up/);
    expect(report.refused[1]?.reason).toMatch(/chi-so-khac@2026.2, not the one listed/);
    expect((await listDownloadedSets(undefined, db)).map((r) => r.key)).toEqual([`${ID}@2026.3`]);
    // Fixed on the server, it comes down on the next pull.
    s.sets[0] = published('2026.1');
    expect((await pullCriteriaSets({ db, fetch: s.fetch, loadCatalogue })).stored).toEqual([`${ID}@2026.1`]);
  });

  it('refuses a set altered on the way (its SHA-256 is not the list’s), even a valid one; nothing stored', async () => {
    db = freshDb();
    await enrollFor(db);
    const s = new SetServer();
    const altered = published('2026.1');
    altered.set = { ...provinceSet('01', '2026.1'), title: { vi: 'Bộ khác', en: 'Another' } };
    s.sets = [altered];
    const report = await pullCriteriaSets({ db, fetch: s.fetch, loadCatalogue });
    expect(report).toMatchObject({
      reached: true,
      stored: [],
      refused: [{ key: `${ID}@2026.1`, reason: 'sha256 does not match the list' }],
    });
    expect(await listDownloadedSets(undefined, db)).toEqual([]);
  });

  it('ignores drafts and other provinces’ sets in the list, and refuses a set linking an unknown component', async () => {
    db = freshDb();
    await enrollFor(db);
    const s = new SetServer();
    const unknownLink = provinceSet('01', '2026.2');
    unknownLink.indicators[0]!.links = ['KHONGCO99'];
    s.sets = [published('2026.1', { status: 'draft' }), published('2026.2', {}, unknownLink)];
    s.sets.push({
      ...published('2026.1', { provinceCode: '01', id: 'x' }),
      meta: { ...published('2026.1').meta, provinceCode: '02' },
    });
    const report = await pullCriteriaSets({ db, fetch: s.fetch, loadCatalogue });
    expect(report.stored).toEqual([]);
    expect(report.refused).toEqual([{ key: `${ID}@2026.2`, reason: expect.stringContaining('unknown catalogue component') }]);
    expect(s.calls).toEqual(['Bearer tok-1 /criteria-sets?provinceCode=01', 'Bearer tok-1 /criteria-sets/uuid-2026.2']);
  });

  it('asks nothing when not enrolled; offline or a 5xx is reported as not reached, nothing stored', async () => {
    db = freshDb();
    const s = new SetServer();
    s.sets = [published('2026.1')];
    expect(await pullCriteriaSets({ db, fetch: s.fetch, loadCatalogue })).toMatchObject({ reached: true, stored: [] });
    expect(s.calls).toEqual([]);
    await enrollFor(db);
    for (const mode of ['offline', 'down'] as const) {
      s.mode = mode;
      expect(await pullCriteriaSets({ db, fetch: s.fetch, loadCatalogue })).toMatchObject({ reached: false, stored: [] });
    }
    expect(await listDownloadedSets(undefined, db)).toEqual([]);
  });
});

describe('criteria sets in the sync triggers', () => {
  it('a failing pull never holds back a submission, and is retried with backoff until the set comes down', async () => {
    db = freshDb();
    await enrollFor(db);
    const s = new SetServer();
    s.sets = [published('2026.1')];
    s.mode = 'down';
    const a = await seedAssessment(db);
    await submitAssessment(a.id, { db, loadReference: loadRef, kick: () => undefined });
    stop = startSync({ db, fetch: s.fetch, loadReference: loadRef, random: () => 0, intervalMs: 60_000 });
    await until(async () => (await db.sync.get(a.id))?.state === 'sent');
    await until(async () => s.calls.length >= 1);
    expect(await listDownloadedSets(undefined, db)).toEqual([]);
    s.mode = 'up';
    // random 0: the first retry is due after the shortest wake-up (1 s), with no trigger firing.
    await until(async () => (await listDownloadedSets(undefined, db)).length === 1);
    expect(s.calls.filter((c) => c.endsWith('provinceCode=01')).length).toBe(2);
  });

  it('the backoff wake-up retries even when it fires before Date.now() reaches the due time', async () => {
    db = freshDb();
    await enrollFor(db);
    const s = new SetServer();
    s.sets = [published('2026.1')];
    s.mode = 'down';
    stop = startSync({ db, fetch: s.fetch, loadReference: loadRef, random: () => 0, intervalMs: 60_000 });
    await until(async () => s.calls.length >= 1);
    // From here the wall clock reads 20 ms behind the timers' clock, as it may when they drift
    // apart: the wake-up fires "early" by Date.now(). It must still ask, not wait for a trigger.
    const real = Date.now.bind(Date);
    vi.spyOn(Date, 'now').mockImplementation(() => real() - 20);
    s.mode = 'up';
    await until(async () => (await listDownloadedSets(undefined, db)).length === 1);
  });
});

describe('an enrollment asks for the province’s sets at once', () => {
  it('the start, not yet enrolled, asked nothing; the enrollment’s sync run brings the set down without waiting for a trigger', async () => {
    db = freshDb();
    const s = new SetServer();
    s.sets = [published('2026.1')];
    // Node has no window: the test stands in an EventTarget for the page's global events.
    const page = new EventTarget();
    vi.stubGlobal('addEventListener', page.addEventListener.bind(page));
    vi.stubGlobal('removeEventListener', page.removeEventListener.bind(page));
    vi.stubGlobal('dispatchEvent', page.dispatchEvent.bind(page));
    try {
      stop = startSync({ db, fetch: s.fetch, loadReference: loadRef, intervalMs: 60_000 });
      await new Promise((r) => setTimeout(r, 200));
      expect(s.calls).toEqual([]);
      await enrollFor(db);
      requestSyncRun();
      await until(async () => (await listDownloadedSets(undefined, db)).length === 1);
      expect(s.calls.filter((c) => c.endsWith('provinceCode=01'))).toHaveLength(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
