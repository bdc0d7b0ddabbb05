/**
 * "Answered / counted" for the home list: the domain's one definition (src/domain/progress.ts),
 * so the home card, the checklist, the summary and the reviewer say the same numbers.
 */
import { assessmentProgress } from '../../../domain/progress';
import type { AnswerMap, AreaType, Catalogue, Methodology } from '../../../domain/types';

export interface Progress {
  answered: number;
  total: number;
}

export function progressOf(cat: Catalogue, m: Methodology, areaTypes: readonly AreaType[], answers: AnswerMap): Progress {
  const p = assessmentProgress({ catalogue: cat, methodology: m, areaTypes, answers });
  return { answered: p.answered, total: p.counted };
}

export interface PlaceNames {
  commune?: string;
  province?: string;
}
