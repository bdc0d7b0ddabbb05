import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { naAllowed } from '../../src/domain/answer-rules';
import { effectiveAnswers } from '../../src/domain/same-items';
import { scoreAssessment } from '../../src/domain/scoring';
import { computeRawScores } from '../../src/domain/scoring-raw';
import type { ScoringInput } from '../../src/domain/scoring-raw';
import { AREA_TYPES } from '../../src/domain/vocabulary';
import type { Answer, Catalogue, Methodology, Status } from '../../src/domain/types';
import { allAt, answer, methodology, mini, realCatalogue, testMethodology } from './scoring-fixtures';

const setups: [Catalogue, Methodology][] = [
  [realCatalogue, methodology],
  [mini, testMethodology],
];

/** Any answer a phone could hold, including none, blank open names and N/A where it is not allowed. */
const answerFor = (code: string) =>
  fc
    .record({
      status: fc.constantFrom<Status | null | undefined>(undefined, null, 0, 1, 2, 3, 'na'),
      openName: fc.constantFrom(undefined, '', '  ', 'Tên riêng'),
    })
    .map(({ status, openName }) =>
      status === undefined
        ? undefined
        : answer(code, status, { naReason: 'Không áp dụng', ...(openName === undefined ? {} : { openName }) }),
    );

const inputArb: fc.Arbitrary<ScoringInput> = fc.constantFrom(...setups).chain(([catalogue, m]) => {
  const scored = catalogue.components.filter((c) => c.tier === 'commune-essential' || c.tier === 'area-specific');
  return fc.record({
    catalogue: fc.constant(catalogue),
    methodology: fc.constant(m),
    areaTypes: fc.subarray([...AREA_TYPES]),
    answers: fc.tuple(...scored.map((c) => answerFor(c.code))).map((list) => {
      const map: Record<string, Answer | undefined> = {};
      scored.forEach((c, i) => (map[c.code] = list[i]));
      return map;
    }),
  });
});

/** An applicable component of the input, picked by a random number. */
const applicable = (input: ScoringInput, pick: number) => {
  const list = computeRawScores(input).plan.components;
  return list[pick % list.length]!.component;
};
const rank = (s: unknown): number => (typeof s === 'number' ? s : -1);

describe('scoring properties', () => {
  it('keeps index, layers and groups within 0–100, and the level within the defined levels', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = scoreAssessment(input);
        expect(r.index).toBeGreaterThanOrEqual(0);
        expect(r.index).toBeLessThanOrEqual(100);
        for (const s of [...r.layers.map((l) => l.score), ...r.groups.flatMap((g) => (g.score === null ? [] : [g.score]))]) {
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(100);
        }
        expect(r.level).toBeLessThanOrEqual(r.indexLevel);
        expect(input.methodology.levels.map((l) => l.level)).toContain(r.level);
      }),
      { numRuns: 300 },
    );
  });

  it('never lowers the index or any group score when a status is raised', () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), fc.constantFrom<0 | 1 | 2 | 3>(0, 1, 2, 3), (input, pick, to) => {
        const c = applicable(input, pick);
        const prev = input.answers[c.code];
        // A same item's status is its set's one answer (same-items.ts): raising is from that status.
        const standing = effectiveAnswers(input.catalogue, input.areaTypes, input.answers)[c.code];
        fc.pre(standing?.status !== 'na' && rank(standing?.status) < to && rank(prev?.status) < to);
        const raised = { ...input, answers: { ...input.answers, [c.code]: { ...(prev ?? answer(c.code, null)), status: to } } };
        const [before, after] = [computeRawScores(input), computeRawScores(raised)];
        expect(after.index).toBeGreaterThanOrEqual(before.index);
        before.groupScore.forEach((s, i) => expect(after.groupScore[i] ?? -1).toBeGreaterThanOrEqual(s ?? -1));
        expect(scoreAssessment(raised).index).toBeGreaterThanOrEqual(scoreAssessment(input).index);
        expect(scoreAssessment(raised).level).toBeGreaterThanOrEqual(scoreAssessment(input).level);
      }),
      { numRuns: 500 },
    );
  });

  it('setting N/A on one item never moves another score group', () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), (input, pick) => {
        const c = applicable(input, pick);
        fc.pre(naAllowed(c, input.methodology));
        const na = answer(c.code, 'na', { naReason: 'Địa bàn không có' });
        const before = computeRawScores(input);
        const after = computeRawScores({ ...input, answers: { ...input.answers, [c.code]: na } });
        const own = input.methodology.scoreGroups.findIndex((g) => g.members.includes(c.group));
        before.groupScore.forEach((s, i) => {
          if (i !== own) expect(after.groupScore[i]).toBe(s);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('never exceeds the cap while a commune-essential ANM component is below 2', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const anm = input.catalogue.components.filter((c) => c.group === 'ANM' && c.tier === 'commune-essential');
        const holding = anm.some((c) => {
          const a = input.answers[c.code];
          const counted = !c.open || (a?.openName ?? '').trim() !== '';
          return counted && !(c.open && a?.status === 'na') && rank(a?.status) < 2;
        });
        const r = scoreAssessment(input);
        if (holding) expect(r.level).toBeLessThanOrEqual(2);
        if (!holding) expect(r.gatesApplied).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('caps a commune that is otherwise at full marks as soon as one essential ANM item drops below 2', () => {
    const area = ['urban' as const];
    const gateItems = realCatalogue.components.filter((c) => c.group === 'ANM' && c.tier === 'commune-essential' && !c.open);
    fc.assert(
      fc.property(fc.constantFrom(...gateItems), fc.constantFrom<0 | 1 | null>(null, 0, 1), (c, status) => {
        const answers = { ...allAt(realCatalogue, area, 3), [c.code]: answer(c.code, status) };
        const r = scoreAssessment({ catalogue: realCatalogue, methodology, areaTypes: area, answers });
        expect(r.indexLevel).toBeGreaterThan(2);
        expect(r).toMatchObject({ level: 2, gatesApplied: ['anm-prerequisite'] });
      }),
    );
  });
});
