/**
 * "Answered / counted" of an assessment under a criteria set: the set's required indicators that
 * apply, answered validly (scoreCriteria's completeness) — the numbers its checklist and its
 * "cannot send yet" use. Imported with import() by the home list, and only when an assessment
 * names a set: the first screen never pays for the engine or the sets.
 */
import { findCriteriaSet } from '../../../sync/held-sets';
import { scoreCriteria } from '../../../domain/criteria/score';
import type { AnswerMap, Assessment, Catalogue } from '../../../domain/types';
import type { Progress } from './progress';

/** undefined when the phone holds no such set (nothing to count against). */
export async function setProgressOf(a: Assessment, catalogue: Catalogue, answers: AnswerMap): Promise<Progress | undefined> {
  if (!a.criteriaSet) return undefined;
  const set = await findCriteriaSet(a.criteriaSet);
  if (!set) return undefined;
  const { completeness } = scoreCriteria({ set, catalogue, areaTypes: a.areaTypes, answers });
  return { answered: completeness.requiredAnswered, total: completeness.requiredTotal };
}
