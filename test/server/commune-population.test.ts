/** The commune's population (issue #15): entered by its officer's phone, corrected by a reviewer; audited. */
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../src/server/repositories/audit';
import { CITY_COMMUNE, CITY_PROVINCE, MOUNTAIN_COMMUNE, MOUNTAIN_COMMUNE_2, MOUNTAIN_PROVINCE } from './fixtures';
import { enrollTeam } from './community-fixtures';
import { DB_KINDS, serverPerTest } from './harness';

describe.each(DB_KINDS)('commune population (%s)', (kind) => {
  const server = serverPerTest(kind);
  const url = (commune: string) => `/api/v1/communes/${commune}/population`;

  it('is null until entered; the officer enters it, a reviewer corrects it; who and when are kept and audited', async () => {
    const s = server();
    const reviewer = await s.reviewer(MOUNTAIN_PROVINCE);
    const { token, deviceId } = await s.enroll(reviewer, MOUNTAIN_COMMUNE);
    expect((await s.request('GET', url(MOUNTAIN_COMMUNE), { token })).json).toEqual({
      communeCode: MOUNTAIN_COMMUNE,
      population: null,
      setAt: null,
      setBy: null,
    });
    const put = await s.request('PUT', url(MOUNTAIN_COMMUNE), { token, body: { population: 12480 } });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({ population: 12480, setBy: 'commune', setAt: s.clock.toISOString() });
    const fixed = await s.request('PUT', url(MOUNTAIN_COMMUNE), { token: reviewer, body: { population: 12840 } });
    expect(fixed.json).toMatchObject({ population: 12840, setBy: 'reviewer' });
    expect((await s.request('GET', url(MOUNTAIN_COMMUNE), { token })).json.population).toBe(12840);
    const rows = (await listAudit(s.db)).filter((r) => r.action === 'commune.population');
    expect(rows.map((r) => [r.actor_kind, r.actor_id, JSON.parse(r.detail ?? '{}')])).toEqual(
      expect.arrayContaining([
        ['device', deviceId, { before: null, after: 12480 }],
        ['user', expect.any(String), { before: 12480, after: 12840 }],
      ]),
    );
  });

  it('refuses another commune’s device, a reviewer of another province, no token, and bad numbers', async () => {
    const s = server();
    const reviewer = await s.reviewer(MOUNTAIN_PROVINCE);
    const { token } = await s.enroll(reviewer, MOUNTAIN_COMMUNE);
    expect((await s.request('PUT', url(MOUNTAIN_COMMUNE_2), { token, body: { population: 5 } })).status).toBe(403);
    const other = await s.reviewer(CITY_PROVINCE);
    expect((await s.request('PUT', url(MOUNTAIN_COMMUNE), { token: other, body: { population: 5 } })).status).toBe(403);
    expect((await s.request('GET', url(MOUNTAIN_COMMUNE), { token: other })).status).toBe(403);
    expect((await s.request('GET', url(CITY_COMMUNE))).status).toBe(401);
    for (const population of [0, -3, 1.5, '9000', 5_000_001, null])
      expect((await s.request('PUT', url(MOUNTAIN_COMMUNE), { token, body: { population } })).status).toBe(400);
    expect((await s.request('PUT', url(MOUNTAIN_COMMUNE), { token, body: { population: 9, extra: 1 } })).status).toBe(400);
    expect((await s.request('GET', url('99999'), { token })).status).toBe(404);
    const team = await enrollTeam(s, reviewer, MOUNTAIN_COMMUNE);
    const byTeam = await s.request('PUT', url(MOUNTAIN_COMMUNE), { token: team.token, body: { population: 7 } });
    expect([byTeam.status, byTeam.json.error.code]).toEqual([403, 'team_device']);
    expect((await s.request('GET', url(MOUNTAIN_COMMUNE), { token: team.token })).status).toBe(403);
    expect((await s.request('GET', url(MOUNTAIN_COMMUNE), { token })).json.population).toBeNull();
  });
});
