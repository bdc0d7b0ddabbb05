/**
 * The dashboard's and the commune list's figures under criteria sets. Rules, so that anyone can
 * recompute them by hand:
 * - a commune counts under the set and version its representing assessment names (the same
 *   assessment as everywhere else on the dashboard, after the same area-type filter);
 * - figures are per set and version, never mixed: a set's groups and points are its own;
 * - averages are plain means of the stored (rounded) points, rounded to one decimal; a group
 *   that counted for no commune (points null everywhere) has a null average;
 * - levels are counted on the level after gates, over the set's own levels.
 * A set the server does not hold is left out: the server refuses a submission naming one, and a
 * released set file is never removed (data/criteria/README.md), so this only guards bad data.
 */
import { criteriaSetKey, type CriteriaSet } from '../../domain/criteria';
import { round1 } from '../../domain/scoring';
import type { CriteriaRow } from '../repositories/criteria-scores';
import type { VerifiedRow } from '../repositories/verifications';
import type { ReferenceData } from '../reference-data';
import type { CommuneCriteria, CriteriaSetSummary } from '../schemas/provinces';
import { verifiedSetAverages } from './verified-stats';

/** Points added up to a total (the template's 1,000), rather than an index of weighted means. */
export const isPointBased = (set: CriteriaSet): boolean => set.total.aggregate === 'sum';

/** A group's maximum as the engine reports it (score.criteria.groups[].max). */
const groupMax = (g: CriteriaSet['groups'][number]): number => g.points ?? 100;

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : round1(values.reduce((s, v) => s + v, 0) / values.length);
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function criteriaSetSummaries(
  rows: readonly CriteriaRow[],
  reference: ReferenceData,
  verified: readonly VerifiedRow[] = [],
): CriteriaSetSummary[] {
  const bySet = new Map<string, CriteriaRow[]>();
  for (const row of rows) {
    const key = criteriaSetKey({ id: row.setId, version: row.setVersion });
    bySet.set(key, [...(bySet.get(key) ?? []), row]);
  }
  const summaries: CriteriaSetSummary[] = [];
  for (const key of [...bySet.keys()].sort(byKey)) {
    const set = reference.criteriaSets.get(key);
    const members = bySet.get(key) ?? [];
    if (!set) continue;
    const points = new Map<string, number[]>();
    for (const m of members) for (const [id, p] of m.groups) if (p !== null) points.set(id, [...(points.get(id) ?? []), p]);
    summaries.push({
      setId: set.id,
      setVersion: set.version,
      title: { vi: set.title.vi, en: set.title.en },
      notice: set.notice ? { vi: set.notice.vi, en: set.notice.en } : null,
      template: set.template,
      pointBased: isPointBased(set),
      communes: members.length,
      averageTotal: mean(members.map((m) => m.total)),
      max: set.total.points,
      levels: set.levels.map((l) => ({
        level: l.level,
        count: members.filter((m) => m.level === l.level).length,
        min: l.min,
        vi: l.vi,
        en: l.en,
      })),
      groups: set.groups.map((g) => ({
        id: g.id,
        parent: g.parent ?? null,
        vi: g.vi,
        en: g.en,
        average: mean(points.get(g.id) ?? []),
        max: groupMax(g),
      })),
      verified: verifiedSetAverages(
        verified,
        key,
        set.groups.map((g) => g.id),
      ),
    });
  }
  return summaries;
}

/** A commune's set and points for the commune list and its CSV; null without a set (or one not held). */
export function communeCriteria(row: CriteriaRow | undefined, reference: ReferenceData): CommuneCriteria | null {
  const set = row && reference.criteriaSets.get(criteriaSetKey({ id: row.setId, version: row.setVersion }));
  if (!row || !set) return null;
  const maxOf = new Map(set.groups.map((g) => [g.id, groupMax(g)]));
  return {
    setId: set.id,
    setVersion: set.version,
    template: set.template,
    pointBased: isPointBased(set),
    total: row.total,
    max: set.total.points,
    level: row.level,
    groups: row.groups.map(([id, points]) => ({ id, points, max: maxOf.get(id) ?? 100 })),
  };
}
