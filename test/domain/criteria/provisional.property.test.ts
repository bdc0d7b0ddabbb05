/**
 * The provisional method as a criteria set (data/criteria/provisional-2026.1.json) gives exactly
 * today's results for any answers: index, levels, gates, group and layer scores, completeness and
 * the gap list. So an assessment scored by src/domain/scoring.ts keeps its score under the engine.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import enJson from '../../../data/catalogue/2026.1/en.json';
import provisionalJson from '../../../data/criteria/provisional-2026.1.json';
import { criteriaGaps, parseCriteriaSet, scoreCriteria } from '../../../src/domain/criteria';
import { criteriaSetFromMethodology } from '../../../src/domain/criteria/from-methodology';
import { gapList } from '../../../src/domain/gaps';
import { scoreAssessment } from '../../../src/domain/scoring';
import { computeRawScores, type ScoringInput } from '../../../src/domain/scoring-raw';
import { AREA_TYPES } from '../../../src/domain/vocabulary';
import type { Answer, CatalogueTranslation, Status } from '../../../src/domain/types';
import { answer, methodology, realCatalogue } from '../scoring-fixtures';

const set = parseCriteriaSet(provisionalJson, realCatalogue);

const answerFor = (code: string) =>
  fc
    .record({
      status: fc.constantFrom<Status | null | undefined | 7>(undefined, null, 0, 1, 2, 3, 'na', 7),
      openName: fc.constantFrom(undefined, '', '  ', 'Tên riêng'),
    })
    .map(({ status, openName }) =>
      status === undefined
        ? undefined
        : answer(code, status as Status, { naReason: 'Không áp dụng', ...(openName === undefined ? {} : { openName }) }),
    );

const scored = realCatalogue.components.filter((c) => c.tier === 'commune-essential' || c.tier === 'area-specific');
const inputArb = fc.record({
  areaTypes: fc.subarray([...AREA_TYPES]),
  // Biased towards uniform answers too, so that high levels and unbroken gates are reached.
  answers: fc.oneof(
    fc.tuple(...scored.map((c) => answerFor(c.code))),
    fc
      .tuple(
        fc.constantFrom<Status>(0, 1, 2, 3),
        fc.array(fc.nat(scored.length - 1), { maxLength: 6 }),
        fc.constantFrom<Status>(0, 1, 2, 'na'),
      )
      .map(([s, odd, other]) =>
        scored.map((c, i) => answer(c.code, odd.includes(i) ? other : s, { naReason: 'x', openName: 'Tên' })),
      ),
  ),
});

/** Components in the score (weight > 0) and those of them with a status, per score group and in all. */
function scoredCounts(input: ScoringInput) {
  const raw = computeRawScores(input);
  const groups = input.methodology.scoreGroups.map(() => ({ counted: 0, answered: 0 }));
  raw.plan.components.forEach((p, k) => {
    const g = groups[p.scoreGroup];
    if (!g || (raw.weights[k] ?? 0) === 0) return;
    g.counted++;
    if (raw.answered[k]) g.answered++;
  });
  const sum = (key: 'counted' | 'answered') => groups.reduce((s, g) => s + g[key], 0);
  return { groups, counted: sum('counted'), answered: sum('answered') };
}

function toMap(list: readonly (Answer | undefined)[]): Record<string, Answer | undefined> {
  const map: Record<string, Answer | undefined> = {};
  scored.forEach((c, i) => (map[c.code] = list[i]));
  return map;
}

describe('the provisional method as a criteria set', () => {
  it('is the checked-in output of criteriaSetFromMethodology', () => {
    const { $schema, ...data } = provisionalJson as typeof provisionalJson & { $schema: string };
    expect($schema).toBe('./criteria-set.schema.json');
    expect(criteriaSetFromMethodology(realCatalogue, enJson as CatalogueTranslation, methodology)).toEqual(data);
  });

  it('gives exactly today’s index, levels, gates, group and layer scores, completeness and gap list for any answers', () => {
    fc.assert(
      fc.property(inputArb, ({ areaTypes, answers: list }) => {
        const answers = toMap(list);
        const old = scoreAssessment({ catalogue: realCatalogue, methodology, areaTypes, answers });
        const input = { set, catalogue: realCatalogue, areaTypes, answers };
        const now = scoreCriteria(input);
        expect(now.total).toBe(old.index);
        expect([now.indexLevel, now.level, now.gatesApplied]).toEqual([old.indexLevel, old.level, old.gatesApplied]);
        const byId = new Map(now.groups.map((g) => [g.id, g]));
        // Issue #10: ScoreResult's applicable/answered became the one progress (src/domain/progress.ts);
        // the engine's counted/answered are the score's own denominators, compared with computeRawScores.
        const scored = scoredCounts({ catalogue: realCatalogue, methodology, areaTypes, answers });
        expect(old.groups.map((g, i) => ({ id: g.id, score: g.score, ...scored.groups[i] }))).toEqual(
          old.groups.map((g) => {
            const n = byId.get(g.id);
            return { id: g.id, score: n?.score ?? null, counted: n?.counted, answered: n?.answered };
          }),
        );
        const layers = now.groups
          .filter((g) => /^L\d$/.test(g.id) && g.score !== null)
          .map((g) => ({ layer: Number(g.id.slice(1)), score: g.score }));
        expect(layers).toEqual(old.layers);
        expect(now.completeness).toEqual({
          answered: scored.answered,
          counted: scored.counted,
          requiredAnswered: old.completeness.essentialAnswered,
          requiredTotal: old.completeness.essentialTotal,
        });
        expect(now.complete).toBe(old.complete);
        const gaps = criteriaGaps(input).map(({ group, ...g }) => ({ ...g, scoreGroup: group }));
        expect(gaps).toEqual(gapList({ catalogue: realCatalogue, methodology, areaTypes, answers }));
      }),
      { numRuns: 400 },
    );
  });
});
