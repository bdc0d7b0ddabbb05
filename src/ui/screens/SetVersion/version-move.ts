/**
 * What moving a draft to a newer version of its criteria set would change: the diff of the two
 * versions (diffCriteriaSets, the same the reviewer sees) and the score under each, both computed
 * offline from the answers on the phone. Pure.
 */
import { diffCriteriaSets, type CriteriaSetDiff } from '../../../domain/criteria/diff';
import { answerCode } from '../../../domain/criteria/rules';
import type { CriteriaSet } from '../../../domain/criteria/schema';
import { scoreCriteria, type CriteriaScore } from '../../../domain/criteria/score';
import type { AnswerMap, Assessment, Catalogue } from '../../../domain/types';

export interface VersionMove {
  diff: CriteriaSetDiff;
  before: CriteriaScore;
  after: CriteriaScore;
  /** Answers kept on the phone that the new version no longer counts (its removed indicators). */
  keptUncounted: number;
}

export function versionMove(
  from: CriteriaSet,
  to: CriteriaSet,
  input: { catalogue: Catalogue; assessment: Assessment; answers: AnswerMap },
): VersionMove {
  const base = { catalogue: input.catalogue, areaTypes: input.assessment.areaTypes, answers: input.answers };
  const diff = diffCriteriaSets(from, to);
  const removed = new Set(diff.removed.map((r) => r.code));
  const kept = from.indicators.filter((ind) => removed.has(ind.code) && input.answers[answerCode(ind)] !== undefined);
  return {
    diff,
    before: scoreCriteria({ ...base, set: from }),
    after: scoreCriteria({ ...base, set: to }),
    keptUncounted: kept.length,
  };
}
