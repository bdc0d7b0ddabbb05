/**
 * Verification (thẩm định, issue #14): a reviewer of the province verifies or adjusts items of the
 * latest revision; the server recomputes the verified score with the adjustments, by the same
 * methodology or criteria set, audits every step, and shows it to the commune's phone. Returning
 * can ask evidence for named items. The phone's comparison never names a commune and withholds
 * averages over fewer than 3 communes.
 */
import { describe, expect, it } from 'vitest';
import { scoreWithSet } from '../../src/server/services/criteria-submission';
import { listAudit } from '../../src/server/repositories/audit';
import type { Submission } from '../../src/domain/submission';
import { TEMPLATE, templateSubmission } from './criteria-fixtures';
import { CITY_PROVINCE, MOUNTAIN_COMMUNE, MOUNTAIN_COMMUNE_2, MOUNTAIN_PROVINCE, submission } from './fixtures';
import { DB_KINDS, realReference, serverPerTest, type TestServer } from './harness';

const ID = 'verify-assessment-0001';

async function setup(s: TestServer, body: Submission) {
  const reviewer = await s.reviewer(MOUNTAIN_PROVINCE);
  const device = await s.enroll(reviewer, body.communeCode);
  const res = await s.request('PUT', `/api/v1/assessments/${ID}`, { token: device.token, body });
  expect(res.status, res.text).toBe(200);
  return { reviewer, device: device.token };
}

/** The score the server must give: the stored answers with these replaced, by the same basis. */
function expectedScore(body: Submission, change: Record<string, { status?: 0 | 1 | 2 | 3; value?: unknown }>) {
  const reference = realReference();
  const answers = body.answers.map((a) => {
    const c = change[a.code];
    if (!c) return a;
    if (c.status !== undefined) return { ...a, status: c.status };
    return { ...a, status: null, value: c.value as never };
  });
  const set = body.criteriaSet ? reference.criteriaSets.get(`${body.criteriaSet.id}@${body.criteriaSet.version}`) : undefined;
  return scoreWithSet(
    { ...body, answers },
    reference.catalogues.get(body.catalogueVersion)!,
    reference.methodologies.get(body.methodologyId)!,
    set,
  );
}

