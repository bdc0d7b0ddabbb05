import { describe, expect, it } from 'vitest';
import { ENROLLMENT_ALPHABET } from '../../src/server/auth/tokens';
import { listAudit } from '../../src/server/repositories/audit';
import { CITY_COMMUNE, CITY_PROVINCE, MOUNTAIN_COMMUNE, MOUNTAIN_PROVINCE, submission } from './fixtures';
import { DB_KINDS, serverPerTest } from './harness';

const DAY = 24 * 3600 * 1000;

describe.each(DB_KINDS)('enrollment and devices (%s)', (kind) => {
  const server = serverPerTest(kind, { publicUrl: 'https://xaso.example.vn' });

  it('issues a short code with a link and an SVG QR code that open the app', async () => {
    const s = server();
    const reviewer = await s.reviewer(MOUNTAIN_PROVINCE);
    const res = await s.request('POST', `/api/v1/communes/${MOUNTAIN_COMMUNE}/enrollment-codes`, { token: reviewer });
    expect(res.status).toBe(201);
    const { code, link, qrSvg, expiresAt, communeName } = res.json;
    expect(code).toHaveLength(8);
    expect([...code].every((ch: string) => ENROLLMENT_ALPHABET.includes(ch))).toBe(true);
    expect(link).toBe(`https://xaso.example.vn/#/enroll?code=${code}`);
    expect(qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(Date.parse(expiresAt) - s.clock.getTime()).toBe(7 * DAY);
    expect(communeName).toBe('Xã Bảo Lâm');
  });

  it('enrolls a phone once per code; the token is bound to the commune', async () => {
    const s = server();
    const reviewer = await s.reviewer(MOUNTAIN_PROVINCE);
    const code = await s.issueCode(reviewer, MOUNTAIN_COMMUNE);
    // People type codes in lower case with spaces: forgiven.
    const typed = `${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`;
    const first = await s.request('POST', '/api/v1/enrollments', { body: { code: typed, label: 'Điện thoại chị Lan' } });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({
      communeCode: MOUNTAIN_COMMUNE,
      provinceCode: MOUNTAIN_PROVINCE,
      communeName: 'Xã Bảo Lâm',
      provinceName: 'Tỉnh Cao Bằng',
    });
    expect(first.json.token).toMatch(/^d\./);
    const again = await s.request('POST', '/api/v1/enrollments', { body: { code } });
    expect(again.status).toBe(410);
    expect(again.json.error.code).toBe('enrollment_code_used');
    const me = await s.request('GET', '/api/v1/sessions/current', { token: first.json.token });
    expect(me.json.device).toMatchObject({ communeCode: MOUNTAIN_COMMUNE, provinceCode: MOUNTAIN_PROVINCE });
    const unknown = await s.request('POST', '/api/v1/enrollments', { body: { code: 'AAAAAAAA' } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.code).toBe('invalid_enrollment_code');
  });

  it('expires codes after 7 days', async () => {
    const s = server();
    const reviewer = await s.reviewer(MOUNTAIN_PROVINCE);
    const early = await s.issueCode(reviewer, MOUNTAIN_COMMUNE);
    const late = await s.issueCode(reviewer, MOUNTAIN_COMMUNE);
    s.advance(7 * DAY - 1000);
    expect((await s.request('POST', '/api/v1/enrollments', { body: { code: early } })).status).toBe(201);
    s.advance(1000);
    const expired = await s.request('POST', '/api/v1/enrollments', { body: { code: late } });
    expect(expired.status).toBe(410);
    expect(expired.json.error.code).toBe('enrollment_code_expired');
  });

  it('lets a reviewer issue codes only in their own province; the admin anywhere; devices never', async () => {
    const s = server();
    const reviewer = await s.reviewer(MOUNTAIN_PROVINCE);
    const other = await s.request('POST', `/api/v1/communes/${CITY_COMMUNE}/enrollment-codes`, { token: reviewer });
    expect(other.status).toBe(403);
    const unknown = await s.request('POST', '/api/v1/communes/99999/enrollment-codes', { token: reviewer });
    expect(unknown.status).toBe(404);
    const admin = await s.adminToken();
    expect((await s.request('POST', `/api/v1/communes/${CITY_COMMUNE}/enrollment-codes`, { token: admin })).status).toBe(201);
    const device = await s.enroll(reviewer, MOUNTAIN_COMMUNE);
    expect(
      (await s.request('POST', `/api/v1/communes/${MOUNTAIN_COMMUNE}/enrollment-codes`, { token: device.token })).status,
    ).toBe(403);
  });

  it('revokes a device: its token stops working; only its province, the admin or itself may revoke', async () => {
    const s = server();
    const reviewer = await s.reviewer(MOUNTAIN_PROVINCE);
    const cityReviewer = await s.reviewer(CITY_PROVINCE);
    const device = await s.enroll(reviewer, MOUNTAIN_COMMUNE);
    const put = () =>
      s.request('PUT', '/api/v1/assessments/assessment-0001', { token: device.token, body: submission(MOUNTAIN_COMMUNE) });
    expect((await put()).status).toBe(200);

    const listed = await s.request('GET', `/api/v1/communes/${MOUNTAIN_COMMUNE}/devices`, { token: reviewer });
    expect(listed.json.devices).toEqual([expect.objectContaining({ id: device.deviceId, revokedAt: null })]);
    expect((await s.request('DELETE', `/api/v1/devices/${device.deviceId}`, { token: cityReviewer })).status).toBe(403);
    expect((await s.request('DELETE', `/api/v1/devices/${device.deviceId}`, { token: reviewer })).status).toBe(204);
    expect((await put()).status).toBe(401);
    expect((await s.request('DELETE', '/api/v1/devices/no-such-device', { token: reviewer })).status).toBe(404);

    // A phone may sign itself out, but not another phone.
    const a = await s.enroll(reviewer, MOUNTAIN_COMMUNE);
    const b = await s.enroll(reviewer, MOUNTAIN_COMMUNE);
    expect((await s.request('DELETE', `/api/v1/devices/${b.deviceId}`, { token: a.token })).status).toBe(403);
    expect((await s.request('DELETE', `/api/v1/devices/${a.deviceId}`, { token: a.token })).status).toBe(204);
    expect((await s.request('GET', '/api/v1/sessions/current', { token: a.token })).status).toBe(401);
  });

  it('audits code issue, enrollment and revocation without codes or tokens', async () => {
    const s = server();
    const reviewer = await s.reviewer(MOUNTAIN_PROVINCE);
    const code = await s.issueCode(reviewer, MOUNTAIN_COMMUNE);
    const enrolled = await s.request('POST', '/api/v1/enrollments', { body: { code } });
    await s.request('POST', '/api/v1/enrollments', { body: { code } });
    await s.request('DELETE', `/api/v1/devices/${enrolled.json.deviceId}`, { token: reviewer });
    const rows = await listAudit(s.db);
    const actions = rows.map((r) => `${r.action}:${r.outcome}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'enrollment-code.create:success',
        'device.enroll:success',
        'device.enroll:failure',
        'device.revoke:success',
      ]),
    );
    const everything = JSON.stringify(rows);
    for (const secret of [code, enrolled.json.token, reviewer]) expect(everything).not.toContain(secret);
  });

  it('rate-limits guessing enrollment codes per IP', async () => {
    const s = server();
    for (let i = 0; i < 20; i++) {
      expect((await s.request('POST', '/api/v1/enrollments', { body: { code: `GUESS${i}` }, ip: '198.51.100.99' })).status).toBe(
        400,
      );
    }
    const limited = await s.request('POST', '/api/v1/enrollments', { body: { code: 'GUESSXX' }, ip: '198.51.100.99' });
    expect(limited.status).toBe(429);
  });
});
