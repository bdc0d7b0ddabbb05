/**
 * A team phone's display name reaches the reviewer's list of the commune's phones (issue #15):
 * PUT /devices/{id}/label by the device itself only, stored as NFC text of 1 to 60 characters.
 */
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../src/server/repositories/audit';
import { CITY_PROVINCE, MOUNTAIN_COMMUNE, MOUNTAIN_PROVINCE } from './fixtures';
import { enrollTeam } from './community-fixtures';
import { DB_KINDS, serverPerTest, type TestServer } from './harness';

type Listed = { id: string; label: string | null; role: string };

async function labelOf(s: TestServer, reviewer: string, deviceId: string): Promise<string | null | undefined> {
  const res = await s.request('GET', `/api/v1/communes/${MOUNTAIN_COMMUNE}/devices`, { token: reviewer });
  expect(res.status).toBe(200);
  return (res.json.devices as Listed[]).find((d) => d.id === deviceId)?.label;
}

describe.each(DB_KINDS)('a device names itself (%s)', (kind) => {
  const server = serverPerTest(kind);

  it("stores a team phone's display name as NFC text, shown in the commune's list of phones", async () => {
    const s = server();
    const reviewer = await s.reviewer(MOUNTAIN_PROVINCE);
    const team = await enrollTeam(s, reviewer, MOUNTAIN_COMMUNE, '');
    // "Chị Lan" with a decomposed "ị" (i + combining dot below), as some keyboards send it.
    const decomposed = '  Chi\u0323 Lan \t';
    const res = await s.request('PUT', `/api/v1/devices/${team.deviceId}/label`, {
      token: team.token,
      body: { label: decomposed },
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ id: team.deviceId, label: 'Chị Lan' });
    expect(await labelOf(s, reviewer, team.deviceId)).toBe('Chị Lan');
    // On change, the new name replaces the old one; the same name again is harmless.
    for (const label of ['Anh Tùng', 'Anh Tùng']) {
      const again = await s.request('PUT', `/api/v1/devices/${team.deviceId}/label`, { token: team.token, body: { label } });
      expect(again.status).toBe(200);
    }
    expect(await labelOf(s, reviewer, team.deviceId)).toBe('Anh Tùng');
    const audited = (await listAudit(s.db)).filter((a) => a.action === 'device.label');
    expect(audited.map((a) => a.target)).toEqual([team.deviceId, team.deviceId, team.deviceId]);
  });

  it("refuses another device's token, a reviewer and no token; the label stays", async () => {
    const s = server();
    const reviewer = await s.reviewer(MOUNTAIN_PROVINCE);
    const team = await enrollTeam(s, reviewer, MOUNTAIN_COMMUNE, 'Chị Lan');
    const otherTeam = await enrollTeam(s, reviewer, MOUNTAIN_COMMUNE, 'Anh Tùng');
    const officer = await s.enroll(reviewer, MOUNTAIN_COMMUNE);
    const path = `/api/v1/devices/${team.deviceId}/label`;
    const body = { label: 'Kẻ mạo danh' };
    expect((await s.request('PUT', path, { token: otherTeam.token, body })).status).toBe(403);
    expect((await s.request('PUT', path, { token: officer.token, body })).status).toBe(403);
    expect((await s.request('PUT', path, { token: reviewer, body })).status).toBe(403);
    expect((await s.request('PUT', path, { token: await s.reviewer(CITY_PROVINCE), body })).status).toBe(403);
    expect((await s.request('PUT', path, { body })).status).toBe(401);
    expect(await labelOf(s, reviewer, team.deviceId)).toBe('Chị Lan');
    expect(await labelOf(s, reviewer, otherTeam.deviceId)).toBe('Anh Tùng');
  });

  it('refuses what is not a display name with a clear error, and stores hostile text as text', async () => {
    const s = server();
    const reviewer = await s.reviewer(MOUNTAIN_PROVINCE);
    const team = await enrollTeam(s, reviewer, MOUNTAIN_COMMUNE, 'Chị Lan');
    const put = (label: unknown) =>
      s.request('PUT', `/api/v1/devices/${team.deviceId}/label`, { token: team.token, body: { label } });
    for (const label of ['', '   ', 'a'.repeat(61), 'Chị\nLan', 'Chị\u0007Lan', 'Chị\u2028Lan']) {
      const res = await put(label);
      expect([JSON.stringify(label), res.status, res.json.error.code]).toEqual([JSON.stringify(label), 422, 'invalid_label']);
      expect(res.json.error.message).toContain('1 to 60 characters');
    }
    for (const label of [42, null]) expect((await put(label)).status).toBe(400);
    expect(
      (await s.request('PUT', `/api/v1/devices/${team.deviceId}/label`, { token: team.token, body: { label: 'x', extra: 1 } }))
        .status,
    ).toBe(400);
    expect(await labelOf(s, reviewer, team.deviceId)).toBe('Chị Lan');

    // 60 Vietnamese characters (some of two code points before NFC) fit.
    const sixty = 'Nguyễn Thị Ánh Hồng '.repeat(3);
    expect([...sixty.trim()].length).toBeLessThanOrEqual(60);
    expect((await put(sixty.normalize('NFD'))).json.label).toBe(sixty.trim());
    const hostile = '<img src=x onerror="alert(1)">';
    expect((await put(hostile)).status).toBe(200);
    expect(await labelOf(s, reviewer, team.deviceId)).toBe(hostile);
  });

  it('a revoked phone cannot rename itself', async () => {
    const s = server();
    const reviewer = await s.reviewer(MOUNTAIN_PROVINCE);
    const team = await enrollTeam(s, reviewer, MOUNTAIN_COMMUNE, 'Chị Lan');
    expect((await s.request('DELETE', `/api/v1/devices/${team.deviceId}`, { token: reviewer })).status).toBe(204);
    const res = await s.request('PUT', `/api/v1/devices/${team.deviceId}/label`, {
      token: team.token,
      body: { label: 'Anh Tùng' },
    });
    expect(res.status).toBe(401);
    expect(await labelOf(s, reviewer, team.deviceId)).toBe('Chị Lan');
  });
});
