/**
 * What changing a commune's area types does to its checklist, before it is done: the items it
 * will ask in addition, the items it will stop asking, and how many answers each side holds.
 * Answers are never deleted by such a change: an item that stops applying keeps its answer,
 * hidden, and shows it again if its area type comes back.
 */
import { askedComponents } from './same-items';
import type { AnswerMap, AreaType, Catalogue } from './types';

export interface AreaTypeChange {
  /** Codes asked after the change and not before (catalogue order). */
  added: string[];
  /** Codes asked before and not after. */
  hidden: string[];
  /** Of the added, those that already hold an answer (from an earlier choice of that type): shown again. */
  restored: number;
  /** Of the hidden, those holding an answer: kept on the phone, not sent, not scored. */
  keptHidden: number;
}

export function areaTypeChange(
  cat: Catalogue,
  from: readonly AreaType[],
  to: readonly AreaType[],
  answers: AnswerMap,
): AreaTypeChange {
  const before = new Set(askedComponents(cat, from).map((c) => c.code));
  const after = askedComponents(cat, to).map((c) => c.code);
  const afterSet = new Set(after);
  const added = after.filter((c) => !before.has(c));
  const hidden = [...before].filter((c) => !afterSet.has(c));
  const has = (code: string) => answers[code] !== undefined && answers[code]?.status !== null;
  return { added, hidden, restored: added.filter(has).length, keptHidden: hidden.filter(has).length };
}
