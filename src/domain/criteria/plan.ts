/**
 * The part of scoring a criteria set that depends only on (set, catalogue, area types): which
 * indicators apply, the tree of groups, each member's size in its parent, the exact fractions.
 * Built once and cached, so that rescoring on every tap is one pass over the answers.
 */
import { applicableComponents } from '../catalogue';
import { AREA_TYPES } from '../vocabulary';
import type { AreaType, Catalogue } from '../types';
import { parseRational, rat } from './rational';
import type { Rational } from './rational';
import type { CriteriaSet } from './schema';

export interface PlanMember {
  kind: 'group' | 'indicator';
  /** Index into set.groups or set.indicators. */
  index: number;
  /** Points in a "sum" parent, weight in a "mean" one. */
  size: Rational;
}

export interface CriteriaPlan {
  applicable: boolean[];
  /** Per indicator: the status rule's fractions (empty for other rules). */
  statusFractions: Rational[][];
  /** Members of each group (by index), and of the total (key -1), in set order. */
  members: Map<number, PlanMember[]>;
  gateBelow: Rational[];
}

function buildPlan(set: CriteriaSet, catalogue: Catalogue, areaTypes: readonly AreaType[]): CriteriaPlan {
  const open = new Set(applicableComponents(catalogue, areaTypes).map((c) => c.code));
  const applicable = set.indicators.map((ind) => {
    if (ind.areaTypes && !ind.areaTypes.some((t) => areaTypes.includes(t))) return false;
    return !(ind.input.kind === 'status' && ind.input.component !== undefined && !open.has(ind.input.component));
  });
  const groupIndex = new Map(set.groups.map((g, i) => [g.id, i]));
  const aggregateOf = (parent: number) => (parent < 0 ? set.total.aggregate : set.groups[parent]?.aggregate);
  const members = new Map<number, PlanMember[]>([[-1, []]]);
  set.groups.forEach((_, i) => members.set(i, []));
  set.groups.forEach((g, i) => {
    const parent = g.parent === undefined ? -1 : (groupIndex.get(g.parent) ?? -1);
    const size = aggregateOf(parent) === 'sum' ? (g.points ?? 0) : (g.weight ?? 1);
    members.get(parent)?.push({ kind: 'group', index: i, size: rat(size) });
  });
  set.indicators.forEach((ind, i) => {
    const parent = groupIndex.get(ind.group) ?? -1;
    members.get(parent)?.push({ kind: 'indicator', index: i, size: rat(ind.points) });
  });
  return {
    applicable,
    statusFractions: set.indicators.map((ind) => (ind.rule.kind === 'status' ? ind.rule.fractions.map(parseRational) : [])),
    members,
    gateBelow: set.gates.map((g) => parseRational(g.below)),
  };
}

const cache = new WeakMap<CriteriaSet, WeakMap<Catalogue, Map<string, CriteriaPlan>>>();

/** The cached plan; the set and catalogue objects are treated as immutable once loaded. */
export function criteriaPlan(set: CriteriaSet, catalogue: Catalogue, areaTypes: readonly AreaType[]): CriteriaPlan {
  let byCatalogue = cache.get(set);
  if (!byCatalogue) cache.set(set, (byCatalogue = new WeakMap()));
  let byArea = byCatalogue.get(catalogue);
  if (!byArea) byCatalogue.set(catalogue, (byArea = new Map()));
  // Canonical and bounded: unknown strings from a hostile payload cannot grow the cache.
  const chosen = AREA_TYPES.filter((t) => areaTypes.includes(t));
  const key = chosen.join('+');
  let plan = byArea.get(key);
  if (!plan) byArea.set(key, (plan = buildPlan(set, catalogue, chosen)));
  return plan;
}
