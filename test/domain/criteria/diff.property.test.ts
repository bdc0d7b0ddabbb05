/**
 * The diff's properties over random edits of the template (47 indicators): a set against itself
 * is empty; what one direction adds the other removes, and both see the same changes; and the
 * diff reports exactly the indicators removed, added and edited, with exactly the kinds edited.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import templateJson from '../../../data/criteria/template-commune-index-2026.1.json';
import { diffCriteriaSets, isEmptyDiff, parseCriteriaSet } from '../../../src/domain/criteria';
import type { CriteriaIndicator, CriteriaSet, CriteriaSetDiff, IndicatorChange } from '../../../src/domain/criteria';
import { realCatalogue } from '../scoring-fixtures';
import { CHANGE_KINDS, EDITS } from './diff-mutations';

const template = parseCriteriaSet(templateJson, realCatalogue);
const codes = template.indicators.map((x) => x.code);
const groups = template.groups.map((g) => g.id);

interface Plan {
  removed: string[];
  edited: Map<string, IndicatorChange[]>;
  added: number;
}
const planArb: fc.Arbitrary<Plan> = fc
  .record({
    removed: fc.subarray(codes),
    edits: fc.array(fc.tuple(fc.constantFrom(...codes), fc.subarray(CHANGE_KINDS, { minLength: 1 })), { maxLength: 12 }),
    added: fc.nat({ max: 4 }),
  })
  .map(({ removed, edits, added }) => ({
    removed,
    // One edit per indicator (the last drawn), and none of a removed one.
    edited: new Map(edits.filter(([code]) => !removed.includes(code))),
    added,
  }));

function apply(plan: Plan): CriteriaSet {
  const set = structuredClone(template);
  set.version = '2026.2';
  set.indicators = set.indicators
    .filter((x) => !plan.removed.includes(x.code))
    .map((x) => (plan.edited.get(x.code) ?? []).reduce((y: CriteriaIndicator, kind) => EDITS[kind](y, groups), x));
  for (let i = 0; i < plan.added; i++) set.indicators.splice(i * 3, 0, { ...template.indicators[i]!, code: `MOI${i}` });
  return set;
}
const changeSet = (d: CriteriaSetDiff) => new Map(d.changed.map((c) => [c.code, [...c.changes].sort()]));

describe('diffCriteriaSets properties', () => {
  it('a set against itself (or a copy) is empty, whatever the edits that made it', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const set = apply(plan);
        expect(isEmptyDiff(diffCriteriaSets(set, set))).toBe(true);
        expect(isEmptyDiff(diffCriteriaSets(set, structuredClone(set)))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('is symmetric: added one way is removed the other, and the same indicators changed in the same ways', () => {
    fc.assert(
      fc.property(planArb, planArb, (p, q) => {
        const [a, b] = [apply(p), apply(q)];
        const ab = diffCriteriaSets(a, b);
        const ba = diffCriteriaSets(b, a);
        expect(new Set(ab.added.map((x) => x.code))).toEqual(new Set(ba.removed.map((x) => x.code)));
        expect(new Set(ab.removed.map((x) => x.code))).toEqual(new Set(ba.added.map((x) => x.code)));
        expect(changeSet(ab)).toEqual(changeSet(ba));
        expect(ab.setChanges).toEqual(ba.setChanges);
      }),
      { numRuns: 200 },
    );
  });

  it('reports exactly the indicators removed, added and edited, with exactly the kinds of each edit', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const d = diffCriteriaSets(template, apply(plan));
        expect(d.removed.map((x) => x.code)).toEqual(codes.filter((c) => plan.removed.includes(c)));
        expect(d.added.map((x) => x.code).sort()).toEqual(Array.from({ length: plan.added }, (_, i) => `MOI${i}`));
        const expected = new Map([...plan.edited].map(([code, kinds]) => [code, [...new Set(kinds)].sort()]));
        expect(changeSet(d)).toEqual(expected);
        expect(d.setChanges).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
