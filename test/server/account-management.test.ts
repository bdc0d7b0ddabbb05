/** Issue #9 "Account management": admin and reviewer controls over accounts, codes and devices, all audited. */
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../src/server/repositories/audit';
import { CITY_PROVINCE, MOUNTAIN_COMMUNE, MOUNTAIN_PROVINCE } from './fixtures';
import { DB_KINDS, serverPerTest, type TestServer } from './harness';

const PASSWORD = 'reviewer-password-1';

async function reviewerAccount(
  s: TestServer,
  admin: string,
  username = 'rev.caobang',
  provinceCode = MOUNTAIN_PROVINCE,
): Promise<string> {
  const res = await s.request('POST', '/api/v1/users', { token: admin, body: { username, password: PASSWORD, provinceCode } });
  expect(res.status).toBe(201);
  return res.json.id as string;
}

async function actions(s: TestServer): Promise<string[]> {
  return (await listAudit(s.db)).map((r) => `${r.action}:${r.outcome}`);
}

describe.each(DB_KINDS)('account management (%s)', (kind) => {
  const server = serverPerTest(kind);

  it('[A12] the admin lists accounts with their last sign-in, disables one (its sessions end at once) and enables it again', async () => {
    const s = server();
    const admin = await s.adminToken();
    const id = await reviewerAccount(s, admin);
    s.advance(60_000);
    const session = await s.login('rev.caobang', PASSWORD);
    const listed = await s.request('GET', '/api/v1/users', { token: admin });
    const row = listed.json.users.find((u: { id: string }) => u.id === id);
    expect(row).toMatchObject({
      username: 'rev.caobang',
      disabledAt: null,
      mustChangePassword: false,
      lastSignInAt: s.clock.toISOString(),
    });
    const adminRow = listed.json.users.find((u: { username: string }) => u.username === 'admin');
    expect(adminRow.lastSignInAt).not.toBeNull();

    const disabled = await s.request('POST', `/api/v1/users/${id}/disable`, { token: admin });
    expect(disabled.status).toBe(200);
    expect(disabled.json.disabledAt).toBe(s.clock.toISOString());
    expect((await s.request('GET', '/api/v1/sessions/current', { token: session })).status).toBe(401);
    const again = await s.request('POST', '/api/v1/sessions', { body: { username: 'rev.caobang', password: PASSWORD } });
    expect(again.status).toBe(403);
    expect(again.json.error.code).toBe('account_disabled');
    const wrong = await s.request('POST', '/api/v1/sessions', {
      body: { username: 'rev.caobang', password: 'not-the-password' },
    });
    expect(wrong.status).toBe(401);

    const self = await s.request('POST', `/api/v1/users/${adminRow.id as string}/disable`, { token: admin });
    expect(self.status).toBe(409);
    expect((await s.request('POST', `/api/v1/users/${id}/enable`, { token: admin })).json.disabledAt).toBeNull();
    await s.login('rev.caobang', PASSWORD);
    expect(await actions(s)).toEqual(
      expect.arrayContaining(['user.disable:success', 'user.enable:success', 'session.create:failure']),
    );
  });

  it('[A12] a reset password ends the sessions; the user must change it before anything else', async () => {
    const s = server();
    const admin = await s.adminToken();
    const id = await reviewerAccount(s, admin);
    const before = await s.login('rev.caobang', PASSWORD);
    const reset = await s.request('POST', `/api/v1/users/${id}/password`, {
      token: admin,
      body: { password: 'temporary-pass-1' },
    });
    expect(reset.status).toBe(200);
    expect(reset.json.mustChangePassword).toBe(true);
    expect((await s.request('GET', '/api/v1/sessions/current', { token: before })).status).toBe(401);
    expect((await s.request('POST', '/api/v1/sessions', { body: { username: 'rev.caobang', password: PASSWORD } })).status).toBe(
      401,
    );

    const signIn = await s.request('POST', '/api/v1/sessions', {
      body: { username: 'rev.caobang', password: 'temporary-pass-1' },
    });
    expect(signIn.status).toBe(201);
    expect(signIn.json.user.mustChangePassword).toBe(true);
    const token = signIn.json.token as string;
    const blocked = await s.request('GET', `/api/v1/provinces/${MOUNTAIN_PROVINCE}/communes`, { token });
    expect(blocked.status).toBe(403);
    expect(blocked.json.error.code).toBe('password_change_required');
    expect((await s.request('GET', '/api/v1/sessions/current', { token })).json.user.mustChangePassword).toBe(true);

    const wrongCurrent = await s.request('PUT', '/api/v1/sessions/current/password', {
      token,
      body: { currentPassword: 'nope-nope-nope', newPassword: 'my-own-password-1' },
    });
    expect(wrongCurrent.status).toBe(403);
    const changed = await s.request('PUT', '/api/v1/sessions/current/password', {
      token,
      body: { currentPassword: 'temporary-pass-1', newPassword: 'my-own-password-1' },
    });
    expect(changed.status).toBe(204);
    expect((await s.request('GET', `/api/v1/provinces/${MOUNTAIN_PROVINCE}/communes`, { token })).status).toBe(200);
    await s.login('rev.caobang', 'my-own-password-1');
    expect(await actions(s)).toEqual(
      expect.arrayContaining(['user.password-reset:success', 'user.password-change:failure', 'user.password-change:success']),
    );
  });

  it('[A12] a reviewer lists and revokes an unused enrollment code of their province; a revoked code enrolls nobody', async () => {
    const s = server();
    const admin = await s.adminToken();
    await reviewerAccount(s, admin);
    await reviewerAccount(s, admin, 'rev.hanoi', CITY_PROVINCE);
    const reviewer = await s.login('rev.caobang', PASSWORD);
    const other = await s.login('rev.hanoi', PASSWORD);
    const code = await s.issueCode(reviewer, MOUNTAIN_COMMUNE);
    const open = await s.request('GET', `/api/v1/communes/${MOUNTAIN_COMMUNE}/enrollment-codes`, { token: reviewer });
    expect(open.json.codes).toHaveLength(1);
    expect(JSON.stringify(open.json)).not.toContain(code);
    const codeId = open.json.codes[0].id as string;
    expect((await s.request('DELETE', `/api/v1/enrollment-codes/${codeId}`, { token: other })).status).toBe(403);
    expect((await s.request('DELETE', `/api/v1/enrollment-codes/${codeId}`, { token: reviewer })).status).toBe(204);
    expect((await s.request('DELETE', `/api/v1/enrollment-codes/${codeId}`, { token: reviewer })).status).toBe(409);
    const enroll = await s.request('POST', '/api/v1/enrollments', { body: { code } });
    expect(enroll.status).toBe(410);
    expect(enroll.json.error.code).toBe('enrollment_code_revoked');
    expect(
      (await s.request('GET', `/api/v1/communes/${MOUNTAIN_COMMUNE}/enrollment-codes`, { token: reviewer })).json.codes,
    ).toEqual([]);
    // A used code cannot be revoked.
    const used = await s.issueCode(reviewer, MOUNTAIN_COMMUNE);
    const usedId = (await s.request('GET', `/api/v1/communes/${MOUNTAIN_COMMUNE}/enrollment-codes`, { token: reviewer })).json
      .codes[0].id as string;
    expect((await s.request('POST', '/api/v1/enrollments', { body: { code: used } })).status).toBe(201);
    expect((await s.request('DELETE', `/api/v1/enrollment-codes/${usedId}`, { token: reviewer })).status).toBe(409);
    expect(await actions(s)).toContain('enrollment-code.revoke:success');
  });
});
