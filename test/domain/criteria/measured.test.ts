/** Measured indicator inputs (issue #15): the community tally and population as exact values, scored by ladders. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tally } from '../../../src/domain/community/tally';
import type { SurveyResponse } from '../../../src/domain/community/schemas';
import { parseCriteriaSet, scoreCriteria, validateCriteriaAnswers } from '../../../src/domain/criteria';
import { measuredValue, measuredYear } from '../../../src/domain/criteria/measured';
import type { MeasuredInputs } from '../../../src/domain/criteria/measured';
import { rat } from '../../../src/domain/criteria/rational';
import { verifiableItems } from '../../../src/domain/verification';
import { tinyCatalogue, val } from './fixtures';
import { measuredSet, tallyOf } from './measured-fixtures';

const score = (measured?: MeasuredInputs, answers = {}) =>
  scoreCriteria({ set: measuredSet(), catalogue: tinyCatalogue, areaTypes: ['rural'], answers, measured });
const points = (s: ReturnType<typeof score>, code: string) => s.indicators.find((i) => i.code === code)!;

describe('measuredValue', () => {
  it('gives residents helped per 1,000 inhabitants exactly', () => {
    expect(measuredValue('residentsHelpedPer1000', { tally: tallyOf(37, 0, 0), population: 2500 })).toEqual({
      ok: true,
      value: rat(74, 5),
    });
    expect(measuredValue('residentsHelped', { tally: tallyOf(37, 0, 0), population: null })).toEqual({
      ok: true,
      value: rat(37),
    });
    expect(measuredValue('sessions', { tally: tallyOf(37, 0, 0), population: null })).toEqual({ ok: true, value: rat(3) });
    expect(measuredValue('surveyResponses', { tally: tallyOf(1, 2, 4), population: null })).toEqual({ ok: true, value: rat(4) });
  });

  it('is not measured without a tally, without a population, or over fewer than 5 responses', () => {
    expect(measuredValue('residentsHelped', { tally: null, population: 100 })).toEqual({ ok: false, reason: 'no-tally' });
    for (const population of [null, 0, -5, 1.5])
      expect(measuredValue('residentsHelpedPer1000', { tally: tallyOf(5, 0, 0), population })).toEqual({
        ok: false,
        reason: 'population-missing',
      });
    expect(measuredValue('shareSatisfied', { tally: tallyOf(5, 4, 4), population: 9 })).toEqual({
      ok: false,
      reason: 'too-few-responses',
    });
    expect(measuredValue('satisfactionMean', { tally: tallyOf(5, 4, 4), population: 9 })).toEqual({
      ok: false,
      reason: 'too-few-responses',
    });
    const withheld = { ...tallyOf(5, 9, 9), satisfaction: { tooFew: true as const } };
    expect(measuredValue('shareSatisfied', { tally: withheld, population: 9 })).toEqual({
      ok: false,
      reason: 'too-few-responses',
    });
  });

  it('rebuilds the share and mean of tally() exactly from its decimals, for any answers over ≥ 5 responses', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 5, maxLength: 400 }), (scores) => {
        const responses: SurveyResponse[] = scores.map((s, i) => ({
          id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          surveyId: 'default',
          surveyVersion: '2026.1',
          answeredAt: '2026-05-01T08:00:00+07:00',
          answers: { overall: s },
        }));
        const t = tally('2026', [], responses, 'overall');
        const n = scores.length;
        const sum = scores.reduce((a, b) => a + b, 0);
        const satisfied = scores.filter((s) => s >= 4).length;
        expect(measuredValue('satisfactionMean', { tally: t, population: null })).toEqual({ ok: true, value: rat(sum, n) });
        expect(measuredValue('shareSatisfied', { tally: t, population: null })).toEqual({
          ok: true,
          value: rat(100 * satisfied, n),
        });
      }),
    );
  });
});

describe('measuredYear', () => {
  it('is the year the period names, else the year of the date given', () => {
    expect(measuredYear('2026', '2027-01-03T00:00:00Z')).toBe(2026);
    expect(measuredYear('Năm 2025', '2026-01-03T00:00:00Z')).toBe(2025);
    expect(measuredYear('2026-H2', '2027-01-03T00:00:00Z')).toBe(2026);
    expect(measuredYear('Đợt 1', '2026-03-03T00:00:00Z')).toBe(2026);
    expect(measuredYear('120261', '2024-03-03T00:00:00Z')).toBe(2024);
  });
});

describe('scoring measured indicators', () => {
  it('scores them by their ladders: 14.8 per 1,000 earns the ≥ 10 step, 5 of 6 satisfied the ≥ 80% threshold', () => {
    const s = score({ tally: tallyOf(37, 5, 6), population: 2500 }, { Y1: val('Y1', { kind: 'yesno', yes: true }) });
    expect(points(s, 'M1')).toMatchObject({ answered: true, counted: true, points: 5, problem: null });
    expect(points(s, 'M2')).toMatchObject({ answered: true, points: 10, problem: null });
    expect(s.total).toBe(25);
    expect(s.measured).toEqual({ tally: tallyOf(37, 5, 6), population: 2500 });
  });

  it('counts an unmeasured indicator as 0 points with the reason, and records that nothing was measured', () => {
    const none = score();
    expect(points(none, 'M1')).toMatchObject({ counted: true, answered: false, points: 0, problem: 'no-tally' });
    expect(none.measured).toEqual({ tally: null, population: null });
    const noPopulation = score({ tally: tallyOf(900, 1, 3), population: null });
    expect(points(noPopulation, 'M1').problem).toBe('population-missing');
    expect(points(noPopulation, 'M2').problem).toBe('too-few-responses');
    // Group M counts as 0 of 30, not left out.
    expect(noPopulation.groups.find((g) => g.id === 'M')).toMatchObject({ score: 0, max: 30 });
  });

  it('never reads an answer the phone stored under a measured code', () => {
    const forged = { M1: val('M1', { kind: 'number', value: 1000 }) };
    expect(points(score(undefined, forged), 'M1')).toMatchObject({ points: 0, problem: 'no-tally' });
  });

  it('gives the same score again from the inputs stored with it (JSON), whatever the tally', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20000 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.option(fc.integer({ min: 1, max: 200000 }), { nil: null }),
        (helped, a, b, population) => {
          const first = score({ tally: tallyOf(helped, Math.min(a, b), Math.max(a, b)), population });
          const stored = JSON.parse(JSON.stringify(first.measured)) as MeasuredInputs;
          expect(score(stored)).toEqual(first);
        },
      ),
    );
  });

  it('never lowers the points as more residents are helped', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 1, max: 50000 }),
        (x, y, p) => {
          const lo = score({ tally: tallyOf(Math.min(x, y), 0, 0), population: p });
          const hi = score({ tally: tallyOf(Math.max(x, y), 0, 0), population: p });
          expect(points(hi, 'M1').points).toBeGreaterThanOrEqual(points(lo, 'M1').points);
        },
      ),
    );
  });
});

describe('a set with measured inputs', () => {
  it('is valid, and its measured indicators are neither required answers nor verifiable items', () => {
    const set = parseCriteriaSet(measuredSet());
    const problems = validateCriteriaAnswers(set, tinyCatalogue, ['rural'], [val('Y1', { kind: 'yesno', yes: false })]);
    expect(problems).toEqual([]);
    expect(validateCriteriaAnswers(set, tinyCatalogue, ['rural'], [val('M1', { kind: 'number', value: 3 })])).toContainEqual({
      code: 'M1',
      problem: 'value-not-expected',
    });
    const submission = { areaTypes: ['rural'], answers: [] } as unknown as Parameters<typeof verifiableItems>[0];
    expect(verifiableItems(submission, tinyCatalogue, set).map((i) => i.code)).toEqual(['Y1']);
  });

  it('refuses a metric scored by the wrong rule, and an unknown metric', () => {
    const wrong = measuredSet();
    wrong.indicators[2]!.rule = { kind: 'steps', steps: [{ min: 50, points: 10 }] };
    expect(() => parseCriteriaSet(wrong)).toThrow(/measured shareSatisfied input is scored by a .*thresholds/);
    const unknown = measuredSet() as unknown as { indicators: { input: unknown }[] };
    unknown.indicators[1]!.input = { kind: 'measured', metric: 'happiness' };
    expect(() => parseCriteriaSet(unknown)).toThrow();
  });
});
