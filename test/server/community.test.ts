import { describe, expect, it } from 'vitest';
import { listAudit } from '../../src/server/repositories/audit';
import { CITY_COMMUNE, CITY_PROVINCE, MOUNTAIN_COMMUNE, MOUNTAIN_COMMUNE_2, MOUNTAIN_PROVINCE } from './fixtures';
import { enrollTeam, entry, response } from './community-fixtures';
import { DB_KINDS, serverPerTest } from './harness';

describe.each(DB_KINDS)('community teams: codes, enrollment, who may do what (%s)', (kind) => {
  const server = serverPerTest(kind, { publicUrl: 'https://xaso.example.vn' });

  it('a reviewer, the admin or the commune officer phone issues team codes; the code enrolls a team phone', async () => {
    const s = server();
    const reviewer = await s.reviewer(MOUNTAIN_PROVINCE);
    const officer = await s.enroll(reviewer, MOUNTAIN_COMMUNE);
    const byReviewer = await s.request('POST', `/api/v1/communes/${MOUNTAIN_COMMUNE}/team-codes`, { token: reviewer });
    expect(byReviewer.status).toBe(201);
    expect(byReviewer.json.code).toHaveLength(8);
    expect(byReviewer.json.link).toBe(`https://xaso.example.vn/#/enroll?code=${byReviewer.json.code}`);
    const admin = await s.adminToken();
    expect((await s.request('POST', `/api/v1/communes/${CITY_COMMUNE}/team-codes`, { token: admin })).status).toBe(201);
    const byOfficer = await s.request('POST', `/api/v1/communes/${MOUNTAIN_COMMUNE}/team-codes`, { token: officer.token });
    expect(byOfficer.status).toBe(201);
    // Not for another province, nor another commune, nor anonymously.
    expect((await s.request('POST', `/api/v1/communes/${CITY_COMMUNE}/team-codes`, { token: reviewer })).status).toBe(403);
    expect((await s.request('POST', `/api/v1/communes/${MOUNTAIN_COMMUNE_2}/team-codes`, { token: officer.token })).status).toBe(
      403,
    );
    expect((await s.request('POST', `/api/v1/communes/${MOUNTAIN_COMMUNE}/team-codes`)).status).toBe(401);

    const enrolled = await s.request('POST', '/api/v1/enrollments', { body: { code: byOfficer.json.code, label: 'Anh Tùng' } });
    expect(enrolled.status).toBe(201);
    expect(enrolled.json).toMatchObject({ role: 'team', communeCode: MOUNTAIN_COMMUNE });
    const me = await s.request('GET', '/api/v1/sessions/current', { token: enrolled.json.token });
    expect(me.json.device).toMatchObject({ role: 'team', communeCode: MOUNTAIN_COMMUNE });
    const devices = await s.request('GET', `/api/v1/communes/${MOUNTAIN_COMMUNE}/devices`, { token: reviewer });
    expect(devices.json.devices.map((d: { role: string }) => d.role).sort()).toEqual(['officer', 'team']);

    const actions = (await listAudit(s.db)).map((a) => a.action);
    expect(actions.filter((a) => a === 'team-code.create')).toHaveLength(3);
  });

  it('a team phone gets 403 team_device on the assessment, criteria, evidence and code routes', async () => {
    const s = server();
    const reviewer = await s.reviewer(MOUNTAIN_PROVINCE);
    const team = await enrollTeam(s, reviewer, MOUNTAIN_COMMUNE);
    const id = 'a1b2c3d4-0000-4000-8000-000000000001';
    const refused = [
      ['GET', `/api/v1/assessments/${id}`],
      ['PUT', `/api/v1/assessments/${id}`],
      ['GET', `/api/v1/assessments/${id}/revisions`],
      ['GET', `/api/v1/assessments/${id}/verification`],
      ['GET', '/api/v1/criteria-sets'],
      ['GET', `/api/v1/evidence/files/${'a'.repeat(64)}`],
      ['POST', '/api/v1/evidence/uploads'],
      ['POST', `/api/v1/communes/${MOUNTAIN_COMMUNE}/team-codes`],
      ['GET', `/api/v1/communes/${MOUNTAIN_COMMUNE}/community-tally`],
    ] as const;
    for (const [method, path] of refused) {
      const res = await s.request(method, path, { token: team.token, ...(method === 'PUT' ? { body: {} } : {}) });
      expect([method, path, res.status, res.json?.error?.code]).toEqual([method, path, 403, 'team_device']);
    }
    // An officer phone cannot send team items: they come from the team's own phones.
    const officer = await s.enroll(reviewer, MOUNTAIN_COMMUNE);
    const byOfficer = await s.request('POST', '/api/v1/team/entries', { token: officer.token, body: { entries: [entry()] } });
    expect(byOfficer.status).toBe(403);
  });

  it('a revoked team phone is refused with 401', async () => {
    const s = server();
    const reviewer = await s.reviewer(MOUNTAIN_PROVINCE);
    const team = await enrollTeam(s, reviewer, MOUNTAIN_COMMUNE);
    expect((await s.request('DELETE', `/api/v1/devices/${team.deviceId}`, { token: reviewer })).status).toBe(204);
    const res = await s.request('POST', '/api/v1/team/entries', { token: team.token, body: { entries: [entry()] } });
    expect(res.status).toBe(401);
    const revocations = (await listAudit(s.db)).filter((a) => a.action === 'device.revoke');
    expect(revocations.map((a) => a.target)).toEqual([team.deviceId]);
  });
});

