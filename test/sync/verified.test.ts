import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { XasoDb } from '../../src/db/database';
import { pullVerified } from '../../src/sync/verified';
import { freshDb, json } from './helpers';

let db: XasoDb;
afterEach(async () => {
  await db?.delete();
});

const view = (score: unknown) => ({
  assessmentId: 'a-1',
  revision: 2,
  itemCount: 70,
  verifiedCount: 5,
  adjustedCount: 1,
  items: [{ code: 'HTS1', outcome: 'adjusted', adjusted: { status: 1 }, reason: 'Chưa có', by: 'rv', at: 't' }],
  score,
  updatedAt: '2026-03-02T00:00:00.000Z',
});
const comparison = {
  assessmentId: 'a-1',
  revision: 2,
  basis: { kind: 'methodology', id: 'provisional-2026.1', version: null },
  areaType: 'rural',
  total: { commune: 50, max: 100, province: { average: 40, communes: 3 }, areaType: null },
  groups: [],
  computedAt: '2026-03-02T00:00:00.000Z',
};

function server(routes: Record<string, () => Response>) {
  const calls: string[] = [];
  return {
    calls,
    fetch: async (input: string) => {
      const path = input.replace(/^.*\/api\/v1/, '');
      calls.push(path);
      const route = routes[path];
      if (!route) throw new TypeError('Failed to fetch');
      return route();
    },
  };
}

describe('pullVerified', () => {
  it('keeps the verification and the comparison for offline use once the province has verified something', async () => {
    db = freshDb();
    const s = server({
      '/assessments/a-1/verification': () => json(200, view({ index: 48.5, level: 3 })),
      '/assessments/a-1/comparison': () => json(200, comparison),
    });
    expect(await pullVerified(db, 'a-1', 'd.token', { fetch: s.fetch, now: () => Date.parse('2026-03-02T01:00:00Z') })).toBe(
      true,
    );
    expect(await db.verifiedResults.get('a-1')).toEqual({
      assessmentId: 'a-1',
      verification: view({ index: 48.5, level: 3 }),
      comparison,
      fetchedAt: '2026-03-02T01:00:00.000Z',
    });
  });

  it('stores nothing before the first verified item, and keeps what it holds when offline', async () => {
    db = freshDb();
    const none = server({ '/assessments/a-1/verification': () => json(200, view(null)) });
    expect(await pullVerified(db, 'a-1', 'd.token', { fetch: none.fetch })).toBe(false);
    expect(none.calls).toEqual(['/assessments/a-1/verification']);
    expect(await db.verifiedResults.count()).toBe(0);

    const online = server({
      '/assessments/a-1/verification': () => json(200, view({ index: 48.5, level: 3 })),
      '/assessments/a-1/comparison': () => json(200, comparison),
    });
    await pullVerified(db, 'a-1', 'd.token', { fetch: online.fetch });
    const offline = server({});
    expect(await pullVerified(db, 'a-1', 'd.token', { fetch: offline.fetch })).toBe(false);
    expect((await db.verifiedResults.get('a-1'))?.comparison).toEqual(comparison);
  });
});
