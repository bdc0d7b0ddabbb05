/**
 * Submissions under a province's published set (issue #12): scored by the server with exactly
 * that version (equal to the domain's score, as the phone computes it), refused when the set is
 * unknown, a draft or another province's; a published set costs no query once read; the preview
 * scores a commune's latest submission under a draft; the dashboard, commune list and CSV name
 * the set and version each commune used, when a corrected version is published mid-campaign.
 */
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scoreCriteria, type CriteriaSet } from '../../src/domain/criteria';
import type { Submission } from '../../src/domain/submission';
import { PROVINCE_SET_ID, provinceSet, provinceSubmission, publishSet } from './criteria-set-fixtures';
import { templateSubmission } from './criteria-fixtures';
import { catalogue, CITY_COMMUNE, MOUNTAIN_COMMUNE, MOUNTAIN_COMMUNE_2 } from './fixtures';
import { DB_KINDS, realReference, serverPerTest, type TestServer } from './harness';

const ID = 'a1b2c3d4-0000-4000-8000-0000000000d1';
const ID_2 = 'a1b2c3d4-0000-4000-8000-0000000000d2';

function domainScore(set: CriteriaSet, body: Submission) {
  return scoreCriteria({
    set,
    catalogue: catalogue(),
    areaTypes: body.areaTypes,
    answers: Object.fromEntries(body.answers.map((a) => [a.code, a])),
  });
}

async function cast(s: TestServer) {
  const reviewer = await s.reviewer('04', 'rev-cb');
  return {
    reviewer,
    hanoi: await s.reviewer('01', 'rev-hn'),
    phone: (await s.enroll(reviewer, MOUNTAIN_COMMUNE)).token,
    phone2: (await s.enroll(reviewer, MOUNTAIN_COMMUNE_2)).token,
  };
}