describe.each(DB_KINDS)('verification (%s)', (kind) => {
  const server = serverPerTest(kind);

  it('verifies one item and adjusts another with a reason; the server scores the adjusted answers; every step is audited', async () => {
    const s = server();
    const body = submission(MOUNTAIN_COMMUNE, { status: () => 2 });
    const { reviewer, device } = await setup(s, body);
    const [first, second] = body.answers;
    const url = `/api/v1/assessments/${ID}/verifications`;

    const before = await s.request('GET', `/api/v1/assessments/${ID}/verification`, { token: reviewer });
    expect(before.status).toBe(200);
    expect(before.json).toMatchObject({ revision: 1, verifiedCount: 0, adjustedCount: 0, items: [], score: null });
    expect(before.json.itemCount).toBeGreaterThan(10);

    const verified = await s.request('POST', url, {
      token: reviewer,
      body: { code: first!.code, outcome: 'verified', revision: 1 },
    });
    expect(verified.status, verified.text).toBe(201);
    expect(verified.json.items).toEqual([
      { code: first!.code, outcome: 'verified', by: `rev${MOUNTAIN_PROVINCE}`, at: s.clock.toISOString() },
    ]);
    // Nothing adjusted yet: the verified score is the self-assessed one.
    expect(verified.json.score.index).toBe(expectedScore(body, {}).index);

    // An adjustment needs a reason and a value of the item's own kind.
    const noReason = await s.request('POST', url, {
      token: reviewer,
      body: { code: second!.code, outcome: 'adjusted', adjusted: { status: 0 } },
    });
    expect(noReason.status).toBe(422);
    expect(noReason.json.error.code).toBe('reason_required');
    const wrongKind = await s.request('POST', url, {
      token: reviewer,
      body: { code: second!.code, outcome: 'adjusted', adjusted: { value: { kind: 'number', value: 3 } }, reason: 'x' },
    });
    expect(wrongKind.status).toBe(422);
    expect(wrongKind.json.error.code).toBe('invalid_adjustment');
    const unknown = await s.request('POST', url, { token: reviewer, body: { code: 'NOPE1', outcome: 'verified' } });
    expect(unknown.status).toBe(422);
    expect(unknown.json.error.code).toBe('unknown_item');

    s.advance(60_000);
    const adjusted = await s.request('POST', url, {
      token: reviewer,
      body: { code: second!.code, outcome: 'adjusted', adjusted: { status: 0 }, reason: '  Chưa có quyết định ban hành  ' },
    });
    expect(adjusted.status, adjusted.text).toBe(201);
    const expected = expectedScore(body, { [second!.code]: { status: 0 } });
    expect(adjusted.json).toMatchObject({ verifiedCount: 1, adjustedCount: 1 });
    expect(adjusted.json.items[1]).toMatchObject({
      code: second!.code,
      outcome: 'adjusted',
      adjusted: { status: 0 },
      reason: 'Chưa có quyết định ban hành',
    });
    expect(adjusted.json.score).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(adjusted.json.score.index).toBeLessThan(expectedScore(body, {}).index);

    // The same step again (a double click) stores nothing new.
    const again = await s.request('POST', url, {
      token: reviewer,
      body: { code: second!.code, outcome: 'adjusted', adjusted: { status: 0 }, reason: 'Chưa có quyết định ban hành' },
    });
    expect(again.status).toBe(201);
    expect(await s.db.selectFrom('verifications').selectAll().execute()).toHaveLength(2);

    // The self-assessed score is untouched; the phone reads the verified one.
    const view = await s.request('GET', `/api/v1/assessments/${ID}`, { token: device });
    expect(view.json.score.index).toBe(expectedScore(body, {}).index);
    const phone = await s.request('GET', `/api/v1/assessments/${ID}/verification`, { token: device });
    expect(phone.status).toBe(200);
    expect(phone.json.score.index).toBe(expected.index);

    // The commune list carries the verified score beside the self-assessed one.
    const list = await s.request('GET', `/api/v1/provinces/${MOUNTAIN_PROVINCE}/communes`, { token: reviewer });
    const row = list.json.communes.find((c: { code: string }) => c.code === MOUNTAIN_COMMUNE);
    expect(row.index).toBe(expectedScore(body, {}).index);
    expect(row.verified).toMatchObject({ index: expected.index, level: expected.level, verifiedCount: 1, adjustedCount: 1 });

    const steps = (await listAudit(s.db)).filter((r) => r.action === 'assessment.verify');
    expect(steps).toHaveLength(2);
    expect(JSON.parse(steps.find((r) => r.detail?.includes('adjusted'))!.detail!)).toMatchObject({
      revision: 1,
      code: second!.code,
      outcome: 'adjusted',
      adjusted: { status: 0 },
      reason: 'Chưa có quyết định ban hành',
      verifiedIndex: expected.index,
    });

    // A newer revision: steps on items whose answer and evidence did not change carry forward,
    // marked with the revision they were taken on, by their original reviewer and time; the server
    // recomputes the verified score of the new revision from them.
    const firstAt = verified.json.items[0].at as string;
    s.advance(60_000);
    const resubmitted = await s.request('PUT', `/api/v1/assessments/${ID}`, {
      token: device,
      body: submission(MOUNTAIN_COMMUNE, { status: () => 2, revision: 2, baseRevision: 1 }),
    });
    expect(resubmitted.status).toBe(200);
    const carried = await s.request('GET', `/api/v1/assessments/${ID}/verification`, { token: reviewer });
    expect(carried.json).toMatchObject({ revision: 2, verifiedCount: 1, adjustedCount: 1 });
    expect(carried.json.items).toEqual([
      { code: first!.code, outcome: 'verified', by: `rev${MOUNTAIN_PROVINCE}`, at: firstAt, carriedFrom: 1 },
      {
        code: second!.code,
        outcome: 'adjusted',
        adjusted: { status: 0 },
        reason: 'Chưa có quyết định ban hành',
        by: `rev${MOUNTAIN_PROVINCE}`,
        at: adjusted.json.items[1].at,
        carriedFrom: 1,
      },
    ]);
    expect(carried.json.score.index).toBe(expected.index);
    const carryAudit = (await listAudit(s.db)).filter((r) => r.action === 'assessment.verify.carry');
    expect(carryAudit.map((r) => JSON.parse(r.detail!))).toEqual([{ revision: 2, codes: [first!.code, second!.code] }]);

    // Revision 3 changes the first item's answer: that item is verified afresh, the other still carries from 1.
    const third = await s.request('PUT', `/api/v1/assessments/${ID}`, {
      token: device,
      body: submission(MOUNTAIN_COMMUNE, {
        status: (c) => (c.code === first!.code ? 3 : 2),
        revision: 3,
        baseRevision: 2,
      }),
    });
    expect(third.status).toBe(200);
    const fresh = await s.request('GET', `/api/v1/assessments/${ID}/verification`, { token: reviewer });
    expect(fresh.json).toMatchObject({ revision: 3, verifiedCount: 0, adjustedCount: 1 });
    expect(fresh.json.items.map((i: { code: string; carriedFrom?: number }) => [i.code, i.carriedFrom])).toEqual([
      [second!.code, 1],
    ]);
    const body3 = submission(MOUNTAIN_COMMUNE, { status: (c) => (c.code === first!.code ? 3 : 2), revision: 3 });
    expect(fresh.json.score.index).toBe(expectedScore(body3, { [second!.code]: { status: 0 } }).index);
    // Confirming the carried item on this revision records a fresh step.
    const reconfirmed = await s.request('POST', url, {
      token: reviewer,
      body: { code: second!.code, outcome: 'adjusted', adjusted: { status: 0 }, reason: 'Chưa có quyết định ban hành' },
    });
    expect(reconfirmed.status).toBe(201);
    expect(reconfirmed.json.items.find((i: { code: string }) => i.code === second!.code).carriedFrom).toBeUndefined();
    const stale = await s.request('POST', url, {
      token: reviewer,
      body: { code: first!.code, outcome: 'verified', revision: 1 },
    });
    expect(stale.status).toBe(409);
  });

  it('only reviewers of the province and the admin verify; a device cannot set a verified value', async () => {
    const s = server();
    const body = submission(MOUNTAIN_COMMUNE, { status: () => 2 });
    const { device } = await setup(s, body);
    const other = await s.reviewer(CITY_PROVINCE);
    const step = { code: body.answers[0]!.code, outcome: 'adjusted', adjusted: { status: 3 }, reason: 'Tự nâng' };
    const url = `/api/v1/assessments/${ID}/verifications`;
    expect((await s.request('POST', url, { token: device, body: step })).status).toBe(403);
    expect((await s.request('POST', url, { token: other, body: step })).status).toBe(403);
    expect((await s.request('GET', `/api/v1/assessments/${ID}/verification`, { token: other })).status).toBe(403);
    expect(await s.db.selectFrom('verifications').selectAll().execute()).toEqual([]);
    expect((await s.request('POST', url, { token: await s.adminToken(), body: step })).status).toBe(201);
  });

  it('under a criteria set an indicator is adjusted to a value of its own kind, and the set scores it', async () => {
    const s = server();
    const body = templateSubmission();
    const { reviewer } = await setup(s, body);
    const set = realReference().criteriaSets.get(`${TEMPLATE.id}@${TEMPLATE.version}`)!;
    const number = set.indicators.find((i) => i.input.kind === 'number')!;
    const url = `/api/v1/assessments/${ID}/verifications`;
    const wrong = await s.request('POST', url, {
      token: reviewer,
      body: { code: number.code, outcome: 'adjusted', adjusted: { status: 1 }, reason: 'Số liệu chưa khớp' },
    });
    expect(wrong.status).toBe(422);
    const res = await s.request('POST', url, {
      token: reviewer,
      body: {
        code: number.code,
        outcome: 'adjusted',
        adjusted: { value: { kind: 'number', value: 0 } },
        reason: 'Số liệu chưa khớp',
      },
    });
    expect(res.status, res.text).toBe(201);
    const expected = expectedScore(body, { [number.code]: { value: { kind: 'number', value: 0 } } });
    expect(res.json.score.criteria.total).toBe(expected.criteria!.total);
    expect(res.json.score.criteria.total).toBeLessThan(expectedScore(body, {}).criteria!.total);
    expect(res.json.score.criteria).toMatchObject({ setId: TEMPLATE.id, setVersion: TEMPLATE.version });
  });

  it('a return asks evidence for named items; the phone reads the list; accepting cannot ask it', async () => {
    const s = server();
    const body = submission(MOUNTAIN_COMMUNE, { status: () => 2 });
    const { reviewer, device } = await setup(s, body);
    const code = body.answers[2]!.code;
    const url = `/api/v1/assessments/${ID}/reviews`;
    const accept = await s.request('POST', url, {
      token: reviewer,
      body: { verdict: 'accepted', evidenceRequests: [{ code, note: 'Ảnh chụp quyết định' }] },
    });
    expect(accept.status).toBe(422);
    const unknown = await s.request('POST', url, {
      token: reviewer,
      body: { verdict: 'returned', comment: 'Bổ sung', evidenceRequests: [{ code: 'NOPE1', note: 'x' }] },
    });
    expect(unknown.status).toBe(422);
    const returned = await s.request('POST', url, {
      token: reviewer,
      body: {
        verdict: 'returned',
        comment: 'Cần bổ sung minh chứng',
        evidenceRequests: [{ code, note: ' Ảnh chụp quyết định ' }],
      },
    });
    expect(returned.status, returned.text).toBe(201);
    expect(returned.json.review.evidenceRequests).toEqual([{ code, note: 'Ảnh chụp quyết định' }]);
    const phone = await s.request('GET', `/api/v1/assessments/${ID}`, { token: device });
    expect(phone.json.review.evidenceRequests).toEqual([{ code, note: 'Ảnh chụp quyết định' }]);
    const audited = (await listAudit(s.db)).find((r) => r.action === 'assessment.review');
    expect(JSON.parse(audited!.detail!)).toMatchObject({ evidenceRequested: [code] });
  });

  it('the comparison shows province and area-type averages over 3 or more communes only, naming none', async () => {
    const s = server();
    const province = realReference().provinces.get(MOUNTAIN_PROVINCE)!;
    const codes = [MOUNTAIN_COMMUNE, MOUNTAIN_COMMUNE_2, ...province.communes.map((c) => c.code)].filter(
      (c, i, all) => all.indexOf(c) === i,
    );
    const reviewer = await s.reviewer(MOUNTAIN_PROVINCE);
    const devices: string[] = [];
    const statuses = [3, 1, 2] as const;
    for (const [i, code] of codes.slice(0, 3).entries()) {
      const device = await s.enroll(reviewer, code);
      devices.push(device.token);
      const res = await s.request('PUT', `/api/v1/assessments/compare-assessment-${i}`, {
        token: device.token,
        body: submission(code, { status: () => statuses[i]!, areaTypes: i === 2 ? ['rural'] : ['mountain-border-island'] }),
      });
      expect(res.status, res.text).toBe(200);
      if (i === 1) {
        // Two communes so far: nothing averaged.
        const early = await s.request('GET', '/api/v1/assessments/compare-assessment-0/comparison', { token: devices[0] });
        expect(early.json.total.province).toBeNull();
        expect(early.json.groups.every((g: { province: unknown }) => g.province === null)).toBe(true);
      }
    }
    const res = await s.request('GET', '/api/v1/assessments/compare-assessment-0/comparison', { token: devices[0] });
    expect(res.status).toBe(200);
    expect(res.json.basis).toEqual({ kind: 'methodology', id: body0().methodologyId, version: null });
    expect(res.json.total.commune).toBe(100);
    expect(res.json.total.province.communes).toBe(3);
    // Two mountain communes only: the area type's average is withheld.
    expect(res.json.areaType).toBe('mountain-border-island');
    expect(res.json.total.areaType).toBeNull();
    expect(res.json.groups.length).toBeGreaterThan(3);
    expect(res.text).not.toContain(codes[1]);
    expect(res.text).not.toContain('compare-assessment-1');
    expect((await s.request('GET', '/api/v1/assessments/compare-assessment-0/comparison', { token: devices[1] })).status).toBe(
      403,
    );
  });
});

const body0 = () => submission(MOUNTAIN_COMMUNE);
