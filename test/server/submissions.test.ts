import { describe, expect, it } from 'vitest';
import { scoreAssessment } from '../../src/domain/scoring';
import type { Submission } from '../../src/domain/submission';
import { countRevisions, findRevision } from '../../src/server/repositories/assessments';
import { listAudit } from '../../src/server/repositories/audit';
import { catalogue, CITY_COMMUNE, essential, firstComponent, MOUNTAIN_COMMUNE, MOUNTAIN_COMMUNE_2, submission } from './fixtures';
import { DB_KINDS, realReference, serverPerTest, type TestServer } from './harness';

const ID = 'a1b2c3d4-0000-4000-8000-000000000001';

async function phone(s: TestServer, communeCode = MOUNTAIN_COMMUNE): Promise<string> {
  const province = realReference().communes.get(communeCode)!.province.code;
  return (await s.enroll(await s.reviewer(province, `rev-${communeCode}`), communeCode)).token;
}

function put(s: TestServer, token: string, body: unknown, id = ID) {
  return s.request('PUT', `/api/v1/assessments/${id}`, { token, body });
}

async function nothingStored(s: TestServer): Promise<void> {
  expect(await countRevisions(s.db)).toBe(0);
  expect(await s.db.selectFrom('assessments').selectAll().execute()).toEqual([]);
}

