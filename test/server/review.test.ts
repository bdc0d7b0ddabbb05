import { describe, expect, it } from 'vitest';
import { listAudit } from '../../src/server/repositories/audit';
import { CITY_PROVINCE, firstComponent, MOUNTAIN_COMMUNE, MOUNTAIN_PROVINCE, submission } from './fixtures';
import { DB_KINDS, serverPerTest, type TestServer } from './harness';

const ID = 'review-assessment-0001';

async function setup(s: TestServer) {
  const reviewer = await s.reviewer(MOUNTAIN_PROVINCE);
  const device = await s.enroll(reviewer, MOUNTAIN_COMMUNE);
  const res = await s.request('PUT', `/api/v1/assessments/${ID}`, {
    token: device.token,
    body: submission(MOUNTAIN_COMMUNE, { status: () => 2 }),
  });
  expect(res.status).toBe(200);
  return { reviewer, device: device.token };
}

describe.each(DB_KINDS)('review round trip (%s)', (kind) => {
  const server = serverPerTest(kind);

  it('returns an assessment with comments; the device pulls the verdict; a resubmission shows the diff', async () => {
    const s = server();
    const { reviewer, device } = await setup(s);
    const anm = firstComponent((c) => c.group === 'ANM' && c.tier === 'commune-essential' && !c.open).code;

    const opened = await s.request('GET', `/api/v1/assessments/${ID}`, { token: reviewer });
    expect(opened.status).toBe(200);
    expect(opened.json).toMatchObject({
      revision: 1,
      reviewState: 'submitted',
      communeCode: MOUNTAIN_COMMUNE,
      provinceCode: MOUNTAIN_PROVINCE,
    });
    expect(opened.json.submission.answers.length).toBeGreaterThan(0);
    expect(opened.json.score.groups.length).toBe(7);

    s.advance(3600_000);
    const returned = await s.request('POST', `/api/v1/assessments/${ID}/reviews`, {
      token: reviewer,
      body: {
        verdict: 'returned',
        comment: 'Cần bổ sung minh chứng',
        componentComments: { [anm]: 'Chưa có quy chế ATTT' },
        revision: 1,
      },
    });
    expect(returned.status).toBe(201);
    expect(returned.json).toMatchObject({
      reviewState: 'returned',
      review: { verdict: 'returned', revision: 1, comment: 'Cần bổ sung minh chứng' },
    });

    const pulled = await s.request('GET', `/api/v1/assessments/${ID}`, { token: device });
    expect(pulled.json.reviewState).toBe('returned');
    expect(pulled.json.review).toEqual({
      verdict: 'returned',
      revision: 1,
      comment: 'Cần bổ sung minh chứng',
      componentComments: { [anm]: 'Chưa có quy chế ATTT' },
      reviewedAt: s.clock.toISOString(),
    });
    expect(pulled.json.reviews).toEqual([expect.objectContaining({ reviewer: `rev${MOUNTAIN_PROVINCE}`, verdict: 'returned' })]);

    // The officer fixes the security answer and resubmits from the returned revision.
    const fixed = submission(MOUNTAIN_COMMUNE, {
      revision: 2,
      baseRevision: 1,
      status: (c) => (c.code === anm ? 3 : 2),
      period: '2026',
    });
    const resubmitted = await s.request('PUT', `/api/v1/assessments/${ID}`, { token: device, body: fixed });
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.json).toMatchObject({ revision: 2, latestRevision: 2, reviewState: 'submitted', review: null });

    const history = await s.request('GET', `/api/v1/assessments/${ID}/revisions`, { token: reviewer });
    expect(history.status).toBe(200);
    expect(history.json.revisions.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);
    const [first, second] = history.json.revisions;
    // Everything is new in revision 1.
    expect(first.changes.answers).toHaveLength(opened.json.submission.answers.length);
    expect(first.changes.answers.every((a: { from: unknown }) => a.from === null)).toBe(true);
    expect(first.changes.fields.map((f: { field: string }) => f.field)).toEqual([
      'areaTypes',
      'period',
      'catalogueVersion',
      'methodologyId',
    ]);
    expect(first.reviews).toHaveLength(1);
    // Issue #10: the history counts answers as the phone and the score do (src/domain/progress.ts).
    const { answered, counted } = opened.json.score.completeness;
    expect(first.progress).toEqual({ answered, counted });
    expect(second.changes).toEqual({ fields: [], answers: [{ code: anm, from: { status: 2 }, to: { status: 3 } }] });
    expect(second.baseRevision).toBe(1);

    // Accepting the new revision; the device sees it.
    await s.request('POST', `/api/v1/assessments/${ID}/reviews`, { token: reviewer, body: { verdict: 'accepted', revision: 2 } });
    const accepted = await s.request('GET', `/api/v1/assessments/${ID}`, { token: device });
    expect(accepted.json).toMatchObject({
      revision: 2,
      reviewState: 'accepted',
      review: { verdict: 'accepted', revision: 2, comment: '' },
    });
    expect(accepted.json.reviews).toHaveLength(2);
  });

  it('keeps a reviewer to their province and devices out of reviewing', async () => {
    const s = server();
    const { device } = await setup(s);
    const city = await s.reviewer(CITY_PROVINCE);
    const review = { verdict: 'accepted' };
    expect((await s.request('GET', `/api/v1/assessments/${ID}`, { token: city })).status).toBe(403);
    expect((await s.request('GET', `/api/v1/assessments/${ID}/revisions`, { token: city })).status).toBe(403);
    expect((await s.request('POST', `/api/v1/assessments/${ID}/reviews`, { token: city, body: review })).status).toBe(403);
    expect((await s.request('POST', `/api/v1/assessments/${ID}/reviews`, { token: device, body: review })).status).toBe(403);
    for (const path of ['communes', 'summary', 'communes.csv', 'coverage.csv']) {
      expect((await s.request('GET', `/api/v1/provinces/${MOUNTAIN_PROVINCE}/${path}`, { token: city })).status).toBe(403);
      expect((await s.request('GET', `/api/v1/provinces/${MOUNTAIN_PROVINCE}/${path}`, { token: device })).status).toBe(403);
    }
    expect((await s.request('GET', '/api/v1/provinces', { token: city })).status).toBe(403);
    // The admin sees everything.
    const admin = await s.adminToken();
    expect((await s.request('GET', `/api/v1/assessments/${ID}`, { token: admin })).status).toBe(200);
    expect((await s.request('GET', '/api/v1/provinces', { token: admin })).status).toBe(200);
  });

  it('refuses a return without a comment, a stale revision and comments on unknown components', async () => {
    const s = server();
    const { reviewer } = await setup(s);
    const post = (body: unknown) => s.request('POST', `/api/v1/assessments/${ID}/reviews`, { token: reviewer, body });
    expect((await post({ verdict: 'returned', comment: '  ' })).status).toBe(422);
    expect((await post({ verdict: 'accepted', revision: 2 })).json.error).toMatchObject({
      code: 'stale_revision',
      currentRevision: 1,
    });
    expect((await post({ verdict: 'returned', comment: 'x', componentComments: { NOPE1: 'x' } })).status).toBe(422);
    expect((await post({ verdict: 'maybe' })).status).toBe(400);
    expect(
      (
        await s.request('POST', '/api/v1/assessments/unknown-assessment/reviews', {
          token: reviewer,
          body: { verdict: 'accepted' },
        })
      ).status,
    ).toBe(404);
    expect(await s.db.selectFrom('reviews').selectAll().execute()).toEqual([]);
  });

  it('audits reviews', async () => {
    const s = server();
    const { reviewer } = await setup(s);
    await s.request('POST', `/api/v1/assessments/${ID}/reviews`, { token: reviewer, body: { verdict: 'accepted' } });
    const rows = (await listAudit(s.db)).filter((r) => r.action === 'assessment.review');
    expect(rows).toEqual([
      expect.objectContaining({ actor_kind: 'user', actor_name: `rev${MOUNTAIN_PROVINCE}`, target: ID, outcome: 'success' }),
    ]);
    expect(JSON.parse(rows[0]!.detail!)).toEqual({ revision: 1, verdict: 'accepted' });
  });
});
