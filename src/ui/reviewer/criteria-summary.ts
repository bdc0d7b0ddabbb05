/**
 * The dashboard's criteria-set sections and the commune list's points, from the server's figures
 * (summary.criteriaSets, row.criteria). Only point-based sets get a section or a points cell: an
 * index like the provisional method's is already the dashboard's index. Pure, so it is tested.
 */
import type { CommuneRow, CriteriaSetSummary } from './types';

/** The point-based sets some counted commune is under, in the server's order (by id@version). */
export function pointBasedSets(sets: readonly CriteriaSetSummary[]): CriteriaSetSummary[] {
  return sets.filter((s) => s.pointBased && s.communes > 0);
}

export interface SummaryGroupRow {
  id: string;
  name: string;
  depth: number;
  average: number | null;
  max: number;
}

/** A set's groups with their average points, nested groups right under their parent. */
export function summaryGroupRows(set: CriteriaSetSummary, lang: string): SummaryGroupRow[] {
  const rows: SummaryGroupRow[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const g of set.groups.filter((x) => x.parent === parent)) {
      rows.push({ id: g.id, name: lang === 'vi' ? g.vi : g.en, depth, average: g.average, max: g.max });
      walk(g.id, depth + 1);
    }
  };
  walk(null, 0);
  return rows;
}

/** Communes per level of the set, and their share of the set's communes (0–1). */
export function setLevelShares(set: CriteriaSetSummary): { level: number; count: number; share: number }[] {
  return set.levels.map((l) => ({ level: l.level, count: l.count, share: set.communes === 0 ? 0 : l.count / set.communes }));
}

/** A commune's points under a point-based set, for the list; undefined otherwise. */
export function communePoints(row: CommuneRow): NonNullable<CommuneRow['criteria']> | undefined {
  return row.criteria?.pointBased ? row.criteria : undefined;
}

/** An id for the section's heading: the set key with only the characters an id reference keeps readable. */
export function setAnchor(set: Pick<CriteriaSetSummary, 'setId' | 'setVersion'>): string {
  return `rv-set-${`${set.setId}-${set.setVersion}`.replace(/[^A-Za-z0-9-]+/g, '-')}`;
}
