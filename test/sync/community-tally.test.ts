import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { XasoDb } from '../../src/db/database';
import { setSetting } from '../../src/db/settings';
import { isCommunityTally, pullCommunityTally } from '../../src/sync/community-tally';
import { enrollFor, freshDb, json, seedAssessment } from './helpers';

let db: XasoDb;
afterEach(async () => {
  await db?.delete();
});

const tally = (period: string, residents: number) => ({
  period,
  residentsHelped: residents,
  residentsByKind: { 'ky-nang-so': residents },
  sessions: 3,
  responses: 20,
  satisfaction: { mean: 4.2, shareSatisfied: 0.8, n: 20 },
});

describe('community tally on an officer phone', () => {
  it('fetches this year and the years of its assessments with the device token, and keeps them offline', async () => {
    db = freshDb();
    await enrollFor(db);
    await seedAssessment(db); // period 2026
    const calls: string[] = [];
    const fetch = async (input: string, init?: RequestInit) => {
      calls.push(`${input.replace(/^.*\/api\/v1/, '')} ${new Headers(init?.headers).get('Authorization')}`);
      const year = /year=(\d{4})/.exec(input)?.[1] ?? '';
      return json(200, tally(year, year === '2026' ? 42 : 7));
    };
    const now = () => Date.parse('2027-01-10T00:00:00Z');
    expect(await pullCommunityTally({ db, fetch, now })).toEqual({ reached: true, stored: 2 });
    expect(calls).toEqual([
      '/communes/00004/community-tally?year=2026 Bearer tok-1',
      '/communes/00004/community-tally?year=2027 Bearer tok-1',
    ]);
    expect((await db.communityTallies.get('00004@2026'))?.tally.residentsHelped).toBe(42);
  });

  it('a failed or unreadable answer keeps what the phone holds', async () => {
    db = freshDb();
    await enrollFor(db);
    const now = () => Date.parse('2026-06-01T00:00:00Z');
    await pullCommunityTally({ db, now, fetch: async () => json(200, tally('2026', 5)) });
    expect(await pullCommunityTally({ db, now, fetch: async () => Promise.reject(new TypeError('offline')) })).toEqual({
      reached: false,
      stored: 0,
    });
    await pullCommunityTally({ db, now, fetch: async () => json(200, { residentsHelped: -1 }) });
    expect((await db.communityTallies.get('00004@2026'))?.tally.residentsHelped).toBe(5);
  });

  it('a team phone or an unenrolled phone asks nothing', async () => {
    db = freshDb();
    const fetch = async () => {
      throw new Error('must not be called');
    };
    expect(await pullCommunityTally({ db, fetch })).toEqual({ reached: true, stored: 0 });
    await setSetting(
      'enrollment',
      {
        deviceToken: 't',
        deviceId: 'd',
        communeCode: '00004',
        provinceCode: '01',
        communeName: 'x',
        enrolledAt: 'x',
        role: 'team',
      },
      db,
    );
    expect(await pullCommunityTally({ db, fetch })).toEqual({ reached: true, stored: 0 });
  });

  it('accepts the withheld satisfaction shape and refuses broken figures', () => {
    expect(isCommunityTally({ ...tally('2026', 1), satisfaction: { tooFew: true } })).toBe(true);
    expect(isCommunityTally({ ...tally('2026', 1), satisfaction: { mean: null, shareSatisfied: null, n: 0 } })).toBe(true);
    expect(isCommunityTally({ ...tally('2026', 1), sessions: 'x' })).toBe(false);
    expect(isCommunityTally({ ...tally('2026', 1), residentsByKind: { a: -2 } })).toBe(false);
  });
});
