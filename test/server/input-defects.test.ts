/** Issue #9 defect 7: the low-severity input defects, each reproduced against the API. */
import { describe, expect, it } from 'vitest';
import type { AreaType } from '../../src/domain/types';
import { listAudit } from '../../src/server/repositories/audit';
import { firstComponent, MOUNTAIN_COMMUNE, MOUNTAIN_PROVINCE, submission } from './fixtures';
import { DB_KINDS, serverPerTest, START, type TestServer } from './harness';

const ID = 'defect-seven-assessment-1';
const HOUR = 3600_000;

async function submitted(s: TestServer, options: Parameters<typeof submission>[1] = {}) {
  const reviewer = await s.reviewer(MOUNTAIN_PROVINCE);
  const device = (await s.enroll(reviewer, MOUNTAIN_COMMUNE)).token;
  const res = await s.request('PUT', `/api/v1/assessments/${ID}`, { token: device, body: submission(MOUNTAIN_COMMUNE, options) });
  return { reviewer, device, res };
}

function review(s: TestServer, token: string, body: Record<string, unknown>) {
  return s.request('POST', `/api/v1/assessments/${ID}/reviews`, { token, body: { revision: 1, ...body } });
}

describe.each(DB_KINDS)('issue #9 defect 7 (%s)', (kind) => {
  const server = serverPerTest(kind);

  it('[A11] six parallel POST /users with one username: one 201, five 409, never a 500', async () => {
    const s = server();
    const admin = await s.adminToken();
    const body = { username: 'rev.race', password: 'reviewer-pass-1', provinceCode: MOUNTAIN_PROVINCE };
    const results = await Promise.all(
      Array.from({ length: 6 }, () => s.request('POST', '/api/v1/users', { token: admin, body })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    expect(results.find((r) => r.status === 409)?.json.error.code).toBe('username_taken');
  });

  it('[A11] a period of invisible characters is refused as missing; an invisible note is stored empty', async () => {
    const s = server();
    const { res } = await submitted(s, { period: '\u200b\u200b' });
    expect(res.status).toBe(422);
    expect(res.json.error.problems).toContainEqual({ problem: 'period-required' });
    expect(await s.db.selectFrom('assessment_revisions').selectAll().execute()).toEqual([]);
  });

  it('[A11] submittedAt more than 24 h ahead of the server is refused; a phone 23 h ahead (wrong time zone) is not', async () => {
    const s = server();
    const { res, device } = await submitted(s, { submittedAt: '2099-01-01T00:00:00.000Z' });
    expect(res.status).toBe(422);
    expect(res.json.error.problems).toContainEqual({ problem: 'submitted-in-future' });
    const skewed = new Date(START.getTime() + 23 * HOUR).toISOString();
    const ok = await s.request('PUT', `/api/v1/assessments/${ID}`, {
      token: device,
      body: submission(MOUNTAIN_COMMUNE, { submittedAt: skewed }),
    });
    expect(ok.status).toBe(200);
  });

  it('[A11] a double-clicked review stores one row and both clicks get the same verdict', async () => {
    const s = server();
    const { reviewer } = await submitted(s);
    const body = { verdict: 'returned', comment: 'Bổ sung minh chứng' };
    const [a, b] = await Promise.all([review(s, reviewer, body), review(s, reviewer, body)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.json.review).toEqual(b.json.review);
    expect(await s.db.selectFrom('reviews').selectAll().execute()).toHaveLength(1);
  });

  it('[A11] changing a verdict on the same revision needs a reason, which is stored, shown and audited', async () => {
    const s = server();
    const { reviewer, device } = await submitted(s);
    expect((await review(s, reviewer, { verdict: 'accepted' })).status).toBe(201);
    s.advance(HOUR);
    const bare = await review(s, reviewer, { verdict: 'returned', comment: 'Thiếu minh chứng' });
    expect(bare.status).toBe(422);
    expect(bare.json.error).toMatchObject({ code: 'reason_required', previousVerdict: 'accepted' });
    const blank = await review(s, reviewer, { verdict: 'returned', comment: 'Thiếu minh chứng', reason: '\u200b ' });
    expect(blank.status).toBe(422);
    const changed = await review(s, reviewer, {
      verdict: 'returned',
      comment: 'Thiếu minh chứng',
      reason: 'Xã gửi nhầm tệp minh chứng',
    });
    expect(changed.status).toBe(201);
    expect(changed.json.review.changeReason).toBe('Xã gửi nhầm tệp minh chứng');
    const seen = await s.request('GET', `/api/v1/assessments/${ID}`, { token: device });
    expect(seen.json.review).toMatchObject({ verdict: 'returned', changeReason: 'Xã gửi nhầm tệp minh chứng' });
    const audited = (await listAudit(s.db))
      .filter((r) => r.action === 'assessment.review')
      .map((r) => JSON.parse(r.detail ?? '{}') as Record<string, unknown>);
    expect(audited).toHaveLength(2);
    expect(audited.find((d) => d.verdict === 'returned')).toMatchObject({
      verdict: 'returned',
      previousVerdict: 'accepted',
      reason: 'Xã gửi nhầm tệp minh chứng',
    });
  });

  it('[A11] comments are refused on components not scored for the commune (other area type, central tier)', async () => {
    const s = server();
    const { reviewer } = await submitted(s);
    const ours: AreaType = 'mountain-border-island';
    const otherArea = firstComponent((c) => c.tier === 'area-specific' && c.areaType !== ours).code;
    const central = firstComponent((c) => c.tier === 'central').code;
    const res = await review(s, reviewer, {
      verdict: 'returned',
      comment: 'x',
      componentComments: { [otherArea]: 'Không áp dụng', [central]: 'Cấp trung ương' },
    });
    expect(res.status).toBe(422);
    expect(res.json.error.problems).toEqual(
      expect.arrayContaining([
        { code: otherArea, problem: 'not-scored' },
        { code: central, problem: 'not-scored' },
      ]),
    );
    expect(await s.db.selectFrom('reviews').selectAll().execute()).toEqual([]);
  });
});
