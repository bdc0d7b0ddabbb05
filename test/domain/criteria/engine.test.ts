import { describe, expect, it } from 'vitest';
import { checkValue, criteriaGaps, parseCriteriaSet, scoreCriteria } from '../../../src/domain/criteria';
import type { CriteriaSet } from '../../../src/domain/criteria';
import type { AnswerMap } from '../../../src/domain/types';
import { at, mapOf, tinyCatalogue, tinySet, val } from './fixtures';

const set = parseCriteriaSet(tinySet(), tinyCatalogue);
const score = (answers: AnswerMap, s: CriteriaSet = set, areaTypes: ('rural' | 'urban')[] = ['urban']) =>
  scoreCriteria({ set: s, catalogue: tinyCatalogue, areaTypes, answers });
const points = (answers: AnswerMap, code: string) => score(answers).indicators.find((i) => i.code === code)?.points;

describe('rule kinds', () => {
  it('status: the fraction of its status, read from the linked component’s answer', () => {
    expect([null, 0, 1, 2, 3].map((s) => points(mapOf(at('HTS6', s as 0)), 'S1'))).toEqual([0, 0, 5, 10, 15]);
    // N/A where the input forbids it is unanswered (worth 0, still counted) and reported.
    const na = score(mapOf(at('HTS6', 'na'))).indicators[0];
    expect(na).toMatchObject({ counted: true, answered: false, points: 0, problem: 'na-not-allowed' });
  });

  it('yes/no: the fraction for yes or for no', () => {
    expect(points(mapOf(val('Y1', { kind: 'yesno', yes: true })), 'Y1')).toBe(10);
    expect(points(mapOf(val('Y1', { kind: 'yesno', yes: false })), 'Y1')).toBe(0);
  });

  it('choice: the option’s fraction (head is chairman: full, vice: ½, none: 0)', () => {
    const of = (option: string) => points(mapOf(val('C1', { kind: 'choice', option })), 'C1');
    expect([of('chair'), of('vice'), of('none')]).toEqual([15, 7.5, 0]);
    expect(score(mapOf(val('C1', { kind: 'choice', option: 'mayor' }))).indicators[2]?.problem).toBe('unknown-option');
  });

  it('steps: the points of the highest step reached (4 meetings: 20, 3: 15, 2: 10, 1: 5, else 0)', () => {
    const of = (value: number) => points(mapOf(val('N1', { kind: 'number', value })), 'N1');
    expect([0, 1, 2, 3, 4, 12].map(of)).toEqual([0, 5, 10, 15, 20, 20]);
  });

  it('ratio: a/b × maximum, capped, b = 0 as the set says', () => {
    const of = (a: number, b: number, s: CriteriaSet = set) =>
      scoreCriteria({ set: s, catalogue: tinyCatalogue, areaTypes: [], answers: mapOf(val('R1', { kind: 'pair', a, b })) })
        .indicators[4];
    expect(of(1, 3)?.points).toBe(10);
    expect(of(2, 3)?.points).toBe(20);
    expect(of(0, 0)).toMatchObject({ points: 0, counted: true });
    const loose = structuredClone(tinySet());
    const r1 = loose.indicators[4]!;
    if (r1.input.kind === 'pair' && r1.rule.kind === 'ratio') {
      r1.input.aAtMostB = false;
      r1.rule.whenBIsZero = 'full';
    }
    expect(of(5, 3, loose)?.points).toBe(30); // capped at the maximum
    expect(of(0, 0, loose)?.points).toBe(30);
    if (r1.rule.kind === 'ratio') r1.rule.whenBIsZero = 'not-counted';
    expect(of(0, 0, loose)).toMatchObject({ counted: false, answered: true });
  });

  it('thresholds: the points of the highest threshold a percentage reaches', () => {
    const of = (value: number) => points(mapOf(val('P1', { kind: 'percent', value })), 'P1');
    expect([0, 49.99, 50, 89.9, 90, 100].map(of)).toEqual([0, 0, 5, 5, 10, 10]);
  });
});

describe('bad values are refused with their reason and earn nothing', () => {
  const [, , , n1, r1, p1] = set.indicators;
  it.each([
    [n1, { kind: 'number', value: -1 }, 'negative'],
    [n1, { kind: 'number', value: 1.5 }, 'not-whole-number'],
    [r1, { kind: 'pair', a: 4, b: 3 }, 'a-above-b'],
    [r1, { kind: 'pair', a: 4, b: null }, 'b-missing'],
    [r1, { kind: 'pair', a: -1, b: 3 }, 'negative'],
    [p1, { kind: 'percent', value: 101 }, 'out-of-range'],
    [p1, { kind: 'yesno', yes: true }, 'wrong-kind'],
  ] as const)('%#: %o → %s', (ind, value, problem) => {
    expect(checkValue(ind!, value)).toBe(problem);
    const r = scoreCriteria({ set, catalogue: tinyCatalogue, areaTypes: [], answers: mapOf(val(ind!.code, value)) });
    expect(r.indicators.find((i) => i.code === ind!.code)).toMatchObject({ points: 0, answered: false, problem });
  });
});

