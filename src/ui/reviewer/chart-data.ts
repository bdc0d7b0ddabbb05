/**
 * Shaping the province summary for the dashboard's charts and their table alternatives. Pure:
 * the same arrays feed Chart.js and the tables, so what is drawn is what is read.
 */
import type { CoverageRow, LevelCount, ProvinceSummary, ScorePair } from './types';

export const LEVELS = [1, 2, 3, 4, 5] as const;
export const LAYERS = [1, 2, 3, 4] as const;

/** Communes per level 1–5, zero where the server sent nothing. */
export function levelCounts(levels: readonly LevelCount[]): number[] {
  return LEVELS.map((l) => levels.filter((x) => x.level === l).reduce((n, x) => n + x.count, 0));
}

/** Share of the submitted communes at each level, 0–1 (all zero when none submitted). */
export function levelShares(levels: readonly LevelCount[]): number[] {
  const counts = levelCounts(levels);
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((c) => (total === 0 ? 0 : c / total));
}

export interface PairSeries {
  province: (number | null)[];
  national: (number | null)[];
}

/** Province vs national score per layer 1–4, null where there is no data. */
export function layerSeries(layers: readonly (ScorePair & { layer: number })[]): PairSeries {
  const find = (l: number) => layers.find((x) => x.layer === l);
  return {
    province: LAYERS.map((l) => roundOrNull(find(l)?.province)),
    national: LAYERS.map((l) => roundOrNull(find(l)?.national)),
  };
}

/** Group scores in the methodology's order, null where absent. */
export function groupSeries(groups: ProvinceSummary['groups'], order: readonly string[]): PairSeries {
  const find = (id: string) => groups.find((g) => g.id === id);
  return {
    province: order.map((id) => roundOrNull(find(id)?.province)),
    national: order.map((id) => roundOrNull(find(id)?.national)),
  };
}

function roundOrNull(n: number | null | undefined): number | null {
  return typeof n === 'number' && Number.isFinite(n) ? Math.round(n * 10) / 10 : null;
}

/** submitted / total as 0–1; 0 when the province has no commune. */
export function submissionRatio(communes: { total: number; submitted: number }): number {
  return communes.total > 0 ? Math.min(1, communes.submitted / communes.total) : 0;
}

/** Weakest first (lowest share), then the most communes concerned, then by code; rows with no communes last. */
export function weakestFirst(rows: readonly CoverageRow[]): CoverageRow[] {
  return [...rows].sort((a, b) => {
    if ((a.counted === 0) !== (b.counted === 0)) return a.counted === 0 ? 1 : -1;
    return a.share - b.share || b.counted - a.counted || a.code.localeCompare(b.code);
  });
}

/** The largest value a bar axis needs, rounded up to a whole step so the ticks read well. */
export function niceMax(values: readonly number[], step = 5): number {
  const max = Math.max(0, ...values);
  return Math.max(step, Math.ceil(max / step) * step);
}
