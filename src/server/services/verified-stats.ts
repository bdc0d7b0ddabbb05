/**
 * The dashboard's verified averages (issue #14): the province's mean self-assessed score beside
 * its mean verified score. Rules, so that anyone can recompute them by hand:
 * - only counted communes (the dashboard's representing assessment, after the area-type filter)
 *   whose representing revision has a verification (at least one step) are averaged, and BOTH
 *   means are taken over exactly those communes, so self and verified compare like with like;
 * - the index and the provisional method's groups over every such commune (groups by id, through
 *   each commune's methodology); a criteria set's total and groups over the communes under that
 *   set and version only, never mixed;
 * - plain means of the stored (rounded) scores, rounded to one decimal; null values left out.
 */
import { round1 } from '../../domain/scoring';
import type { VerifiedRow } from '../repositories/verifications';
import type { ReferenceData } from '../reference-data';
import type { SelfVerified, VerifiedAverages } from '../schemas/provinces';

class Means {
  private readonly sums = new Map<string, { self: number[]; verified: number[] }>();
  add(id: string, self: number | null, verified: number | null): void {
    const s = this.sums.get(id) ?? { self: [], verified: [] };
    if (self !== null) s.self.push(self);
    if (verified !== null) s.verified.push(verified);
    this.sums.set(id, s);
  }
  pair(id: string): SelfVerified {
    const s = this.sums.get(id);
    return { self: mean(s?.self ?? []), verified: mean(s?.verified ?? []) };
  }
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : round1(values.reduce((a, v) => a + v, 0) / values.length);
}

/** Province-wide: index and the current methodology's groups. */
export function verifiedAverages(rows: readonly VerifiedRow[], reference: ReferenceData): VerifiedAverages {
  const means = new Means();
  for (const r of rows) {
    means.add('index', r.selfIndex, r.verified.index);
    const defs = reference.methodologies.get(r.methodologyId)?.scoreGroups ?? [];
    defs.forEach((g, slot) => {
      means.add(`g:${g.id}`, r.selfGroups[slot] ?? null, r.verified.groups.find((v) => v.id === g.id)?.score ?? null);
    });
  }
  const groups = reference.methodologies.get(reference.current.methodologyId)?.scoreGroups ?? [];
  return {
    communes: rows.length,
    index: means.pair('index'),
    groups: groups.map((g) => ({ id: g.id, ...means.pair(`g:${g.id}`) })),
  };
}

/** Under one criteria set and version ("id@version"): its total and its own groups, in the given order. */
export function verifiedSetAverages(rows: readonly VerifiedRow[], key: string, groupIds: readonly string[]): VerifiedAverages {
  const means = new Means();
  const members = rows.filter((r) => r.criteria?.key === key);
  for (const r of members) {
    const criteria = r.criteria!;
    means.add('total', criteria.total, r.verified.criteria?.total ?? null);
    const self = new Map(criteria.groups);
    for (const id of groupIds)
      means.add(`g:${id}`, self.get(id) ?? null, r.verified.criteria?.groups.find((g) => g.id === id)?.score ?? null);
  }
  return {
    communes: members.length,
    index: means.pair('total'),
    groups: groupIds.map((id) => ({ id, ...means.pair(`g:${id}`) })),
  };
}
