/**
 * "Answered / total" for the home list. Open "…khác" items are optional (a commune with nothing
 * to name leaves them empty), so they count only once answered; otherwise 100 % could never be
 * reached by an officer who did everything asked.
 */
import { applicableComponents } from '../../../domain/catalogue';
import type { AnswerMap, AreaType, Catalogue } from '../../../domain/types';

export interface Progress {
  answered: number;
  total: number;
}

export function progressOf(cat: Catalogue, areaTypes: readonly AreaType[], answers: AnswerMap): Progress {
  let answered = 0;
  let total = 0;
  for (const c of applicableComponents(cat, areaTypes)) {
    const status = answers[c.code]?.status;
    const done = status !== null && status !== undefined; // null: not answered yet
    if (c.open && !done) continue;
    total++;
    if (done) answered++;
  }
  return { answered, total };
}

export interface PlaceNames {
  commune?: string;
  province?: string;
}
