import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { ensureAdmin } from '../../src/server/auth/admin-bootstrap';
import { listAudit } from '../../src/server/repositories/audit';
import { findUserByUsername } from '../../src/server/repositories/users';
import { CITY_PROVINCE, MOUNTAIN_PROVINCE } from './fixtures';
import { ADMIN_PASSWORD, DB_KINDS, openTestDatabase, serverPerTest, START, usePostgresWhen } from './harness';
import { migrateToLatest } from '../../src/server/db/migrate';

describe.each(DB_KINDS)('admin bootstrap (%s)', (kind) => {
  usePostgresWhen(kind);

  it('creates an admin with a generated password once, then leaves it; a configured password resets it', async () => {
    const database = await openTestDatabase(kind);
    try {
      await migrateToLatest(database.db);
      const first = await ensureAdmin(database.db, { now: START });
      expect(first.action).toBe('created');
      const generated = first.action === 'created' ? first.generatedPassword : undefined;
      expect(generated).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      expect(await ensureAdmin(database.db, { now: START })).toEqual({ action: 'unchanged' });
      const before = await findUserByUsername(database.db, 'admin');
      expect(await ensureAdmin(database.db, { password: 'a-new-admin-password', now: START })).toEqual({ action: 'reset' });
      const after = await findUserByUsername(database.db, 'admin');
      expect(after?.password_hash).not.toBe(before?.password_hash);
      expect(after?.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
      // The same password again (another instance, a restart) changes nothing.
      expect(await ensureAdmin(database.db, { password: 'a-new-admin-password', now: START })).toEqual({ action: 'unchanged' });
      expect((await findUserByUsername(database.db, 'admin'))?.password_hash).toBe(after?.password_hash);
      await expect(ensureAdmin(database.db, { password: 'short', now: START })).rejects.toThrow(/at least/);
    } finally {
      await database.close();
    }
  });
});

describe.each(DB_KINDS)('sign-in and accounts (%s)', (kind) => {
  const server = serverPerTest(kind);

  it('signs in with the right password and reports who the token belongs to', async () => {
    const res = await server().request('POST', '/api/v1/sessions', { body: { username: 'admin', password: ADMIN_PASSWORD } });
    expect(res.status).toBe(201);
    expect(res.json.token).toMatch(/^s\.[A-Za-z0-9_-]{43}$/);
    expect(res.json.user).toMatchObject({ username: 'admin', role: 'admin', provinceCode: null });
    expect(Date.parse(res.json.expiresAt) - START.getTime()).toBe(12 * 3600 * 1000);
    const me = await server().request('GET', '/api/v1/sessions/current', { token: res.json.token });
    expect(me.json).toMatchObject({ kind: 'user', user: { username: 'admin' }, device: null });
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    const wrong = await server().request('POST', '/api/v1/sessions', { body: { username: 'admin', password: 'nope-nope-nope' } });
    const unknown = await server().request('POST', '/api/v1/sessions', {
      body: { username: 'ghost', password: 'nope-nope-nope' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json).toEqual(unknown.json);
    expect(wrong.json.error.code).toBe('invalid_credentials');
  });

  it('locks a username+IP out after 5 failures for 15 minutes (429), other IPs unaffected', async () => {
    const s = server();
    for (let i = 0; i < 5; i++) {
      const res = await s.request('POST', '/api/v1/sessions', {
        body: { username: 'admin', password: 'wrong-password' },
        ip: '198.51.100.7',
      });
      expect(res.status).toBe(401);
    }
    const locked = await s.request('POST', '/api/v1/sessions', {
      body: { username: 'admin', password: ADMIN_PASSWORD },
      ip: '198.51.100.7',
    });
    expect(locked.status).toBe(429);
    expect(locked.json.error.code).toBe('too_many_attempts');
    expect(locked.headers.get('retry-after')).toBe('900');
    // Another address is not locked out, and the window ends.
    await s.login('admin', ADMIN_PASSWORD, '198.51.100.8');
    s.advance(15 * 60 * 1000 + 1000);
    await s.login('admin', ADMIN_PASSWORD, '198.51.100.7');
  });

  it('expires sessions and ends them on sign-out', async () => {
    const s = server();
    const token = await s.adminToken();
    expect((await s.request('GET', '/api/v1/users', { token })).status).toBe(200);
    expect((await s.request('DELETE', '/api/v1/sessions/current', { token })).status).toBe(204);
    expect((await s.request('GET', '/api/v1/users', { token })).status).toBe(401);
    const second = await s.adminToken();
    s.advance(12 * 3600 * 1000 + 1);
    expect((await s.request('GET', '/api/v1/users', { token: second })).status).toBe(401);
  });

  it('lets only the admin create reviewers, for a known province, with unique usernames', async () => {
    const s = server();
    const admin = await s.adminToken();
    const created = await s.request('POST', '/api/v1/users', {
      token: admin,
      body: { username: 'Rev.CaoBang', password: 'reviewer-pass-1', provinceCode: MOUNTAIN_PROVINCE },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ username: 'rev.caobang', role: 'reviewer', provinceCode: MOUNTAIN_PROVINCE });
    expect(created.json).not.toHaveProperty('password');
    expect(created.json).not.toHaveProperty('password_hash');

    const duplicate = await s.request('POST', '/api/v1/users', {
      token: admin,
      body: { username: 'rev.caobang', password: 'reviewer-pass-1', provinceCode: CITY_PROVINCE },
    });
    expect(duplicate.status).toBe(409);
    const unknownProvince = await s.request('POST', '/api/v1/users', {
      token: admin,
      body: { username: 'rev.x', password: 'reviewer-pass-1', provinceCode: '99' },
    });
    expect(unknownProvince.status).toBe(404);
    const weak = await s.request('POST', '/api/v1/users', {
      token: admin,
      body: { username: 'rev.y', password: 'short', provinceCode: CITY_PROVINCE },
    });
    expect(weak.status).toBe(400);
    expect(weak.json.error.code).toBe('invalid_body');

    const reviewer = await s.login('rev.caobang', 'reviewer-pass-1');
    const byReviewer = await s.request('POST', '/api/v1/users', {
      token: reviewer,
      body: { username: 'rev.z', password: 'reviewer-pass-1', provinceCode: MOUNTAIN_PROVINCE },
    });
    expect(byReviewer.status).toBe(403);
    const anonymous = await s.request('POST', '/api/v1/users', {
      body: { username: 'rev.z', password: 'reviewer-pass-1', provinceCode: MOUNTAIN_PROVINCE },
    });
    expect(anonymous.status).toBe(401);
  });

  it('keeps no state in memory: a second instance honours the sessions and lockouts of the first', async () => {
    const s = server();
    const other = createApp({ db: s.db, dialect: s.database.dialect, reference: s.xaso.deps.reference, now: () => s.clock });
    const env = { incoming: { socket: { remoteAddress: '198.51.100.20' } } };
    const signIn = (password: string) =>
      other.app.request(
        '/api/v1/sessions',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'admin', password }),
        },
        env,
      );
    const token = await s.adminToken();
    const users = await other.app.request('/api/v1/users', { headers: { authorization: `Bearer ${token}` } }, env);
    expect(users.status).toBe(200);
    for (let i = 0; i < 3; i++)
      await s.request('POST', '/api/v1/sessions', {
        body: { username: 'admin', password: 'wrong-password' },
        ip: '198.51.100.20',
      });
    for (let i = 0; i < 2; i++) expect((await signIn('wrong-password')).status).toBe(401);
    expect((await signIn(ADMIN_PASSWORD)).status).toBe(429);
  });

  it('audits sign-ins (success and failure) with who, when and IP, and never a secret', async () => {
    const s = server();
    await s.request('POST', '/api/v1/sessions', { body: { username: 'admin', password: 'wrong-password' }, ip: '203.0.113.5' });
    const token = await s.login('admin', ADMIN_PASSWORD, '203.0.113.5');
    const rows = await listAudit(s.db);
    const signIns = rows.filter((r) => r.action === 'session.create');
    expect(signIns.map((r) => r.outcome).sort()).toEqual(['failure', 'success']);
    for (const r of signIns) {
      expect(r.ip).toBe('203.0.113.5');
      expect(r.actor_name).toBe('admin');
      expect(r.at).toBe(START.toISOString());
    }
    const everything = JSON.stringify(rows);
    expect(everything).not.toContain('wrong-password');
    expect(everything).not.toContain(ADMIN_PASSWORD);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(token.slice(2));
  });
});