describe.each(DB_KINDS)('community teams: entries and responses exactly once (%s)', (kind) => {
  const server = serverPerTest(kind);

  it('stores a batch, acknowledges a replay as duplicates and counts it once, even when replays race', async () => {
    const s = server();
    const reviewer = await s.reviewer(MOUNTAIN_PROVINCE);
    const team = await enrollTeam(s, reviewer, MOUNTAIN_COMMUNE);
    const entries = [entry({ residents: 4 }), entry({ residents: 2, kind: 'ky-nang-so' }), entry({ residents: 1 })];
    const first = await s.request('POST', '/api/v1/team/entries', { token: team.token, body: { entries } });
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ accepted: entries.map((e) => e.id), duplicates: [] });
    const replay = await s.request('POST', '/api/v1/team/entries', { token: team.token, body: { entries } });
    expect(replay.json).toEqual({ accepted: [], duplicates: entries.map((e) => e.id) });

    // Five phones' worth of the same new batch at once: exactly one insert of each.
    const more = [entry({ residents: 10 }), entry({ residents: 20 })];
    const raced = await Promise.all(
      Array.from({ length: 5 }, () => s.request('POST', '/api/v1/team/entries', { token: team.token, body: { entries: more } })),
    );
    expect(raced.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(raced.flatMap((r) => r.json.accepted as string[]).sort()).toEqual(more.map((e) => e.id).sort());
    expect(raced.flatMap((r) => r.json.duplicates as string[])).toHaveLength(8);

    const officer = await s.enroll(reviewer, MOUNTAIN_COMMUNE);
    const tally = await s.request('GET', `/api/v1/communes/${MOUNTAIN_COMMUNE}/community-tally?year=2026`, {
      token: officer.token,
    });
    expect(tally.json).toMatchObject({
      period: '2026',
      residentsHelped: 37,
      sessions: 5,
      residentsByKind: { 'kich-hoat-vneid-muc-2': 35, 'ky-nang-so': 2 },
    });
  });

  it('an id sent again with other content is a 409 for that item; nothing is overwritten', async () => {
    const s = server();
    const reviewer = await s.reviewer(MOUNTAIN_PROVINCE);
    const team = await enrollTeam(s, reviewer, MOUNTAIN_COMMUNE);
    const original = entry({ residents: 3 });
    await s.request('POST', '/api/v1/team/entries', { token: team.token, body: { entries: [original] } });
    const fresh = entry();
    const changed = await s.request('POST', '/api/v1/team/entries', {
      token: team.token,
      body: { entries: [{ ...original, residents: 300 }, fresh] },
    });
    expect(changed.status).toBe(409);
    expect(changed.json.accepted).toEqual([fresh.id]);
    expect(changed.json.error.items).toEqual([expect.objectContaining({ index: 0, id: original.id, code: 'id_conflict' })]);
    const stored = await s.db.selectFrom('team_entries').select('residents').where('id', '=', original.id).executeTakeFirst();
    expect(stored?.residents).toBe(3);
    // The same id from another commune's team is a conflict too, and does not reveal or change the row.
    const cityReviewer = await s.reviewer(CITY_PROVINCE);
    const cityTeam = await enrollTeam(s, cityReviewer, CITY_COMMUNE);
    const stolen = await s.request('POST', '/api/v1/team/entries', { token: cityTeam.token, body: { entries: [original] } });
    expect(stolen.status).toBe(409);
    expect(stolen.json.duplicates).toEqual([]);
  });

  it('refuses bad items one by one with their reason (422) and stores the good ones; no resident data is accepted', async () => {
    const s = server();
    const reviewer = await s.reviewer(MOUNTAIN_PROVINCE);
    const team = await enrollTeam(s, reviewer, MOUNTAIN_COMMUNE);
    const good = entry();
    const res = await s.request('POST', '/api/v1/team/entries', {
      token: team.token,
      body: {
        entries: [
          { ...entry(), residentName: 'Nguyễn Văn A' },
          good,
          { ...entry(), phone: '0912345678' },
          entry({ kind: 'khong-co' }),
          entry({ residents: 0 }),
          { ...entry(), cccd: '001099012345' },
        ],
      },
    });
    expect(res.status).toBe(422);
    expect(res.json.accepted).toEqual([good.id]);
    expect(res.json.error.code).toBe('invalid_items');
    expect(res.json.error.items.map((p: { index: number }) => p.index)).toEqual([0, 2, 3, 4, 5]);
    expect(res.json.error.items[0].problem).toMatch(/residentName/);
    const surveys = await s.request('POST', '/api/v1/team/survey-responses', {
      token: team.token,
      body: {
        responses: [
          response(5, { answers: { 'hai-long-chung': 5, 'ho-ten': 3 } }),
          response(5, { answers: { 'hai-long-chung': true } }),
          response(6),
          response(4, { surveyVersion: '1999.1' }),
          { ...response(4), comment: 'tên tôi là …' },
        ],
      },
    });
    expect(surveys.status).toBe(422);
    expect(surveys.json.accepted).toEqual([]);
    expect(surveys.json.error.items).toHaveLength(5);
    expect(await s.db.selectFrom('survey_responses').select('id').execute()).toEqual([]);
  });

  it('keeps a hostile note exactly as text', async () => {
    const s = server();
    const reviewer = await s.reviewer(MOUNTAIN_PROVINCE);
    const team = await enrollTeam(s, reviewer, MOUNTAIN_COMMUNE);
    const note = `<img src=x onerror="alert(1)">'); DROP TABLE team_entries;-- =HYPERLINK("x")`;
    const e = entry({ note });
    expect((await s.request('POST', '/api/v1/team/entries', { token: team.token, body: { entries: [e] } })).status).toBe(200);
    const stored = await s.db.selectFrom('team_entries').select('note').where('id', '=', e.id).executeTakeFirst();
    expect(stored?.note).toBe(note);
  });
});

