import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { XasoDb } from '../../src/db/database';
import { enroll, forgetEnrollment, getEnrollment, normaliseCode } from '../../src/sync/enrollment';
import { freshDb, json } from './helpers';

let db: XasoDb;
afterEach(async () => {
  await db?.delete();
});

const ok = {
  deviceId: 'dev-9',
  token: 'secret-token',
  communeCode: '00004',
  communeName: 'Phường Ba Đình',
  provinceCode: '01',
  provinceName: 'Thành phố Hà Nội',
};

describe('enrollment', () => {
  it('forgives case, spaces and dashes in the code', () => {
    expect(normaliseCode(' acde-fg hj ')).toBe('ACDEFGHJ');
  });

  it('stores the device token and the commune, and forgets them on request', async () => {
    db = freshDb();
    const seen: { url: string; body: unknown }[] = [];
    const fetch = async (url: string, init?: RequestInit) => {
      seen.push({ url, body: JSON.parse(String(init?.body)) });
      return json(201, ok);
    };
    const result = await enroll('acde-fghj', { db, fetch, now: () => Date.parse('2026-03-01T00:00:00Z') });
    expect(result.ok).toBe(true);
    expect(seen).toEqual([{ url: '/api/v1/enrollments', body: { code: 'ACDEFGHJ' } }]);
    expect(await getEnrollment(db)).toEqual({
      deviceToken: 'secret-token',
      deviceId: 'dev-9',
      communeCode: '00004',
      communeName: 'Phường Ba Đình',
      provinceCode: '01',
      provinceName: 'Thành phố Hà Nội',
      enrolledAt: '2026-03-01T00:00:00.000Z',
    });
    await forgetEnrollment(db);
    expect(await getEnrollment(db)).toBeUndefined();
  });

  it("shows the server's reason when it refuses the code, and stores nothing", async () => {
    db = freshDb();
    const fetch = async () => json(400, { error: { code: 'invalid_code', message: 'Mã đã được dùng hoặc đã hết hạn' } });
    expect(await enroll('ACDEFGHJ', { db, fetch })).toEqual({
      ok: false,
      error: { kind: 'refused', code: 'invalid_code', message: 'Mã đã được dùng hoặc đã hết hạn' },
    });
    expect(await getEnrollment(db)).toBeUndefined();
  });

  it('tells "no connection" apart, and refuses an empty code without a request', async () => {
    db = freshDb();
    let calls = 0;
    const fetch = async () => {
      calls++;
      throw new TypeError('Failed to fetch');
    };
    expect(await enroll('ACDEFGHJ', { db, fetch })).toMatchObject({ ok: false, error: { kind: 'offline' } });
    expect(await enroll('  - ', { db, fetch })).toEqual({ ok: false, error: { kind: 'invalid-code' } });
    expect(calls).toBe(1);
  });
});