describe('aggregation, levels, gates and rounding', () => {
  const full = mapOf(
    at('HTS6', 3),
    val('Y1', { kind: 'yesno', yes: true }),
    val('C1', { kind: 'choice', option: 'chair' }),
    val('N1', { kind: 'number', value: 4 }),
    val('R1', { kind: 'pair', a: 7, b: 7 }),
    val('P1', { kind: 'percent', value: 95 }),
  );

  it('sum: groups are earned points, the total their sum; full marks are exactly the maximum', () => {
    const r = score(full);
    expect(r.total).toBe(100);
    expect(r.groups.map((g) => [g.id, g.score, g.max])).toEqual([
      ['A', 60, 60],
      ['B', 40, 40],
    ]);
    expect(r.level).toBe(3);
    expect(r.complete).toBe(true);
  });

  it('rounds once, at the end: three thirds of 10 points add to exactly 10, not 9.9', () => {
    const thirds = structuredClone(tinySet());
    thirds.total.points = 10;
    thirds.total.decimals = 1;
    thirds.groups = [{ id: 'A', vi: 'A', en: 'A', aggregate: 'sum', points: 10, ifNoneCounted: 'not-counted' }];
    thirds.levels = [{ level: 1, min: 0, vi: 'x', en: 'x' }];
    thirds.gates = [];
    thirds.indicators = [1, 2, 3].map((k) => ({
      ...tinySet().indicators[4]!,
      code: `R${k}`,
      group: 'A',
      points: k === 3 ? 4 : 3,
    }));
    const s = parseCriteriaSet(thirds);
    const third = (code: string) => val(code, { kind: 'pair', a: 1, b: 3 });
    const r = scoreCriteria({
      set: s,
      catalogue: tinyCatalogue,
      areaTypes: [],
      answers: mapOf(third('R1'), third('R2'), third('R3')),
    });
    expect(r.indicators.map((i) => i.points)).toEqual([1, 1, 1.3]);
    expect(r.total).toBe(3.3); // 10/3 exactly, rounded once
    const twoThirds = scoreCriteria({
      set: s,
      catalogue: tinyCatalogue,
      areaTypes: [],
      answers: mapOf(...['R1', 'R2', 'R3'].map((c) => val(c, { kind: 'pair', a: 2, b: 3 }))),
    });
    expect(twoThirds.total).toBe(6.7); // 20/3, half away from zero at the first decimal
  });

  it('mean: a weighted mean of the members’ fractions; a member with nothing counted is left out or counts 0', () => {
    const mean = structuredClone(tinySet());
    mean.total = { aggregate: 'mean', points: 100, decimals: 2 };
    mean.groups = [
      { id: 'A', vi: 'A', en: 'A', aggregate: 'mean', weight: 3, ifNoneCounted: 'not-counted' },
      { id: 'B', vi: 'B', en: 'B', aggregate: 'mean', weight: 1, ifNoneCounted: 'zero' },
    ];
    const s = parseCriteriaSet(mean);
    const answers = mapOf(at('HTS6', 3)); // A: S1 full (15 of 60 weight) → A = 1/4; B = 0
    const r = scoreCriteria({ set: s, catalogue: tinyCatalogue, areaTypes: [], answers });
    expect(r.groups.map((g) => g.score)).toEqual([25, 0]);
    expect(r.total).toBe(18.75); // (3 × 25 + 1 × 0) / 4
  });

  it('levels are read from the rounded total, so the level agrees with the number shown', () => {
    const edge = structuredClone(tinySet());
    edge.levels[1]!.min = 49.9;
    const s = parseCriteriaSet(edge);
    // Y1 yes 10 + C1 vice 7.5 + N1 three meetings 15 + P1 50 % 5 = 37.5, plus R1 = a/1000 × 30.
    const withRatio = (a: number) =>
      scoreCriteria({
        set: s,
        catalogue: tinyCatalogue,
        areaTypes: [],
        answers: mapOf(
          val('Y1', { kind: 'yesno', yes: true }),
          val('C1', { kind: 'choice', option: 'vice' }),
          val('N1', { kind: 'number', value: 3 }),
          val('P1', { kind: 'percent', value: 50 }),
          val('R1', { kind: 'pair', a, b: 1000 }),
        ),
      });
    expect([withRatio(411).total, withRatio(411).level]).toEqual([49.8, 1]); // 49.83
    expect([withRatio(412).total, withRatio(412).level]).toEqual([49.9, 2]); // 49.86, shown 49.9: level 2
  });

  it('a gate caps the level while its indicator scores below the bar, and its gap comes first', () => {
    const low = { ...full, ...mapOf(at('HTS6', 1)) };
    const r = score(low);
    expect([r.total, r.indexLevel, r.level, r.gatesApplied]).toEqual([90, 3, 2, ['status-gate']]);
    const gaps = criteriaGaps({
      set,
      catalogue: tinyCatalogue,
      areaTypes: ['urban'],
      answers: { ...low, ...mapOf(val('Y1', { kind: 'yesno', yes: false })) },
    });
    expect(gaps.map((g) => [g.code, g.gain, g.gate])).toEqual([
      ['S1', 10, true],
      ['Y1', 10, false],
    ]);
    expect(score({ ...full, ...mapOf(at('HTS6', 2)) }).gatesApplied).toEqual([]);
  });

  it('an indicator linked to a component that does not apply to the commune’s area types is left out', () => {
    const rural = structuredClone(tinySet());
    rural.groups[0]!.points = 65;
    rural.total.points = 105;
    rural.indicators.push({
      ...rural.indicators[0]!,
      code: 'S2',
      points: 5,
      input: { kind: 'status', component: 'HTS9', naAllowed: true },
    });
    const s = parseCriteriaSet(rural, tinyCatalogue);
    const answers = mapOf(at('HTS9', 3));
    expect(score(answers, s, ['urban']).indicators.at(-1)).toMatchObject({ applicable: false, points: 0 });
    expect(score(answers, s, ['rural']).indicators.at(-1)).toMatchObject({ applicable: true, points: 5 });
    // N/A where allowed leaves the denominators: the total is over the counted maximum.
    expect(score(mapOf(at('HTS9', 'na')), s, ['rural']).completeness.counted).toBe(6);
  });
});
