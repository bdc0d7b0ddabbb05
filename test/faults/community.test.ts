/**
 * Community teams (issue #15), T1–T4: a team phone's batches stored once whatever the replays, never
 * for another commune, hostile text kept as text, a revoked team phone refused. SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import { enrollTeam, entry, response } from '../server/community-fixtures';
import { DB_KINDS, serverPerTest, type TestServer } from '../server/harness';
import { COMMUNE_A, COMMUNE_B, PROVINCE_X } from './support/world';

async function tallyOf(s: TestServer, token: string, commune: string) {
  return (await s.request('GET', `/api/v1/communes/${commune}/community-tally?year=2026`, { token })).json;
}

describe.each(DB_KINDS)('community teams under faults (%s)', (kind) => {
  const server = serverPerTest(kind);

  it(`[T1] replays of a team phone's batches, sequential and racing, are acknowledged and counted once (${kind})`, async () => {
    const s = server();
    const reviewer = await s.reviewer(PROVINCE_X);
    const team = await enrollTeam(s, reviewer, COMMUNE_A);
    const entries = Array.from({ length: 30 }, (_, i) => entry({ residents: 1 + (i % 3) }));
    const responses = Array.from({ length: 20 }, (_, i) => response(1 + (i % 5)));
    const send = () =>
      Promise.all([
        s.request('POST', '/api/v1/team/entries', { token: team.token, body: { entries } }),
        s.request('POST', '/api/v1/team/survey-responses', { token: team.token, body: { responses } }),
      ]);
    const all = (await Promise.all(Array.from({ length: 6 }, send))).flat();
    for (let i = 0; i < 3; i++) all.push(...(await send()));
    expect(all.every((r) => r.status === 200)).toBe(true);
    expect(all.flatMap((r) => r.json.accepted as string[])).toHaveLength(50);
    expect(all.flatMap((r) => r.json.duplicates as string[])).toHaveLength(8 * 50);
    const officer = await s.enroll(reviewer, COMMUNE_A);
    const t = await tallyOf(s, officer.token, COMMUNE_A);
    expect([t.sessions, t.residentsHelped, t.responses, t.satisfaction.n]).toEqual([30, 60, 20, 20]);
  });

  it(`[T2] a team phone of commune A cannot write for commune B, nor over B's items (${kind})`, async () => {
    const s = server();
    const reviewer = await s.reviewer(PROVINCE_X);
    const teamA = await enrollTeam(s, reviewer, COMMUNE_A);
    const teamB = await enrollTeam(s, reviewer, COMMUNE_B);
    const ofB = [entry({ residents: 7 })];
    expect((await s.request('POST', '/api/v1/team/entries', { token: teamB.token, body: { entries: ofB } })).status).toBe(200);
    // A naming B's commune in an item is refused (no such field); A resending B's id is a conflict.
    const named = await s.request('POST', '/api/v1/team/entries', {
      token: teamA.token,
      body: { entries: [{ ...entry(), communeCode: COMMUNE_B }] },
    });
    expect(named.status).toBe(422);
    const over = await s.request('POST', '/api/v1/team/entries', {
      token: teamA.token,
      body: { entries: [{ ...ofB[0], residents: 500 }] },
    });
    expect(over.status).toBe(409);
    const mine = await s.request('POST', '/api/v1/team/entries', { token: teamA.token, body: { entries: [entry()] } });
    expect(mine.status).toBe(200);
    const officerB = await s.enroll(reviewer, COMMUNE_B);
    expect(await tallyOf(s, officerB.token, COMMUNE_B)).toMatchObject({ sessions: 1, residentsHelped: 7 });
    const officerA = await s.enroll(reviewer, COMMUNE_A);
    expect(await tallyOf(s, officerA.token, COMMUNE_A)).toMatchObject({ sessions: 1, residentsHelped: 3 });
  });

  it(`[T3] hostile notes are stored as text, byte for byte; hostile answers are refused whole (${kind})`, async () => {
    const s = server();
    const reviewer = await s.reviewer(PROVINCE_X);
    const team = await enrollTeam(s, reviewer, COMMUNE_A);
    const notes = [
      '<script>alert(1)</script>',
      `'); DROP TABLE team_entries; --`,
      '=HYPERLINK("http://x","bấm")',
      '{{constructor.constructor("alert(1)")()}}',
    ];
    const entries = notes.map((note) => entry({ note }));
    expect((await s.request('POST', '/api/v1/team/entries', { token: team.token, body: { entries } })).status).toBe(200);
    const stored = await s.db.selectFrom('team_entries').select(['id', 'note']).execute();
    expect(new Map(stored.map((r) => [r.id, r.note]))).toEqual(new Map(entries.map((e) => [e.id, e.note])));
    const hostile = await s.request('POST', '/api/v1/team/survey-responses', {
      token: team.token,
      body: {
        responses: [
          response(5, { answers: { 'hai-long-chung': 5, '<img src=x onerror=alert(1)>': 1 } }),
          response(5, { answers: { 'hai-long-chung': '<b>5</b>' as unknown as number } }),
          { ...response(5), __proto__: { admin: true }, constructor: 'x' },
        ],
      },
    });
    expect(hostile.status).toBe(422);
    expect(hostile.json.error.items).toHaveLength(3);
    expect(await s.db.selectFrom('survey_responses').select('id').execute()).toEqual([]);
    // The CSVs carry counts only: no note reaches a reviewer's spreadsheet.
    const csv = await s.request('GET', `/api/v1/provinces/${PROVINCE_X}/communes.wide.csv`, { token: reviewer });
    expect(csv.text).not.toContain('script');
  });

  it(`[T4] a revoked team phone is refused (401) and its queued items are not counted (${kind})`, async () => {
    const s = server();
    const reviewer = await s.reviewer(PROVINCE_X);
    const team = await enrollTeam(s, reviewer, COMMUNE_A);
    expect((await s.request('DELETE', `/api/v1/devices/${team.deviceId}`, { token: reviewer })).status).toBe(204);
    const entries = [entry()];
    const res = await s.request('POST', '/api/v1/team/entries', { token: team.token, body: { entries } });
    expect(res.status).toBe(401);
    const late = await s.request('POST', '/api/v1/team/survey-responses', {
      token: team.token,
      body: { responses: [response(5)] },
    });
    expect(late.status).toBe(401);
    const officer = await s.enroll(reviewer, COMMUNE_A);
    expect(await tallyOf(s, officer.token, COMMUNE_A)).toMatchObject({ sessions: 0, responses: 0 });
  });
});
