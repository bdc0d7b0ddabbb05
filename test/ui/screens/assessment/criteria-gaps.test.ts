/**
 * The gap list under a criteria set: the engine's criteriaGaps as the summary's gap rows, in its
 * order (gates first, then the biggest gain), labelled by the indicators' own words, with what an
 * answered value indicator earns now.
 */
import { describe, expect, it } from 'vitest';
import catalogueJson from '../../../../data/catalogue/2026.1/catalogue.json';
import templateJson from '../../../../data/criteria/template-commune-index-2026.1.json';
import { criteriaGaps, parseCriteriaSet, scoreCriteria } from '../../../../src/domain/criteria';
import type { Answer, Catalogue } from '../../../../src/domain/types';
import { criteriaGapRows } from '../../../../src/ui/screens/assessment/criteria-gaps';
import type { AssessmentData } from '../../../../src/ui/screens/assessment/use-assessment-data';

const catalogue = catalogueJson as unknown as Catalogue;
const set = parseCriteriaSet(templateJson, catalogue);
const at = '2026-01-01T00:00:00.000Z';
const answers: Record<string, Answer> = {
  NT1: { code: 'NT1', status: null, value: { kind: 'number', value: 2 }, updatedAt: at },
  NT4: { code: 'NT4', status: null, value: { kind: 'yesno', yes: true }, updatedAt: at },
  // AT1 is ANM7's status (a linked indicator answers its component).
  ANM7: { code: 'ANM7', status: 1, updatedAt: at },
};
const data = { catalogue, answers, assessment: { areaTypes: ['rural'] } } as unknown as AssessmentData;
const score = scoreCriteria({ set, catalogue, areaTypes: ['rural'], answers });
const gaps = criteriaGaps({ set, catalogue, areaTypes: ['rural'], answers });

describe('criteriaGapRows', () => {
  const rows = criteriaGapRows(data, set, score, 'vi');

  it("keeps the engine's gaps in its order, with their gains, gates and actors", () => {
    expect(rows.map((r) => [r.code, r.gain, r.gate, r.actor, r.scoreGroup])).toEqual(
      gaps.map((g) => [g.code, g.gain, g.gate, g.actor, g.group]),
    );
    // AT1 below its gate's threshold holds the gate, so it comes first.
    expect(rows[0]).toMatchObject({ code: 'AT1', gate: true, status: 1 });
    // A fully met indicator (NT4: yes) is not a gap.
    expect(rows.some((r) => r.code === 'NT4')).toBe(false);
  });

  it("labels each row by the indicator's own words, in the UI language", () => {
    const nt1 = set.indicators.find((i) => i.code === 'NT1')!;
    expect(rows.find((r) => r.code === 'NT1')).toMatchObject({ label: nt1.vi, labelLang: 'vi' });
    expect(criteriaGapRows(data, set, score, 'en').find((r) => r.code === 'NT1')).toMatchObject({
      label: nt1.en,
      labelLang: 'en',
    });
  });

  it('says what an answered value indicator earns now; an unanswered one and a status say none', () => {
    const nt1 = score.indicators.find((s) => s.code === 'NT1')!;
    expect(nt1.points).toBeGreaterThan(0);
    expect(rows.find((r) => r.code === 'NT1')!.earned).toEqual({ points: nt1.points, max: nt1.max });
    expect(rows.find((r) => r.code === 'NT5')!.earned).toBeUndefined();
    expect(rows.find((r) => r.code === 'AT1')!.earned).toBeUndefined();
  });
});
