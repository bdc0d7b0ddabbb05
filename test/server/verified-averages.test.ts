/**
 * Issue #14 item 3: the dashboard's verified averages. Over the counted communes WITH a
 * verification only, the province's mean self-assessed score beside its mean verified score
 * (index and per methodology group; a criteria set's total and groups under that set alone),
 * computed by the server; a commune without any verification step is left out of both means.
 */
import { describe, expect, it } from 'vitest';
import { round1 } from '../../src/domain/scoring';
import type { ScoreResult } from '../../src/domain/types';
import { TEMPLATE, templateSubmission } from './criteria-fixtures';
import { MOUNTAIN_PROVINCE, submission } from './fixtures';
import { DB_KINDS, realReference, serverPerTest } from './harness';

const mean = (xs: readonly number[]) => round1(xs.reduce((a, x) => a + x, 0) / xs.length);

describe.each(DB_KINDS)('verified averages on the province summary (%s)', (kind) => {
  const server = serverPerTest(kind);

  it('averages self and verified over the verified communes only, per group and per criteria set', async () => {
    const s = server();
    const [a, b, c] = realReference()
      .provinces.get(MOUNTAIN_PROVINCE)!
      .communes.map((x) => x.code);
    const reviewer = await s.reviewer(MOUNTAIN_PROVINCE);
    const bodies = {
      a: submission(a!, { status: () => 2 }),
      b: templateSubmission({}, { communeCode: b! }),
      c: submission(c!, { status: () => 1, areaTypes: ['rural'] }),
    };
    for (const [key, body] of Object.entries(bodies)) {
      const device = await s.enroll(reviewer, body.communeCode);
      const res = await s.request('PUT', `/api/v1/assessments/verified-avg-${key}`, { token: device.token, body });
      expect(res.status, res.text).toBe(200);
    }
    const empty = await s.request('GET', `/api/v1/provinces/${MOUNTAIN_PROVINCE}/summary`, { token: reviewer });
    expect(empty.json.verified).toEqual({
      communes: 0,
      index: { self: null, verified: null },
      groups: empty.json.groups.map((g: { id: string }) => ({ id: g.id, self: null, verified: null })),
    });

    const step = async (id: string, body: object) => {
      const res = await s.request('POST', `/api/v1/assessments/${id}/verifications`, { token: reviewer, body });
      expect(res.status, res.text).toBe(201);
      return res.json.score as ScoreResult;
    };
    const verifiedA = await step('verified-avg-a', {
      code: bodies.a.answers[0]!.code,
      outcome: 'adjusted',
      adjusted: { status: 0 },
      reason: 'Chưa có biên bản',
    });
    await step('verified-avg-b', { code: bodies.b.answers[0]!.code, outcome: 'verified' });
    const set = realReference().criteriaSets.get(`${TEMPLATE.id}@${TEMPLATE.version}`)!;
    const number = set.indicators.find((i) => i.input.kind === 'number')!;
    const verifiedB = await step('verified-avg-b', {
      code: number.code,
      outcome: 'adjusted',
      adjusted: { value: { kind: 'number', value: 0 } },
      reason: 'Số liệu chưa khớp',
    });
    const self = async (id: string) =>
      (await s.request('GET', `/api/v1/assessments/${id}`, { token: reviewer })).json.score as ScoreResult;
    const [selfA, selfB] = [await self('verified-avg-a'), await self('verified-avg-b')];
    expect(verifiedA.index).toBeLessThan(selfA.index);

    const res = await s.request('GET', `/api/v1/provinces/${MOUNTAIN_PROVINCE}/summary`, { token: reviewer });
    expect(res.status).toBe(200);
    const summary = res.json;
    // Commune c (no verification) is in the province's average, not in the verified comparison.
    expect(summary.communes.submitted).toBe(3);
    expect(summary.verified.communes).toBe(2);
    expect(summary.verified.index).toEqual({
      self: mean([selfA.index, selfB.index]),
      verified: mean([verifiedA.index, verifiedB.index]),
    });
    const groupMean = (scores: ScoreResult[], id: string) => {
      const xs = scores.flatMap((r) => r.groups.filter((g) => g.id === id && g.score !== null).map((g) => g.score!));
      return xs.length ? mean(xs) : null;
    };
    expect(summary.verified.groups).toEqual(
      summary.groups.map((g: { id: string }) => ({
        id: g.id,
        self: groupMean([selfA, selfB], g.id),
        verified: groupMean([verifiedA, verifiedB], g.id),
      })),
    );
    expect(summary.verified.groups.some((g: { self: number; verified: number }) => g.verified < g.self)).toBe(true);

    // Under the template set: commune b alone, its own total and groups.
    const template = summary.criteriaSets.find((x: { setId: string }) => x.setId === TEMPLATE.id);
    expect(template.verified.communes).toBe(1);
    expect(template.verified.index).toEqual({ self: selfB.criteria!.total, verified: verifiedB.criteria!.total });
    expect(template.verified.index.verified).toBeLessThan(template.verified.index.self);
    expect(template.verified.groups).toEqual(
      set.groups.map((g) => ({
        id: g.id,
        self: selfB.criteria!.groups.find((x) => x.id === g.id)?.score ?? null,
        verified: verifiedB.criteria!.groups.find((x) => x.id === g.id)?.score ?? null,
      })),
    );

    // The area-type filter applies as everywhere on the dashboard: the rural commune has no verification.
    const rural = await s.request('GET', `/api/v1/provinces/${MOUNTAIN_PROVINCE}/summary?areaType=rural`, {
      token: reviewer,
    });
    expect(rural.json.verified.communes).toBe(0);
    expect(rural.json.verified.index).toEqual({ self: null, verified: null });
  });
});
