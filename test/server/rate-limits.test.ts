/**
 * Issue #9 defects 2 and 3: sign-in limits behind a reverse proxy, per address across usernames,
 * and per account without letting an attacker lock the real user out.
 */
import { describe, expect, it } from 'vitest';
import { parseTrustedProxies } from '../../src/server/client-address';
import { ADMIN_PASSWORD, DB_KINDS, serverPerTest, type TestServer } from './harness';

const PROXY = '127.0.0.1';

function viaProxy(s: TestServer, username: string, password: string, forwardedFor: string) {
  return s.request('POST', '/api/v1/sessions', {
    body: { username, password },
    ip: PROXY,
    headers: { 'x-forwarded-for': forwardedFor },
  });
}

describe.each(DB_KINDS)('sign-in limits behind a proxy (%s)', (kind) => {
  const server = serverPerTest(kind, { trustedProxies: parseTrustedProxies(PROXY) });

  it('[A7] a client forging X-Forwarded-For gets 429 after 5 wrong passwords; the real admin behind the same proxy still signs in', async () => {
    const s = server();
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++)
      statuses.push((await viaProxy(s, 'admin', 'wrong-password', `10.9.${i}.1, 198.51.100.7`)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual(Array<number>(25).fill(429));
    const real = await viaProxy(s, 'admin', ADMIN_PASSWORD, '203.0.113.5');
    expect(real.status).toBe(201);
  });

  it('[A7] a forged X-Forwarded-For cannot mint addresses for wrong enrollment codes either', async () => {
    const s = server();
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await s.request('POST', '/api/v1/enrollments', {
        body: { code: 'AAAA-AAAA' },
        ip: PROXY,
        headers: { 'x-forwarded-for': `10.8.${i}.1, 198.51.100.7` },
      });
      statuses.push(res.status);
    }
    expect(statuses.filter((x) => x === 429)).toHaveLength(5);
    // Another phone behind the same proxy is not blocked.
    const other = await s.request('POST', '/api/v1/enrollments', {
      body: { code: 'AAAA-AAAA' },
      ip: PROXY,
      headers: { 'x-forwarded-for': '203.0.113.5' },
    });
    expect(other.status).toBe(400);
  });

  it('[A8] password spraying: one address, 40 usernames, one password each → 429 after 20, whatever the username', async () => {
    const s = server();
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await viaProxy(s, `user${i}`, 'Password123!', '198.51.100.9')).status);
    expect(statuses.slice(0, 20)).toEqual(Array<number>(20).fill(401));
    expect(statuses.slice(20)).toEqual(Array<number>(20).fill(429));
    // The admin's own sign-in from elsewhere is untouched.
    expect((await viaProxy(s, 'admin', ADMIN_PASSWORD, '203.0.113.5')).status).toBe(201);
  });

  it('[A7] many addresses guessing one account slow it down (2 s between tries), never lock the real user out', async () => {
    const s = server();
    for (let i = 0; i < 11; i++) {
      expect((await viaProxy(s, 'admin', 'wrong-password', `198.51.100.${i + 1}`)).status).toBe(401);
      s.advance(3000);
    }
    const burst = await viaProxy(s, 'admin', 'wrong-password', '198.51.100.50');
    expect(burst.status).toBe(401);
    s.advance(500);
    const slowed = await viaProxy(s, 'admin', 'wrong-password', '198.51.100.51');
    expect(slowed.status).toBe(429);
    expect(slowed.headers.get('retry-after')).toBe('2');
    s.advance(2100);
    expect((await viaProxy(s, 'admin', ADMIN_PASSWORD, '203.0.113.5')).status).toBe(201);
  });
});
