/**
 * Measured indicators (issue #15) in a submission: the server scores them from its own community
 * tally and the commune's stored population, never from anything the phone sends; it stores the
 * figures with the revision, and the verified score uses those figures, not a tally grown since.
 */
import { describe, expect, it } from 'vitest';
import { scoreCriteria, type CriteriaSet } from '../../src/domain/criteria';
import type { Submission } from '../../src/domain/submission';
import { provinceSet, provinceSubmission, publishSet } from './criteria-set-fixtures';
import { enrollTeam, entry, response } from './community-fixtures';
import { catalogue, MOUNTAIN_COMMUNE } from './fixtures';
import { DB_KINDS, serverPerTest } from './harness';

const ID = 'a1b2c3d4-0000-4000-8000-00000000me01';

/** The province's set with NT4 (25 points) measured: residents helped per 1,000 inhabitants. */
function measuredProvinceSet(): CriteriaSet {
  const set = provinceSet();
  const nt4 = set.indicators.find((i) => i.code === 'NT4')!;
  nt4.input = { kind: 'measured', metric: 'residentsHelpedPer1000' };
  nt4.rule = {
    kind: 'steps',
    steps: [
      { min: 5, points: 10 },
      { min: 20, points: 25 },
    ],
  };
  return set;
}

/** What the phone sends: no answer for NT4 (a measured indicator has none). */
function body(): Submission {
  const b = provinceSubmission();
  return { ...b, period: 'Năm 2026', answers: b.answers.filter((a) => a.code !== 'NT4') };
}

const nt4 = (score: { indicators: { code: string; points: number; problem: string | null }[] }) =>
  score.indicators.find((i) => i.code === 'NT4');

describe.each(DB_KINDS)('measured indicators in a submission (%s)', (kind) => {
  const server = serverPerTest(kind);

  it('scores them from the server’s tally and population, stores those figures, and verifies with the same', async () => {
    const s = server();
    const reviewer = await s.reviewer('04', 'rev-cb');
    const phone = (await s.enroll(reviewer, MOUNTAIN_COMMUNE)).token;
    await publishSet(s, reviewer, measuredProvinceSet());
    const team = await enrollTeam(s, reviewer, MOUNTAIN_COMMUNE);
    const sent = await s.request('POST', '/api/v1/team/entries', {
      token: team.token,
      body: {
        entries: [
          entry({ residents: 12 }),
          entry({ residents: 8, date: '2026-04-10' }),
          entry({ residents: 99, date: '2025-12-31' }),
        ],
      },
    });
    expect(sent.status, sent.text).toBe(200);
    await s.request('POST', '/api/v1/team/survey-responses', {
      token: team.token,
      body: { responses: [response(5), response(2)] },
    });
    expect(
      (await s.request('PUT', `/api/v1/communes/${MOUNTAIN_COMMUNE}/population`, { token: phone, body: { population: 4000 } }))
        .status,
    ).toBe(200);

    const res = await s.request('PUT', `/api/v1/assessments/${ID}`, { token: phone, body: body() });
    expect(res.status, res.text).toBe(200);
    const measured = res.json.score.criteria.measured;
    // 2026 only: 20 residents (the 2025 entry is another year), 2 responses; 20 per 4,000 = 5 per 1,000.
    expect(measured).toMatchObject({
      population: 4000,
      tally: { period: '2026', residentsHelped: 20, sessions: 2, responses: 2 },
    });
    expect(nt4(res.json.score.criteria)).toMatchObject({ points: 10, problem: null });
    // The domain, given the same figures, scores exactly the same: what the phone shows as provisional.
    const b = body();
    const expected = scoreCriteria({
      set: measuredProvinceSet(),
      catalogue: catalogue(),
      areaTypes: b.areaTypes,
      answers: Object.fromEntries(b.answers.map((a) => [a.code, a])),
      measured,
    });
    expect(res.json.score.criteria).toEqual(expected);

    // The tally grows after the submission: the verified score still uses the stored figures.
    await s.request('POST', '/api/v1/team/entries', { token: team.token, body: { entries: [entry({ residents: 400 })] } });
    const item = b.answers[0]!.code;
    const verified = await s.request('POST', `/api/v1/assessments/${ID}/verifications`, {
      token: reviewer,
      body: { code: item, outcome: 'verified', revision: 1 },
    });
    expect(verified.status, verified.text).toBe(201);
    expect(verified.json.score.criteria.measured).toEqual(measured);
    expect(nt4(verified.json.score.criteria)?.points).toBe(10);
  });

  it('gives 0 points with the reason when the population has not been entered, whatever the phone sends', async () => {
    const s = server();
    const reviewer = await s.reviewer('04', 'rev-cb');
    const phone = (await s.enroll(reviewer, MOUNTAIN_COMMUNE)).token;
    await publishSet(s, reviewer, measuredProvinceSet());
    const forged = {
      ...body(),
      answers: [
        ...body().answers,
        { code: 'NT4', status: null, value: { kind: 'number' as const, value: 999 }, updatedAt: '2026-03-01T07:00:00.000Z' },
      ],
    };
    const refused = await s.request('PUT', `/api/v1/assessments/${ID}`, { token: phone, body: forged });
    expect(refused.status).toBe(422);
    expect(refused.json.error.problems).toContainEqual({ code: 'NT4', problem: 'value-not-expected' });
    const res = await s.request('PUT', `/api/v1/assessments/${ID}`, { token: phone, body: body() });
    expect(res.json.score.criteria.measured.population).toBeNull();
    expect(nt4(res.json.score.criteria)).toMatchObject({ points: 0, problem: 'population-missing' });
  });
});
