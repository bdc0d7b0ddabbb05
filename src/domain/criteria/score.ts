/**
 * The public result of scoring under a criteria set: plain numbers, rounded once for display
 * as the set says (the exact values stay in computeCriteria). The shape the summary, the report,
 * the server and the reviewer read.
 */
import { computeCriteria, exactGain } from './engine';
import type { CriteriaRaw, CriteriaScoringInput } from './engine';
import { add, cmp, mul, rat, roundTo } from './rational';
import type { Rational } from './rational';
import type { MeasuredInputs } from './measured';
import type { ValueProblem } from './rules';
import type { CriteriaSet } from './schema';
import { sharedMembers } from '../same-items';
import type { Actor, Status } from '../types';

export interface CriteriaGroupScore {
  id: string;
  parent: string | null;
  /** Rounded for display; null when nothing in it is counted (or nothing applies). */
  score: number | null;
  /** What score is out of: the group's points, or 100 for a group without points. */
  max: number;
  counted: number;
  answered: number;
}

export interface CriteriaIndicatorScore {
  code: string;
  applicable: boolean;
  counted: boolean;
  answered: boolean;
  /** Points earned, rounded for display (of `max`). */
  points: number;
  max: number;
  problem: ValueProblem | null;
}

export interface CriteriaScore {
  setId: string;
  setVersion: string;
  /** The total, rounded to total.decimals; out of `max`. */
  total: number;
  max: number;
  indexLevel: number;
  level: number;
  gatesApplied: string[];
  groups: CriteriaGroupScore[];
  indicators: CriteriaIndicatorScore[];
  completeness: { answered: number; counted: number; requiredAnswered: number; requiredTotal: number };
  /** Every applicable required indicator answered. */
  complete: boolean;
  /** The measured figures the set's "measured" indicators were scored from (present only for such a set). */
  measured?: MeasuredInputs;
}

export interface CriteriaGap {
  code: string;
  group: string;
  status: Status | null;
  /** Total points gained by bringing it to full, rounded to two decimals. */
  gain: number;
  /** Holds a gate. */
  gate: boolean;
  actor: Actor;
}

/** The highest level whose lower bound the (rounded) total reaches. */
export function criteriaLevel(total: number, set: CriteriaSet): number {
  let level = set.levels[0]?.level ?? 1;
  for (const l of set.levels) if (total >= l.min) level = l.level;
  return level;
}

export function scoreCriteria(input: CriteriaScoringInput, raw: CriteriaRaw = computeCriteria(input)): CriteriaScore {
  const { set } = input;
  const d = set.total.decimals;
  const groups = set.groups.map((g, i): CriteriaGroupScore => {
    const node = raw.groups[i];
    const max = g.points ?? 100;
    const score = node?.state === 'counted' ? roundTo(mul(node.fraction, rat(max)), d) : null;
    return { id: g.id, parent: g.parent ?? null, score, max, counted: node?.counted ?? 0, answered: node?.answered ?? 0 };
  });
  let requiredTotal = 0;
  let requiredAnswered = 0;
  const indicators = set.indicators.map((ind, i): CriteriaIndicatorScore => {
    const o = raw.outcomes[i];
    if (o && ind.required) {
      requiredTotal++;
      if (o.answered) requiredAnswered++;
    }
    return {
      code: ind.code,
      applicable: o !== null && o !== undefined,
      counted: o?.counted ?? false,
      answered: o?.answered ?? false,
      points: o ? roundTo(mul(o.fraction, rat(ind.points)), d) : 0,
      max: ind.points,
      problem: o?.problem ?? null,
    };
  });
  const total = roundTo(raw.total, d);
  const indexLevel = criteriaLevel(total, set);
  let level = indexLevel;
  const gatesApplied: string[] = [];
  set.gates.forEach((gate, k) => {
    if (!raw.gateHolds[k] || gate.capLevel >= indexLevel) return;
    gatesApplied.push(gate.id);
    level = Math.min(level, gate.capLevel);
  });
  return {
    setId: set.id,
    setVersion: set.version,
    total,
    max: set.total.points,
    indexLevel,
    level,
    gatesApplied,
    groups,
    indicators,
    completeness: { answered: raw.root.answered, counted: raw.root.counted, requiredAnswered, requiredTotal },
    complete: requiredAnswered === requiredTotal,
    ...(set.indicators.some((ind) => ind.input.kind === 'measured')
      ? { measured: input.measured ?? { tally: null, population: null } }
      : {}),
  };
}

/** What to do next: every counted indicator below full; gate items first, then the biggest exact gain. */
export function criteriaGaps(input: CriteriaScoringInput, raw: CriteriaRaw = computeCriteria(input)): CriteriaGap[] {
  const { set, answers, catalogue } = input;
  const exploit = new Set(catalogue.components.filter((c) => c.exploit).map((c) => c.code));
  const rows: { gap: CriteriaGap; exact: Rational; order: number }[] = [];
  set.indicators.forEach((ind, i) => {
    const o = raw.outcomes[i];
    if (!o?.counted || cmp(o.fraction, rat(1)) >= 0) return;
    const exact = exactGain(raw, i);
    if (exact.n === 0n && raw.slope[i]?.n === 0n) return;
    const component = ind.input.kind === 'status' ? ind.input.component : undefined;
    const gate = set.gates.some(
      (g, k) => g.indicators.includes(ind.code) && cmp(o.fraction, raw.plan.gateBelow[k] ?? rat(1)) < 0,
    );
    rows.push({
      gap: {
        code: ind.code,
        group: ind.group,
        status: ind.input.kind === 'status' ? (answers[component ?? ind.code]?.status ?? null) : null,
        gain: roundTo(exact, 2),
        gate,
        actor: ind.actor ?? (component !== undefined && exploit.has(component) ? 'province' : 'commune'),
      },
      exact,
      order: i,
    });
  });
  // A same item asked once (../same-items.ts) is one gap, under the code asked: its members' gains add up.
  const members = sharedMembers(catalogue, input.areaTypes);
  const byCode = new Map(rows.map((r) => [r.gap.code, r]));
  for (const [member, asked] of members) {
    const row = byCode.get(member);
    const target = byCode.get(asked);
    if (!row || !target) continue;
    target.exact = add(target.exact, row.exact);
    target.gap.gain = roundTo(target.exact, 2);
    target.gap.gate ||= row.gap.gate;
  }
  const merged =
    members.size === 0 ? rows : rows.filter((r) => !(members.has(r.gap.code) && byCode.has(members.get(r.gap.code) ?? '')));
  merged.sort((a, b) => {
    if (a.gap.gate !== b.gap.gate) return a.gap.gate ? -1 : 1;
    return cmp(b.exact, a.exact) || a.order - b.order;
  });
  return merged.map((r) => r.gap);
}
