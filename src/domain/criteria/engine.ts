/**
 * Scores an assessment under a criteria set, exactly. One module for the phone (advisory) and
 * the server (authoritative). Every member of a group has a size (points in a "sum" group,
 * weight in a "mean" one); a group's fraction is Σ(size × fraction) / Σ size over its counted
 * members, so "sum" is earned points over counted maximum and "mean" a weighted mean. The total
 * is the same over the top-level groups, times total.points. Rounding happens once, for display;
 * the level is read from the rounded total, so it always agrees with the number shown.
 */
import { effectiveAnswers } from '../same-items';
import { criteriaPlan } from './plan';
import type { CriteriaPlan, PlanMember } from './plan';
import { add, cmp, div, isZero, mul, ONE, rat, sub, ZERO } from './rational';
import type { Rational } from './rational';
import { answerCode, evaluateIndicator } from './rules';
import type { IndicatorOutcome } from './rules';
import type { MeasuredInputs } from './measured';
import type { CriteriaSet } from './schema';
import type { AnswerMap, AreaType, Catalogue } from '../types';

export interface CriteriaScoringInput {
  set: CriteriaSet;
  catalogue: Catalogue;
  areaTypes: readonly AreaType[];
  answers: AnswerMap;
  /** The commune's measured figures for "measured" inputs (./measured.ts); omitted: none. */
  measured?: MeasuredInputs;
}

/** empty: nothing applies under it; not-counted: all N/A (or "not counted"); counted: in its parent's sums. */
export type NodeState = 'empty' | 'not-counted' | 'counted';

export interface RawNode {
  state: NodeState;
  fraction: Rational;
  /** Σ size of counted members: the denominator. */
  countedSize: Rational;
  counted: number;
  answered: number;
}

export interface CriteriaRaw {
  plan: CriteriaPlan;
  outcomes: (IndicatorOutcome | null)[];
  groups: RawNode[];
  root: RawNode;
  /** Exact total, in the set's points (0…total.points). */
  total: Rational;
  /** Per indicator: total points gained per unit of its fraction (0 when not in the total). */
  slope: Rational[];
  gateHolds: boolean[];
}

function aggregate(members: readonly PlanMember[], nodeOf: (m: PlanMember) => RawNode, zeroWhenNoneCounted: boolean): RawNode {
  let num = ZERO;
  let den = ZERO;
  let counted = 0;
  let answered = 0;
  let any = false;
  for (const m of members) {
    const node = nodeOf(m);
    counted += node.counted;
    answered += node.answered;
    if (node.state === 'empty') continue;
    any = true;
    if (node.state !== 'counted') continue;
    num = add(num, mul(m.size, node.fraction));
    den = add(den, m.size);
  }
  if (!any) return { state: 'empty', fraction: ZERO, countedSize: ZERO, counted, answered };
  if (isZero(den))
    return { state: zeroWhenNoneCounted ? 'counted' : 'not-counted', fraction: ZERO, countedSize: ZERO, counted, answered };
  return { state: 'counted', fraction: div(num, den), countedSize: den, counted, answered };
}

export function computeCriteria(input: CriteriaScoringInput): CriteriaRaw {
  const { set, catalogue, areaTypes } = input;
  const plan = criteriaPlan(set, catalogue, areaTypes);
  // The catalogue's same-item rule (../same-items.ts): one answer counts for each member that applies.
  const answers = effectiveAnswers(catalogue, areaTypes, input.answers);
  const outcomes = set.indicators.map((ind, i) =>
    plan.applicable[i] ? evaluateIndicator(ind, plan.statusFractions[i] ?? [], answers[answerCode(ind)], input.measured) : null,
  );
  const leaf = (i: number): RawNode => {
    const o = outcomes[i];
    if (!o) return { state: 'empty', fraction: ZERO, countedSize: ZERO, counted: 0, answered: 0 };
    return {
      state: o.counted ? 'counted' : 'not-counted',
      fraction: o.fraction,
      countedSize: ZERO,
      counted: o.counted ? 1 : 0,
      answered: o.counted && o.answered ? 1 : 0,
    };
  };
  const groups: RawNode[] = new Array<RawNode>(set.groups.length);
  const nodeOf = (m: PlanMember): RawNode => (m.kind === 'indicator' ? leaf(m.index) : groupNode(m.index));
  // Validated sets have no cycles, so this recursion ends; each group is computed once.
  function groupNode(i: number): RawNode {
    const done = groups[i];
    if (done) return done;
    const node = aggregate(plan.members.get(i) ?? [], nodeOf, set.groups[i]?.ifNoneCounted === 'zero');
    groups[i] = node;
    return node;
  }
  set.groups.forEach((_, i) => groupNode(i));
  const root = aggregate(plan.members.get(-1) ?? [], nodeOf, true);
  const total = mul(root.fraction, rat(set.total.points));

  // Slopes, top-down: d(total)/d(member fraction) = parent's slope × size / parent's counted size.
  const slope = set.indicators.map(() => ZERO);
  const descend = (parent: number, parentSlope: Rational, parentNode: RawNode) => {
    if (parentNode.state !== 'counted' || isZero(parentNode.countedSize)) return;
    for (const m of plan.members.get(parent) ?? []) {
      const node = nodeOf(m);
      if (node.state !== 'counted') continue;
      const s = div(mul(parentSlope, m.size), parentNode.countedSize);
      if (m.kind === 'indicator') slope[m.index] = s;
      else descend(m.index, s, node);
    }
  };
  descend(-1, rat(set.total.points), root);

  const gateHolds = set.gates.map((g, k) => {
    const below = plan.gateBelow[k] ?? ONE;
    return g.indicators.some((code) => {
      const i = set.indicators.findIndex((x) => x.code === code);
      const o = outcomes[i];
      return o !== null && o !== undefined && o.counted && cmp(o.fraction, below) < 0;
    });
  });
  return { plan, outcomes, groups, root, total, slope, gateHolds };
}

/** Points the total would gain by bringing indicator i to its maximum, exactly. */
export function exactGain(raw: CriteriaRaw, i: number): Rational {
  const o = raw.outcomes[i];
  if (!o?.counted) return ZERO;
  return mul(raw.slope[i] ?? ZERO, sub(ONE, o.fraction));
}
