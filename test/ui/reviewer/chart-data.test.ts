import { describe, expect, it } from 'vitest';
import {
  groupSeries,
  layerSeries,
  levelCounts,
  levelShares,
  niceMax,
  submissionRatio,
  weakestFirst,
} from '../../../src/ui/reviewer/chart-data';
import type { CoverageRow } from '../../../src/ui/reviewer/types';

function cov(code: string, covered: number, counted: number): CoverageRow {
  return {
    code,
    group: 'HTS',
    tier: 'commune-essential',
    areaType: null,
    vi: code,
    counted,
    covered,
    share: counted ? covered / counted : 0,
  };
}

describe('chart data', () => {
  it('fills every level 1–5, zero where missing', () => {
    expect(
      levelCounts([
        { level: 3, count: 4 },
        { level: 1, count: 1 },
      ]),
    ).toEqual([1, 0, 4, 0, 0]);
    expect(levelCounts([])).toEqual([0, 0, 0, 0, 0]);
    expect(
      levelShares([
        { level: 2, count: 1 },
        { level: 3, count: 3 },
      ]),
    ).toEqual([0, 0.25, 0.75, 0, 0]);
    expect(levelShares([])).toEqual([0, 0, 0, 0, 0]);
  });

  it('pairs province and national per layer, rounded, null where absent', () => {
    const s = layerSeries([
      { layer: 2, province: 51.26, national: 48 },
      { layer: 1, province: null, national: 30.04 },
    ]);
    expect(s).toEqual({ province: [null, 51.3, null, null], national: [30, 48, null, null] });
  });

  it('orders groups as the methodology does', () => {
    const s = groupSeries(
      [
        { id: 'ANM', layer: 1, province: 20, national: 25 },
        { id: 'HTS', layer: 1, province: 60, national: Number.NaN },
      ],
      ['HTS', 'ANM', 'DL'],
    );
    expect(s).toEqual({ province: [60, 20, null], national: [null, 25, null] });
  });

  it('computes the submitted share safely', () => {
    expect(submissionRatio({ total: 8, submitted: 2 })).toBe(0.25);
    expect(submissionRatio({ total: 0, submitted: 0 })).toBe(0);
  });

  it('sorts coverage weakest first, bigger groups first on ties, empty rows last', () => {
    const sorted = weakestFirst([cov('A', 3, 4), cov('B', 0, 0), cov('C', 1, 4), cov('D', 2, 8), cov('E', 1, 4)]);
    expect(sorted.map((r) => r.code)).toEqual(['D', 'C', 'E', 'A', 'B']);
  });

  it('rounds the axis maximum up to a whole step', () => {
    expect(niceMax([0, 0])).toBe(5);
    expect(niceMax([3, 11])).toBe(15);
    expect(niceMax([10], 10)).toBe(10);
  });
});
