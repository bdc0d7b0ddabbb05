/**
 * Submissions under a criteria set: scored with exactly the set and version they name (the same
 * domain function the phone runs), an unknown set refused with 422 unknown_criteria_set, bad
 * indicator values refused with their reason, and a submission without a set scored as before.
 */
import { describe, expect, it } from 'vitest';
import { scoreCriteria } from '../../src/domain/criteria';
import { templateSubmission } from './criteria-fixtures';
import { catalogue, MOUNTAIN_COMMUNE, submission } from './fixtures';
import { realReference, serverPerTest } from './harness';
import { parseSubmission } from '../../src/domain/submission';
import { contentHash } from '../../src/server/services/content-hash';
import { submissionContentHash } from '../support/submission-hash';

const ID = 'a1b2c3d4-0000-4000-8000-0000000000c1';

describe('the content hash of a submission under a criteria set', () => {
  it('covers the set and every indicator value, and equals the plain canonical reference', () => {
    const parsed = parseSubmission(templateSubmission());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const body = parsed.submission;
    expect(contentHash(body)).toBe(submissionContentHash(body));
    const otherValue = parseSubmission(templateSubmission({ NT3: { kind: 'pair', a: 1, b: 3 } }));
    const otherSet = { ...body, criteriaSet: { id: 'template-commune-index', version: '2026.2' } };
    if (!otherValue.ok) throw new Error('invalid');
    expect(contentHash(otherValue.submission)).not.toBe(contentHash(body));
    expect(contentHash(otherSet)).not.toBe(contentHash(body));
  });
});

describe('submissions under a criteria set (sqlite)', () => {
  const server = serverPerTest('sqlite');
  const phone = async (s: ReturnType<typeof server>) => {
    const province = realReference().communes.get(MOUNTAIN_COMMUNE)!.province.code;
    return (await s.enroll(await s.reviewer(province, 'rev-criteria'), MOUNTAIN_COMMUNE)).token;
  };

  it('scores with exactly the named set: the server’s points equal the phone’s', async () => {
    const s = server();
    const body = templateSubmission();
    const token = await phone(s);
    const res = await s.request('PUT', `/api/v1/assessments/${ID}`, { token, body });
    expect(res.status).toBe(200);
    const set = realReference().criteriaSets.get('template-commune-index@2026.1')!;
    const phoneScore = scoreCriteria({
      set,
      catalogue: catalogue(),
      areaTypes: body.areaTypes,
      answers: Object.fromEntries(body.answers.map((a) => [a.code, a])),
    });
    expect(res.json.score.criteria).toEqual(phoneScore);
    expect(phoneScore.total).toBeGreaterThan(500);
    expect(res.json.score.criteria.groups.map((g: { score: number }) => g.score)).toEqual(phoneScore.groups.map((g) => g.score));
    // The replay hashes the set and the values: the same body is the same revision.
    const again = await s.request('PUT', `/api/v1/assessments/${ID}`, { token, body });
    expect(again.json).toEqual(res.json);
  });

  it('refuses a set it does not hold with 422 unknown_criteria_set', async () => {
    const s = server();
    const body = { ...templateSubmission(), criteriaSet: { id: 'template-commune-index', version: '2099.1' } };
    const res = await s.request('PUT', `/api/v1/assessments/${ID}`, { token: await phone(s), body });
    expect(res.status).toBe(422);
    expect(res.json.error).toMatchObject({
      code: 'unknown_criteria_set',
      criteriaSet: { id: 'template-commune-index', version: '2099.1' },
    });
    expect(res.json.error.message).toContain('is not known to this server');
  });

  it('refuses an invalid value with its reason, and a missing required indicator', async () => {
    const s = server();
    const body = templateSubmission({ NT3: { kind: 'pair', a: 5, b: 3 }, NT1: null });
    const res = await s.request('PUT', `/api/v1/assessments/${ID}`, { token: await phone(s), body });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe('invalid_submission');
    const problems = res.json.error.problems as { code?: string; problem: string }[];
    expect(problems).toEqual(
      expect.arrayContaining([
        { code: 'NT3', problem: 'a-above-b' },
        { code: 'NT1', problem: 'required-unanswered' },
      ]),
    );
  });

  it('scores a submission without a set by the provisional method alone, as before', async () => {
    const s = server();
    const res = await s.request('PUT', `/api/v1/assessments/${ID}`, {
      token: await phone(s),
      body: submission(MOUNTAIN_COMMUNE),
    });
    expect(res.status).toBe(200);
    expect(res.json.score).not.toHaveProperty('criteria');
    expect(res.json.score.index).toBe(100);
  });
});
