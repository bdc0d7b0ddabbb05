/**
 * The one definition of "answered" and of what the progress counts, used by every screen (home
 * card, checklist header, group headers, summary, reviewer history) and by the server.
 *
 * - An item is ASKED when it applies to the commune's area types, once per same-item set
 *   (./same-items.ts). An open "…khác" item is optional: it is counted only once the commune has
 *   engaged with it (named it, or given it a status), so that a commune with nothing of its own to
 *   name can still reach 100%.
 * - An asked item is ANSWERED when it has a status (0–3, or "không áp dụng") and the answer is
 *   valid (checkAnswer finds nothing: an N/A without its reason is not an answer yet); INVALID
 *   when checkAnswer finds a problem; otherwise UNANSWERED.
 * - Progress is answered / counted over the asked items. The score's own denominators (weights,
 *   N/A left out) are a different question, answered by scoring.ts.
 */
import { checkAnswer, normalizeText } from './answer-rules';
import { isRequired } from './catalogue';
import { askedComponents, effectiveAnswers } from './same-items';
import type { Answer, AnswerMap, AreaType, Catalogue, CatalogueComponent, GroupCode, Methodology } from './types';

export type ItemState = 'unanswered' | 'answered' | 'invalid';

export function itemState(c: CatalogueComponent, a: Answer | undefined, m: Methodology): ItemState {
  if (!a) return 'unanswered';
  if (checkAnswer(c, a, m).length > 0) return 'invalid';
  return a.status === null || a.status === undefined ? 'unanswered' : 'answered';
}

/** Is this asked item in the count? Always, except an open item the commune has not touched. */
export function isCounted(c: CatalogueComponent, a: Answer | undefined, m: Methodology): boolean {
  if (!c.open) return true;
  const named = typeof a?.openName === 'string' && normalizeText(a.openName) !== '';
  return named || itemState(c, a, m) !== 'unanswered';
}

export interface ProgressCount {
  answered: number;
  /** Counted items: the denominator. */
  counted: number;
}

export interface GroupProgressDetail extends ProgressCount {
  code: GroupCode;
  /** Open items not counted yet (shown as cards, optional). */
  optional: number;
  /** Codes whose answer is invalid, catalogue order. */
  invalid: string[];
  /** Required codes still unanswered, catalogue order. */
  missing: string[];
}

export interface AssessmentProgress extends ProgressCount {
  /** Required (essential, not open) items. */
  essential: ProgressCount;
  /** Per catalogue group, catalogue order of the groups. */
  groups: GroupProgressDetail[];
}

export interface ProgressInput {
  catalogue: Catalogue;
  methodology: Methodology;
  areaTypes: readonly AreaType[];
  answers: AnswerMap;
}

export function assessmentProgress(input: ProgressInput): AssessmentProgress {
  const { catalogue, methodology: m, areaTypes } = input;
  const answers = effectiveAnswers(catalogue, areaTypes, input.answers);
  const groups = new Map<GroupCode, GroupProgressDetail>(
    catalogue.groups.map((g) => [g.code, { code: g.code, answered: 0, counted: 0, optional: 0, invalid: [], missing: [] }]),
  );
  const total: ProgressCount = { answered: 0, counted: 0 };
  const essential: ProgressCount = { answered: 0, counted: 0 };
  for (const c of askedComponents(catalogue, areaTypes)) {
    const group = groups.get(c.group);
    if (!group) continue;
    const a = answers[c.code];
    if (!isCounted(c, a, m)) {
      group.optional++;
      continue;
    }
    const state = itemState(c, a, m);
    const required = isRequired(c);
    const done = state === 'answered' ? 1 : 0;
    group.counted++;
    group.answered += done;
    total.counted++;
    total.answered += done;
    if (required) {
      essential.counted++;
      essential.answered += done;
    }
    if (state === 'invalid') group.invalid.push(c.code);
    else if (required && state === 'unanswered') group.missing.push(c.code);
  }
  return { ...total, essential, groups: [...groups.values()] };
}