describe.each(DB_KINDS)('community teams: the tally (%s)', (kind) => {
  const server = serverPerTest(kind);

  it('gives the commune exact figures; reviewers see satisfaction under 5 responses as too few', async () => {
    const s = server();
    const reviewer = await s.reviewer(MOUNTAIN_PROVINCE);
    const team = await enrollTeam(s, reviewer, MOUNTAIN_COMMUNE);
    const officer = await s.enroll(reviewer, MOUNTAIN_COMMUNE);
    const url = `/api/v1/communes/${MOUNTAIN_COMMUNE}/community-tally?year=2026`;
    const four = [response(5), response(4), response(2), response(4)];
    await s.request('POST', '/api/v1/team/survey-responses', { token: team.token, body: { responses: four } });
    // A response of 31 December 2025 at 23:30 in Vietnam is 2025's, though after midnight UTC is not yet reached.
    const lastYear = response(5, { answeredAt: '2025-12-31T16:30:00.000Z' });
    await s.request('POST', '/api/v1/team/survey-responses', { token: team.token, body: { responses: [lastYear] } });

    const exact = await s.request('GET', url, { token: officer.token });
    expect(exact.status).toBe(200);
    expect(exact.json.responses).toBe(4);
    expect(exact.json.satisfaction).toEqual({ mean: 15 / 4, shareSatisfied: 3 / 4, n: 4 });
    const outside = await s.request('GET', url, { token: reviewer });
    expect(outside.json.responses).toBe(4);
    expect(outside.json.satisfaction).toEqual({ tooFew: true });
    expect((await s.request('GET', url, { token: await s.adminToken() })).json.satisfaction).toEqual({ tooFew: true });

    await s.request('POST', '/api/v1/team/survey-responses', { token: team.token, body: { responses: [response(1)] } });
    const five = await s.request('GET', url, { token: reviewer });
    expect(five.json.satisfaction).toEqual({ mean: 16 / 5, shareSatisfied: 3 / 5, n: 5 });
    const previous = await s.request('GET', url.replace('2026', '2025'), { token: officer.token });
    expect(previous.json).toMatchObject({ period: '2025', responses: 1, satisfaction: { n: 1, mean: 5 } });

    // Another province's reviewer and another commune's phone see nothing.
    const cityReviewer = await s.reviewer(CITY_PROVINCE);
    expect((await s.request('GET', url, { token: cityReviewer })).status).toBe(403);
    const otherOfficer = await s.enroll(reviewer, MOUNTAIN_COMMUNE_2);
    expect((await s.request('GET', url, { token: otherOfficer.token })).status).toBe(403);
    expect((await s.request('GET', `${url.split('?')[0]}?year=26`, { token: reviewer })).status).toBe(400);
  });
});