describe.each(DB_KINDS)('submissions under a published set (%s)', (kind) => {
  const server = serverPerTest(kind);

  it('scores with exactly the published version: equal to the domain’s score, not the template’s', async () => {
    const s = server();
    const who = await cast(s);
    await publishSet(s, who.reviewer, provinceSet());
    const body = provinceSubmission();
    const res = await s.request('PUT', `/api/v1/assessments/${ID}`, { token: who.phone, body });
    expect(res.status).toBe(200);
    expect(res.json.score.criteria).toEqual(domainScore(provinceSet(), body));
    // NT4 (yes) is worth 25 under the province's set, 20 under the template it came from.
    const nt4 = (score: { indicators: { code: string; points: number | null }[] }) =>
      score.indicators.find((i) => i.code === 'NT4')?.points;
    expect(nt4(res.json.score.criteria)).toBe(25);
    const template = domainScore(realReference().criteriaSets.get('template-commune-index@2026.1')!, templateSubmission());
    expect(nt4(template)).toBe(20);
    const again = await s.request('PUT', `/api/v1/assessments/${ID}`, { token: who.phone, body });
    expect(again.json).toEqual(res.json);
  });

  it('refuses an unknown version, a draft (criteria_set_not_published) and another province’s set', async () => {
    const s = server();
    const who = await cast(s);
    await publishSet(s, who.reviewer, provinceSet());
    const put = (body: Submission) => s.request('PUT', `/api/v1/assessments/${ID}`, { token: who.phone, body });

    const unknown = await put(provinceSubmission('2026.9'));
    expect(unknown.status).toBe(422);
    expect(unknown.json.error).toMatchObject({
      code: 'unknown_criteria_set',
      criteriaSet: { id: PROVINCE_SET_ID, version: '2026.9' },
    });

    expect(
      (await s.request('POST', '/api/v1/provinces/04/criteria-sets', { token: who.reviewer, body: provinceSet('2026.2') }))
        .status,
    ).toBe(201);
    const draft = await put(provinceSubmission('2026.2'));
    expect(draft.status).toBe(422);
    expect(draft.json.error).toMatchObject({ code: 'criteria_set_not_published', criteriaSet: { version: '2026.2' } });

    await publishSet(s, who.hanoi, { ...provinceSet(), id: 'ha-noi-chi-so-xa' }, '01');
    const foreign = await put({ ...provinceSubmission(), criteriaSet: { id: 'ha-noi-chi-so-xa', version: '2026.1' } });
    expect(foreign.status).toBe(422);
    expect(foreign.json.error.code).toBe('unknown_criteria_set');
    const stored = await s.db.selectFrom('assessment_revisions').select('assessment_id').execute();
    expect(stored).toEqual([]);
  });

  it('previews a draft on a commune’s latest submission, beside the score it was given', async () => {
    const s = server();
    const who = await cast(s);
    const body = templateSubmission();
    const sent = await s.request('PUT', `/api/v1/assessments/${ID}`, { token: who.phone, body });
    const up = await s.request('POST', '/api/v1/provinces/04/criteria-sets', { token: who.reviewer, body: provinceSet() });
    const preview = await s.request('GET', `/api/v1/criteria-sets/${up.json.meta.id}/preview?communeCode=${MOUNTAIN_COMMUNE}`, {
      token: who.reviewer,
    });
    expect(preview.status).toBe(200);
    expect(preview.json).toEqual({
      communeCode: MOUNTAIN_COMMUNE,
      assessmentId: ID,
      revision: 1,
      draft: domainScore(provinceSet(), body),
      current: sent.json.score.criteria,
      currentSet: 'template-commune-index@2026.1',
    });
    expect(preview.json.draft.total).not.toBe(preview.json.current.total);
    const none = await s.request('GET', `/api/v1/criteria-sets/${up.json.meta.id}/preview?communeCode=${MOUNTAIN_COMMUNE_2}`, {
      token: who.reviewer,
    });
    expect(none.status).toBe(404);
    const elsewhere = await s.request('GET', `/api/v1/criteria-sets/${up.json.meta.id}/preview?communeCode=${CITY_COMMUNE}`, {
      token: who.reviewer,
    });
    expect(elsewhere.status).toBe(404);
  });

  it('shows which version each commune used when a corrected version is published mid-campaign', async () => {
    const s = server();
    const who = await cast(s);
    await publishSet(s, who.reviewer, provinceSet('2026.1'));
    expect(
      (await s.request('PUT', `/api/v1/assessments/${ID}`, { token: who.phone, body: provinceSubmission('2026.1') })).status,
    ).toBe(200);
    await publishSet(s, who.reviewer, provinceSet('2026.2'));
    const second = provinceSubmission('2026.2', { communeCode: MOUNTAIN_COMMUNE_2 });
    expect((await s.request('PUT', `/api/v1/assessments/${ID_2}`, { token: who.phone2, body: second })).status).toBe(200);

    const list = await s.request('GET', '/api/v1/provinces/04/communes', { token: who.reviewer });
    const used = Object.fromEntries(
      (list.json.communes as { code: string; criteria: { setId: string; setVersion: string } | null }[])
        .filter((c) => c.criteria)
        .map((c) => [c.code, `${c.criteria?.setId}@${c.criteria?.setVersion}`]),
    );
    expect(used).toEqual({ [MOUNTAIN_COMMUNE]: `${PROVINCE_SET_ID}@2026.1`, [MOUNTAIN_COMMUNE_2]: `${PROVINCE_SET_ID}@2026.2` });

    const summary = await s.request('GET', '/api/v1/provinces/04/summary', { token: who.reviewer });
    expect(
      summary.json.criteriaSets.map((c: { setId: string; setVersion: string; communes: number }) => [c.setVersion, c.communes]),
    ).toEqual([
      ['2026.1', 1],
      ['2026.2', 1],
    ]);
    const csv = await s.request('GET', '/api/v1/provinces/04/communes.csv', { token: who.reviewer });
    const lines = csv.text.split('\r\n');
    expect(lines.find((l) => l.startsWith(MOUNTAIN_COMMUNE))).toContain(`${PROVINCE_SET_ID}@2026.1`);
    expect(lines.find((l) => l.startsWith(MOUNTAIN_COMMUNE_2))).toContain(`${PROVINCE_SET_ID}@2026.2`);
    expect(lines[0]).toContain(`${PROVINCE_SET_ID}@2026.2 · NT `);
    // The wide CSV and a commune's comparison find the province's set too.
    const wide = await s.request('GET', '/api/v1/provinces/04/communes.wide.csv', { token: who.reviewer });
    expect(wide.status).toBe(200);
    expect(wide.text).toContain('Bộ chỉ số chuyển đổi số cấp xã tỉnh Cao Bằng');
    const comparison = await s.request('GET', `/api/v1/assessments/${ID}/comparison`, { token: who.reviewer });
    expect(comparison.json.basis).toEqual({ kind: 'criteria', id: PROVINCE_SET_ID, version: '2026.1' });
  });
});

describe('the cost of a published set on the submission path (postgres)', () => {
  const server = serverPerTest('postgres');
  afterEach(() => vi.restoreAllMocks());

  it('once read, a published set costs no query: the same two round trips as a bundled set', async () => {
    const s = server();
    const who = await cast(s);
    await publishSet(s, who.reviewer, provinceSet());
    const queries = vi.spyOn(pg.Client.prototype, 'query');
    const first = await s.request('PUT', `/api/v1/assessments/${ID}`, { token: who.phone, body: provinceSubmission() });
    expect(first.status).toBe(200);
    queries.mockClear();
    const body = { ...provinceSubmission(), revision: 2, baseRevision: 1 };
    expect((await s.request('PUT', `/api/v1/assessments/${ID}`, { token: who.phone, body })).status).toBe(200);
    expect(queries.mock.calls.length).toBe(2);
  });
});