describe.each(DB_KINDS)('submissions (%s)', (kind) => {
  const server = serverPerTest(kind);

  it('stores a valid mountain-commune submission and answers with the server-computed score', async () => {
    const s = server();
    const token = await phone(s);
    const body = { ...submission(MOUNTAIN_COMMUNE), score: { index: 99.9, level: 5 } };
    const res = await put(s, token, body);
    expect(res.status).toBe(200);
    const reference = realReference();
    const expected = scoreAssessment({
      catalogue: catalogue(),
      methodology: reference.methodologies.get(reference.current.methodologyId)!,
      areaTypes: ['mountain-border-island'],
      answers: Object.fromEntries(body.answers.map((a) => [a.code, a])),
    });
    expect(res.json).toMatchObject({
      assessmentId: ID,
      revision: 1,
      latestRevision: 1,
      reviewState: 'submitted',
      review: null,
      receivedAt: s.clock.toISOString(),
    });
    expect(res.json.score).toEqual(expected);
    expect(res.json.score.index).toBe(100);
    expect(res.json.score.level).toBe(5);
    const stored = await findRevision(s.db, ID, 1);
    expect(JSON.parse(stored!.payload)).not.toHaveProperty('score');
  });

  it('scores for itself: a phone claiming a high score with zeros gets zero', async () => {
    const s = server();
    const res = await put(s, await phone(s), { ...submission(MOUNTAIN_COMMUNE, { status: () => 0 }), score: { index: 100 } });
    expect(res.status).toBe(200);
    expect(res.json.score.index).toBe(0);
    expect(res.json.score.level).toBe(1);
  });

  it('answers a replayed revision identically and stores nothing new', async () => {
    const s = server();
    const token = await phone(s);
    const body = submission(MOUNTAIN_COMMUNE);
    const first = await put(s, token, body);
    s.advance(60_000);
    // Same content, answers in another order: still the same revision.
    const replay = await put(s, token, { ...body, answers: [...body.answers].reverse() });
    expect(replay.status).toBe(200);
    expect(replay.json).toEqual(first.json);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await countRevisions(s.db)).toBe(1);
    expect((await listAudit(s.db)).filter((r) => r.action === 'assessment.submit')).toHaveLength(1);
  });

  it('answers a replay of a superseded revision with its own stored result and the latest revision number', async () => {
    const s = server();
    const token = await phone(s);
    const first = submission(MOUNTAIN_COMMUNE);
    const stored = await put(s, token, first);
    s.advance(60_000);
    expect((await put(s, token, submission(MOUNTAIN_COMMUNE, { revision: 2, baseRevision: 1, status: () => 2 }))).status).toBe(
      200,
    );
    const replay = await put(s, token, first);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.json).toEqual({ ...stored.json, latestRevision: 2 });
    expect(await countRevisions(s.db)).toBe(2);
  });

  it('answers a replay with the newest verdict on that revision', async () => {
    const s = server();
    const reviewer = await s.reviewer(realReference().communes.get(MOUNTAIN_COMMUNE)!.province.code, 'rev-verdicts');
    const token = (await s.enroll(reviewer, MOUNTAIN_COMMUNE)).token;
    const body = submission(MOUNTAIN_COMMUNE);
    expect((await put(s, token, body)).status).toBe(200);
    for (const [verdict, comment] of [
      ['returned', 'Cần bổ sung minh chứng'],
      ['accepted', 'Đã đủ'],
    ] as const) {
      s.advance(60_000);
      // Changing the verdict on the same revision needs a reason (issue #9 defect 7).
      const reason = verdict === 'accepted' ? { reason: 'Xã đã gửi bổ sung qua công văn' } : {};
      const res = await s.request('POST', `/api/v1/assessments/${ID}/reviews`, {
        token: reviewer,
        body: { verdict, comment, ...reason },
      });
      expect(res.status).toBe(201);
    }
    const replay = await put(s, token, body);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.json).toMatchObject({
      revision: 1,
      latestRevision: 1,
      reviewState: 'accepted',
      review: { verdict: 'accepted', revision: 1, comment: 'Đã đủ' },
    });
    const viewed = await s.request('GET', `/api/v1/assessments/${ID}`, { token });
    expect(replay.json.review).toEqual(viewed.json.review);
  });

  it('refuses the same revision with different content (409) and keeps the stored one', async () => {
    const s = server();
    const token = await phone(s);
    const original = submission(MOUNTAIN_COMMUNE);
    await put(s, token, original);
    const changed = submission(MOUNTAIN_COMMUNE, { status: () => 2 });
    const res = await put(s, token, changed);
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({ code: 'revision_conflict', currentRevision: 1 });
    expect(await countRevisions(s.db)).toBe(1);
    expect(JSON.parse((await findRevision(s.db, ID, 1))!.payload)).toEqual(original);
  });

  it('refuses a stale base revision (409) with the current revision', async () => {
    const s = server();
    const token = await phone(s);
    await put(s, token, submission(MOUNTAIN_COMMUNE));
    const second = await put(s, token, submission(MOUNTAIN_COMMUNE, { revision: 2, baseRevision: 1, status: () => 2 }));
    expect(second.status).toBe(200);
    // Another phone still editing from revision 1 sends its own revision 2: conflict.
    const fromOld = await put(s, token, submission(MOUNTAIN_COMMUNE, { revision: 2, baseRevision: 1, status: () => 1 }));
    expect(fromOld.status).toBe(409);
    expect(fromOld.json.error.currentRevision).toBe(2);
    // A phone that believes the server is further ahead than it is.
    const ahead = await put(s, token, submission(MOUNTAIN_COMMUNE, { revision: 4, baseRevision: 3 }));
    expect(ahead.status).toBe(409);
    expect(ahead.json.error).toMatchObject({ code: 'stale_base_revision', currentRevision: 2 });
    // A first submission for an id that already exists.
    const fresh = await put(s, token, submission(MOUNTAIN_COMMUNE, { status: () => 1 }));
    expect(fresh.status).toBe(409);
    expect(await countRevisions(s.db)).toBe(2);
  });

  it('keeps each device to its own commune', async () => {
    const s = server();
    const deviceA = await phone(s, MOUNTAIN_COMMUNE);
    const deviceB = await phone(s, MOUNTAIN_COMMUNE_2);
    expect((await put(s, deviceA, submission(MOUNTAIN_COMMUNE))).status).toBe(200);
    // B writing as A's commune, or into A's assessment, or reading it: refused.
    expect((await put(s, deviceB, submission(MOUNTAIN_COMMUNE), 'other-assessment-1')).status).toBe(403);
    expect((await put(s, deviceB, submission(MOUNTAIN_COMMUNE_2, { revision: 2, baseRevision: 1 }))).status).toBe(403);
    expect((await put(s, deviceB, submission(MOUNTAIN_COMMUNE_2))).status).toBe(403);
    expect((await s.request('GET', `/api/v1/assessments/${ID}`, { token: deviceB })).status).toBe(403);
    expect((await s.request('GET', `/api/v1/assessments/${ID}/revisions`, { token: deviceB })).status).toBe(403);
    expect((await s.request('GET', `/api/v1/assessments/${ID}`, { token: deviceA })).status).toBe(200);
    expect((await s.request('GET', '/api/v1/assessments/unknown-assessment', { token: deviceA })).status).toBe(404);
    expect(await countRevisions(s.db)).toBe(1);
  });

  it('accepts submissions only from devices', async () => {
    const s = server();
    const admin = await s.adminToken();
    expect((await put(s, admin, submission(MOUNTAIN_COMMUNE))).status).toBe(403);
    expect((await s.request('PUT', `/api/v1/assessments/${ID}`, { body: submission(MOUNTAIN_COMMUNE) })).status).toBe(401);
    await nothingStored(s);
  });

  const urbanOnly = () => firstComponent((c) => c.tier === 'area-specific' && c.areaType === 'urban');
  const essentialCode = () => firstComponent((c) => c.tier === 'commune-essential' && !c.open).code;
  const withAnswer = (base: Submission, code: string, patch: Record<string, unknown>): unknown => ({
    ...base,
    answers: base.answers.map((a) => (a.code === code ? { ...a, ...patch } : a)),
  });

  it.each([
    [
      'an unknown code',
      () => {
        const b = submission(MOUNTAIN_COMMUNE);
        return { ...b, answers: [...b.answers, { code: 'HTS999', status: 3, updatedAt: '2026-03-01T07:00:00.000Z' }] };
      },
      422,
      'HTS999',
      'unknown-code',
    ],
    [
      'a code not applicable to the area types',
      () => {
        const b = submission(MOUNTAIN_COMMUNE);
        return { ...b, answers: [...b.answers, { code: urbanOnly().code, status: 3, updatedAt: '2026-03-01T07:00:00.000Z' }] };
      },
      422,
      'URBAN',
      'not-applicable',
    ],
    ['status 7', () => withAnswer(submission(MOUNTAIN_COMMUNE), essentialCode(), { status: 7 }), 400, 'ESSENTIAL', null],
    [
      'N/A on an essential component',
      () => withAnswer(submission(MOUNTAIN_COMMUNE), essentialCode(), { status: 'na', naReason: 'không có' }),
      422,
      'ESSENTIAL',
      'na-not-allowed',
    ],
    [
      'a note of 3000 characters',
      () => withAnswer(submission(MOUNTAIN_COMMUNE), essentialCode(), { note: 'ghi chú '.repeat(375) }),
      422,
      'ESSENTIAL',
      'note-too-long',
    ],
    [
      'a missing required answer',
      () => {
        const b = submission(MOUNTAIN_COMMUNE);
        return { ...b, answers: b.answers.filter((a) => a.code !== essentialCode()) };
      },
      422,
      'ESSENTIAL',
      'required-unanswered',
    ],
    [
      'an unknown catalogue version',
      () => ({ ...submission(MOUNTAIN_COMMUNE), catalogueVersion: '1999.1' }),
      422,
      null,
      'unknown-catalogue-version',
    ],
    [
      'a revision that does not follow its base',
      () => submission(MOUNTAIN_COMMUNE, { revision: 3, baseRevision: 1 }),
      422,
      null,
      'revision-not-after-base',
    ],
    ['no area type', () => ({ ...submission(MOUNTAIN_COMMUNE), areaTypes: [] }), 400, null, null],
  ] as const)('refuses %s with a JSON 4xx and stores nothing', async (_name, build, status, code, problem) => {
    const s = server();
    const token = await phone(s);
    const res = await put(s, token, build());
    expect(res.status).toBe(status);
    expect(res.json.error.code).toBe(status === 422 ? 'invalid_submission' : 'invalid_body');
    const expectedCode = code === 'URBAN' ? urbanOnly().code : code === 'ESSENTIAL' ? essentialCode() : code;
    const problems = res.json.error.problems as { code?: string; problem: string }[];
    if (problem) expect(problems).toContainEqual(expectedCode ? { code: expectedCode, problem } : { problem });
    else if (expectedCode) expect(problems.map((p) => p.code)).toContain(expectedCode);
    expect(essential(essentialCode())).toBe(true);
    await nothingStored(s);
  });

  it('refuses a 10 MB body with 413 and malformed JSON with 400, as JSON errors', async () => {
    const s = server();
    const token = await phone(s);
    const huge = await s.request('PUT', `/api/v1/assessments/${ID}`, {
      token,
      rawBody: `{"pad":"${'x'.repeat(10 * 1024 * 1024)}"}`,
    });
    expect(huge.status).toBe(413);
    expect(huge.json.error.code).toBe('payload_too_large');
    const malformed = await s.request('PUT', `/api/v1/assessments/${ID}`, { token, rawBody: '{"revision": 1,' });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.code).toBe('malformed_json');
    const notJson = await s.request('PUT', `/api/v1/assessments/${ID}`, {
      token,
      rawBody: 'revision=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(notJson.status).toBe(415);
    const badId = await put(s, token, submission(MOUNTAIN_COMMUNE), 'bad id!');
    expect(badId.status).toBe(400);
    await nothingStored(s);
  });

  it('settles racing duplicates of one revision into one row', async () => {
    const s = server();
    const token = await phone(s);
    const body = submission(MOUNTAIN_COMMUNE);
    const results = await Promise.all([put(s, token, body), put(s, token, body), put(s, token, body)]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(new Set(results.map((r) => JSON.stringify(r.json))).size).toBe(1);
    expect(await countRevisions(s.db)).toBe(1);
  });

  it('audits submissions with device, commune and IP, never the token', async () => {
    const s = server();
    const token = await phone(s);
    await put(s, token, submission(MOUNTAIN_COMMUNE));
    await put(s, token, submission(MOUNTAIN_COMMUNE, { status: () => 2 }));
    const rows = (await listAudit(s.db)).filter((r) => r.action === 'assessment.submit');
    expect(rows.map((r) => r.outcome).sort()).toEqual(['failure', 'success']);
    for (const r of rows)
      expect(r).toMatchObject({ actor_kind: 'device', actor_name: MOUNTAIN_COMMUNE, target: ID, ip: '192.0.2.10' });
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('lets a city device submit for an urban commune', async () => {
    const s = server();
    const token = await phone(s, CITY_COMMUNE);
    const res = await put(s, token, submission(CITY_COMMUNE, { areaTypes: ['urban'], status: () => 2 }));
    expect(res.status).toBe(200);
    expect(res.json.score.index).toBe(66.7);
    expect(res.json.score.level).toBe(3);
  });
});
