/**
 * One indicator: what a valid value is (with the reason when it is not) and the fraction of its
 * maximum that the answer earns, exactly. An invalid value earns nothing and counts as unanswered;
 * the phone shows the reason on the card and the server refuses it.
 */
import { normalizeText } from '../answer-rules';
import { cmp, div, min, ONE, parseRational, rat, ZERO } from './rational';
import type { Rational } from './rational';
import type { CriteriaIndicator } from './schema';
import { measuredValue } from './measured';
import type { MeasuredInputs, NotMeasured } from './measured';
import type { Answer, IndicatorValue } from '../types';

export type ValueProblem =
  | 'wrong-kind'
  | 'not-whole-number'
  | 'negative'
  | 'too-large'
  | 'a-above-b'
  | 'b-missing'
  | 'unknown-option'
  | 'out-of-range'
  | 'bad-status'
  | 'na-not-allowed'
  | NotMeasured;

export interface IndicatorOutcome {
  /** In the denominators: applicable, not N/A, not an unnamed open item, not b = 0 "not counted". */
  counted: boolean;
  /** Has a valid status or value. */
  answered: boolean;
  /** Of the indicator's maximum, 0–1. */
  fraction: Rational;
  problem: ValueProblem | null;
}

const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);

/** null when the value is valid for this indicator's input. */
export function checkValue(ind: CriteriaIndicator, v: IndicatorValue): ValueProblem | null {
  const input = ind.input;
  if (v.kind !== input.kind) return 'wrong-kind';
  switch (v.kind) {
    case 'yesno':
      return typeof v.yes === 'boolean' ? null : 'wrong-kind';
    case 'choice':
      return input.kind === 'choice' && input.options.some((o) => o.id === v.option) ? null : 'unknown-option';
    case 'number':
      if (!isCount(v.value)) return 'not-whole-number';
      if (v.value < 0) return 'negative';
      return input.kind === 'number' && input.max !== undefined && v.value > input.max ? 'too-large' : null;
    case 'pair':
      if (v.b === null || v.b === undefined) return 'b-missing';
      if (!isCount(v.a) || !isCount(v.b)) return 'not-whole-number';
      if (v.a < 0 || v.b < 0) return 'negative';
      return input.kind === 'pair' && input.aAtMostB && v.a > v.b ? 'a-above-b' : null;
    case 'percent':
      return typeof v.value === 'number' && Number.isFinite(v.value) && v.value >= 0 && v.value <= 100 ? null : 'out-of-range';
  }
}

const ladderPoints = (ladder: readonly { min: number; points: number }[], x: Rational): number => {
  let pts = 0;
  for (const st of ladder) if (cmp(x, parseRational(st.min)) >= 0) pts = st.points;
  return pts;
};

const unanswered = (problem: ValueProblem | null = null): IndicatorOutcome => ({
  counted: true,
  answered: false,
  fraction: ZERO,
  problem,
});

/** The answer this indicator reads: its component's (shared with the checklist) or its own. */
export const answerCode = (ind: CriteriaIndicator): string =>
  ind.input.kind === 'status' && ind.input.component !== undefined ? ind.input.component : ind.code;

/** No measured figures at all: every measured indicator is "no-tally". */
export const NOTHING_MEASURED: MeasuredInputs = { tally: null, population: null };

export function evaluateIndicator(
  ind: CriteriaIndicator,
  fractions: readonly Rational[],
  a: Answer | undefined,
  measured: MeasuredInputs = NOTHING_MEASURED,
): IndicatorOutcome {
  const { input, rule } = ind;
  if (input.kind === 'measured') {
    // Never the officer's answer: the figure measured; without one it is counted and scores 0.
    const m = measuredValue(input.metric, measured);
    if (!m.ok) return unanswered(m.reason);
    const ladder = rule.kind === 'steps' ? rule.steps : rule.kind === 'thresholds' ? rule.thresholds : undefined;
    if (!ladder) return unanswered('wrong-kind');
    return { counted: true, answered: true, fraction: div(rat(ladderPoints(ladder, m.value)), rat(ind.points)), problem: null };
  }
  if (input.kind === 'status') {
    const status: unknown = a?.status;
    if (status === 'na')
      return input.naAllowed ? { counted: false, answered: false, fraction: ZERO, problem: null } : unanswered('na-not-allowed');
    if (input.countOnlyWhenNamed) {
      const named = typeof a?.openName === 'string' && normalizeText(a.openName) !== '';
      if (!named) return { counted: false, answered: false, fraction: ZERO, problem: null };
    }
    if (status === null || status === undefined) return unanswered();
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 0 || status > 3) return unanswered('bad-status');
    return { counted: true, answered: true, fraction: fractions[status] ?? ZERO, problem: null };
  }
  const v = a?.value;
  if (v === undefined || v === null) return unanswered();
  const problem = checkValue(ind, v);
  if (problem) return unanswered(problem);
  const ok = (fraction: Rational): IndicatorOutcome => ({ counted: true, answered: true, fraction, problem: null });
  const maxPoints = rat(ind.points);
  if (v.kind === 'yesno' && rule.kind === 'yesno') return ok(parseRational(v.yes ? rule.yes : rule.no));
  if (v.kind === 'choice' && rule.kind === 'choice') return ok(parseRational(rule.fractions[v.option] ?? 0));
  if (v.kind === 'number' && rule.kind === 'steps') return ok(div(rat(ladderPoints(rule.steps, rat(v.value))), maxPoints));
  if (v.kind === 'percent' && rule.kind === 'thresholds')
    return ok(div(rat(ladderPoints(rule.thresholds, parseRational(v.value))), maxPoints));
  if (v.kind === 'pair' && rule.kind === 'ratio' && v.b !== null) {
    if (v.b === 0) {
      if (rule.whenBIsZero === 'not-counted') return { counted: false, answered: true, fraction: ZERO, problem: null };
      return ok(rule.whenBIsZero === 'full' ? ONE : ZERO);
    }
    return ok(min(rat(v.a, v.b), ONE));
  }
  return unanswered('wrong-kind');
}
