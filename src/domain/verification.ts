/**
 * Verification (thẩm định): the province checks each item of a submitted revision against its
 * evidence and either lets the officer's answer stand ("verified") or sets another value of the
 * same input kind ("adjusted", with a reason). The verified score is the score of the officer's
 * answers with the adjustments applied, by the same catalogue, methodology and criteria set.
 * Pure: the server decides with it; the reviewer screens and the phone read its shapes.
 */
import { applicableComponents } from './catalogue';
import { criteriaPlan } from './criteria/plan';
import { answerCode, checkValue, type ValueProblem } from './criteria/rules';
import type { CriteriaSet } from './criteria/schema';
import type { Submission } from './submission';
import type { Answer, Catalogue, IndicatorValue, ScoreResult } from './types';

export type VerificationOutcome = 'verified' | 'adjusted';

/** The new answer an adjustment sets: a status for a status item, a value of the item's own kind otherwise. */
export type AdjustedAnswer = { status: 0 | 1 | 2 | 3 } | { value: IndicatorValue };

/** What an item's answer is made of: a status, or a value of one criteria input kind. */
export type ItemInput = 'status' | IndicatorValue['kind'];

export interface VerifiableItem {
  /** The code of the answer in the submission (a component, or a criteria set's own indicator). */
  code: string;
  input: ItemInput;
}

/** One item's verification as it stands (the newest step for it). */
export interface VerificationItem {
  code: string;
  outcome: VerificationOutcome;
  adjusted?: AdjustedAnswer;
  reason?: string;
  by: string;
  at: string;
  /** The revision the step was taken on, when carried forward to an unchanged item of a newer one. */
  carriedFrom?: number;
}

/** The verification of one revision, as the server gives it to the reviewer and the phone. */
export interface VerificationView {
  assessmentId: string;
  revision: number;
  /** How many items the revision has to verify, and how many have a step. */
  itemCount: number;
  verifiedCount: number;
  adjustedCount: number;
  items: VerificationItem[];
  /** The server's score with the adjustments applied; null before the first step. */
  score: ScoreResult | null;
  updatedAt: string | null;
}

/** An average over at least 3 communes, or null (withheld: too few to hide any one commune). */
export type CommuneAverage = { average: number; communes: number } | null;

/** The phone's comparison: its commune beside the province's average and its area type's, per group. */
export interface Comparison {
  assessmentId: string;
  revision: number;
  basis: { kind: 'criteria' | 'methodology'; id: string; version: string | null };
  areaType: string | null;
  total: { commune: number; max: number; province: CommuneAverage; areaType: CommuneAverage };
  groups: {
    id: string;
    vi: string;
    en: string;
    max: number;
    commune: number | null;
    province: CommuneAverage;
    areaType: CommuneAverage;
  }[];
  computedAt: string;
}

/**
 * The items a revision is verified by: under a criteria set, its applicable indicators (by the
 * answer each reads); otherwise the components scored for the commune's area types.
 */
export function verifiableItems(submission: Submission, catalogue: Catalogue, set: CriteriaSet | undefined): VerifiableItem[] {
  if (!set) return applicableComponents(catalogue, submission.areaTypes).map((c) => ({ code: c.code, input: 'status' }));
  const plan = criteriaPlan(set, catalogue, submission.areaTypes);
  const seen = new Set<string>();
  const items: VerifiableItem[] = [];
  set.indicators.forEach((ind, i) => {
    const code = answerCode(ind);
    // A measured figure is the server's, not the officer's answer: nothing to verify or adjust.
    if (!plan.applicable[i] || seen.has(code) || ind.input.kind === 'measured') return;
    seen.add(code);
    items.push({ code, input: ind.input.kind });
  });
  return items;
}

export type AdjustmentProblem = 'unknown-item' | 'wrong-kind' | 'bad-status' | ValueProblem;

/** null when `adjusted` is a valid new answer for the item; otherwise why not. */
export function checkAdjustment(
  item: VerifiableItem | undefined,
  adjusted: AdjustedAnswer,
  set: CriteriaSet | undefined,
): AdjustmentProblem | null {
  if (!item) return 'unknown-item';
  if ('status' in adjusted) {
    if (item.input !== 'status') return 'wrong-kind';
    return [0, 1, 2, 3].includes(adjusted.status) ? null : 'bad-status';
  }
  if (item.input === 'status' || adjusted.value.kind !== item.input) return 'wrong-kind';
  const indicator = set?.indicators.find((ind) => ind.code === item.code);
  if (!indicator) return 'unknown-item';
  return checkValue(indicator, adjusted.value);
}

/** The submission with each adjusted item's answer replaced (notes kept; an N/A reason dropped with the N/A). */
export function applyAdjustments(submission: Submission, items: readonly VerificationItem[], at: string): Submission {
  const adjusted = new Map(items.flatMap((i) => (i.outcome === 'adjusted' && i.adjusted ? [[i.code, i.adjusted]] : [])));
  if (adjusted.size === 0) return submission;
  const answers: Answer[] = submission.answers.filter((a) => !adjusted.has(a.code));
  for (const original of submission.answers) {
    const change = adjusted.get(original.code);
    if (change) answers.push(replaced(original, change, at));
  }
  for (const [code, change] of adjusted) {
    if (!submission.answers.some((a) => a.code === code))
      answers.push(replaced({ code, status: null, updatedAt: at }, change, at));
  }
  return { ...submission, answers };
}

function replaced(original: Answer, change: AdjustedAnswer, at: string): Answer {
  const { naReason: _dropped, value: _value, ...rest } = original;
  if ('status' in change) return { ...rest, status: change.status, updatedAt: at };
  return { ...rest, status: null, value: change.value, updatedAt: at };
}
