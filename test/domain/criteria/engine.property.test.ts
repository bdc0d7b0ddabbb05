import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeCriteria, exactGain, parseCriteriaSet, scoreCriteria } from '../../../src/domain/criteria';
import { add, cmp, mul, parseRational, rat, roundTo, sub, ZERO } from '../../../src/domain/criteria/rational';
import type { Rational } from '../../../src/domain/criteria/rational';
import type { Answer, AnswerMap, IndicatorValue, Status } from '../../../src/domain/types';
import { at, mapOf, tinyCatalogue, tinySet, val } from './fixtures';

const set = parseCriteriaSet(tinySet(), tinyCatalogue);
const small = fc.integer({ min: 0, max: 12 });
const answersArb: fc.Arbitrary<AnswerMap> = fc
  .record({
    s: fc.constantFrom<Status | null>(null, 0, 1, 2, 3, 'na'),
    y: fc.option(fc.boolean()),
    c: fc.option(fc.constantFrom('chair', 'vice', 'none', 'other')),
    n: fc.option(fc.integer({ min: -2, max: 9 })),
    r: fc.option(fc.tuple(small, fc.option(small))),
    p: fc.option(fc.double({ min: -5, max: 105, noNaN: true })),
  })
  .map(({ s, y, c, n, r, p }) => {
    const list: Answer[] = [at('HTS6', s)];
    const add = (code: string, v: IndicatorValue | null) => v && list.push(val(code, v));
    add('Y1', y === null ? null : { kind: 'yesno', yes: y });
    add('C1', c === null ? null : { kind: 'choice', option: c });
    add('N1', n === null ? null : { kind: 'number', value: n });
    add('R1', r === null ? null : { kind: 'pair', a: r[0], b: r[1] });
    add('P1', p === null ? null : { kind: 'percent', value: p });
    return mapOf(...list);
  });
const input = (answers: AnswerMap) => ({ set, catalogue: tinyCatalogue, areaTypes: [], answers });

describe('criteria engine properties', () => {
  it('keeps the total within 0…maximum, equal to the exact sum of its groups and of its indicators', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const raw = computeCriteria(input(answers));
        expect(cmp(raw.total, ZERO)).toBeGreaterThanOrEqual(0);
        expect(cmp(raw.total, rat(100))).toBeLessThanOrEqual(0);
        const byGroups = raw.groups.reduce((t, g, i) => add(t, mul(g.fraction, rat(set.groups[i]?.points ?? 0))), ZERO);
        const byIndicators = raw.outcomes.reduce(
          (t, o, i) => add(t, mul(o?.fraction ?? ZERO, rat(set.indicators[i]?.points ?? 0))),
          ZERO,
        );
        expect(byGroups).toEqual(raw.total);
        expect(byIndicators).toEqual(raw.total);
        const r = scoreCriteria(input(answers), raw);
        expect(r.level).toBeLessThanOrEqual(r.indexLevel);
        expect(Math.abs(r.total - Number(raw.total.n) / Number(raw.total.d))).toBeLessThanOrEqual(0.05 + 1e-12);
      }),
      { numRuns: 500 },
    );
  });

  it('gains are exact: bringing an indicator to full raises the total by exactly its gain', () => {
    const fullValue: Record<string, Answer> = mapOf(
      at('HTS6', 3),
      val('Y1', { kind: 'yesno', yes: true }),
      val('C1', { kind: 'choice', option: 'chair' }),
      val('N1', { kind: 'number', value: 4 }),
      val('R1', { kind: 'pair', a: 1, b: 1 }),
      val('P1', { kind: 'percent', value: 100 }),
    );
    fc.assert(
      fc.property(answersArb, fc.nat(5), (answers, k) => {
        const raw = computeCriteria(input(answers));
        const ind = set.indicators[k]!;
        const code = ind.input.kind === 'status' ? 'HTS6' : ind.code;
        if (!raw.outcomes[k]?.counted) return;
        const after = computeCriteria(input({ ...answers, [code]: fullValue[code] }));
        expect(sub(after.total, raw.total)).toEqual(exactGain(raw, k));
      }),
      { numRuns: 500 },
    );
  });

  it('rounds once, half away from zero, to the set’s decimals', () => {
    const abs = (x: Rational) => (x.n < 0n ? rat(-x.n, x.d) : x);
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
        fc.nat(3),
        (n, d, decimals) => {
          const x = rat(n, d);
          const shown = parseRational(roundTo(x, decimals));
          const half = rat(1, 2n * 10n ** BigInt(decimals));
          const off = cmp(abs(sub(x, shown)), half);
          expect(off).toBeLessThanOrEqual(0); // within half a unit of the last decimal
          if (off === 0) expect(cmp(abs(shown), abs(x))).toBe(1); // a tie goes away from zero
        },
      ),
      { numRuns: 1000 },
    );
    expect([
      roundTo(rat(1, 20), 1),
      roundTo(rat(-1, 20), 1),
      roundTo(rat(2495, 100), 1),
      roundTo(rat(2494999, 100000), 1),
    ]).toEqual([0.1, -0.1, 25, 24.9]);
  });
});