describe.each(DB_KINDS)('community teams: the province dashboard and its CSVs (%s)', (kind) => {
  const server = serverPerTest(kind);

  it('carry residents helped, sessions, responses and satisfaction, withheld under 5 responses, under Vietnamese headers', async () => {
    const s = server();
    const reviewer = await s.reviewer(MOUNTAIN_PROVINCE);
    const teamA = await enrollTeam(s, reviewer, MOUNTAIN_COMMUNE);
    const teamB = await enrollTeam(s, reviewer, MOUNTAIN_COMMUNE_2);
    const entriesA = [entry({ residents: 12 }), entry({ residents: 5, kind: 'dich-vu-cong-truc-tuyen' })];
    await s.request('POST', '/api/v1/team/entries', { token: teamA.token, body: { entries: entriesA } });
    const six = [5, 5, 4, 3, 4, 2].map((o) => response(o));
    await s.request('POST', '/api/v1/team/survey-responses', { token: teamA.token, body: { responses: six } });
    await s.request('POST', '/api/v1/team/entries', { token: teamB.token, body: { entries: [entry({ residents: 2 })] } });
    await s.request('POST', '/api/v1/team/survey-responses', { token: teamB.token, body: { responses: [response(5)] } });

    const list = await s.request('GET', `/api/v1/provinces/${MOUNTAIN_PROVINCE}/communes`, { token: reviewer });
    const rowOf = (code: string) => list.json.communes.find((c: { code: string }) => c.code === code);
    expect(rowOf(MOUNTAIN_COMMUNE).community).toEqual({
      period: '2026',
      residentsHelped: 17,
      residentsByKind: { 'kich-hoat-vneid-muc-2': 12, 'dich-vu-cong-truc-tuyen': 5 },
      sessions: 2,
      responses: 6,
      satisfaction: { mean: 23 / 6, shareSatisfied: 4 / 6, n: 6 },
    });
    expect(rowOf(MOUNTAIN_COMMUNE_2).community).toMatchObject({
      residentsHelped: 2,
      responses: 1,
      satisfaction: { tooFew: true },
    });
    expect(list.json.communes.filter((c: { community: unknown }) => c.community !== null)).toHaveLength(2);

    const csvLines = (text: string) =>
      text
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
    const headers = [
      'Số lượt người dân được Tổ công nghệ số cộng đồng hỗ trợ (năm 2026)',
      'Số lần hỗ trợ ghi nhận (năm 2026)',
      'Số phiếu khảo sát hài lòng (năm 2026)',
      'Mức hài lòng trung bình (thang 1–5)',
      'Tỷ lệ hài lòng (%)',
      'Số phiếu tính mức hài lòng',
    ].join(',');
    for (const path of ['communes.csv', 'communes.wide.csv']) {
      const res = await s.request('GET', `/api/v1/provinces/${MOUNTAIN_PROVINCE}/${path}`, { token: reviewer });
      const [header, ...rows] = csvLines(res.text);
      expect((header ?? '').endsWith(`,${headers}`), path).toBe(true);
      const line = (code: string) => rows.find((r) => r.startsWith(`${code},`)) ?? '';
      expect(line(MOUNTAIN_COMMUNE).endsWith(',17,2,6,3.83,66.7,6'), path).toBe(true);
      expect(line(MOUNTAIN_COMMUNE_2).endsWith(',2,1,1,quá ít để báo cáo,quá ít để báo cáo,quá ít để báo cáo'), path).toBe(true);
      const silent = rows.find((r) => !r.startsWith(MOUNTAIN_COMMUNE) && !r.startsWith(MOUNTAIN_COMMUNE_2)) ?? '';
      expect(silent.endsWith(',,,,,,'), path).toBe(true);
    }
    const machine = await s.request('GET', `/api/v1/provinces/${MOUNTAIN_PROVINCE}/communes.wide.csv?headers=machine`, {
      token: reviewer,
    });
    expect(csvLines(machine.text)[0]).toMatch(
      /,community_residents_helped,community_sessions,community_responses,community_satisfaction_mean,community_satisfied_percent,community_satisfaction_n$/,
    );
  });
});
