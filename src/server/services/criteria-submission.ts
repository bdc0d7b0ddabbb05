/**
 * A submission that names a criteria set (submission.criteriaSet): the server scores it with
 * exactly that set and version, and refuses a set it does not hold (422 unknown_criteria_set).
 * A submission without one is scored by the provisional method alone, as every older one was.
 * The checks are the domain's validateWithSet, the same the phone runs before queueing.
 */
import { componentPart, criteriaSetKey, scoreCriteria, validateWithSet } from '../../domain/criteria';
import type { CriteriaSet } from '../../domain/criteria';
import { scoreAssessment } from '../../domain/scoring';
import type { Submission } from '../../domain/submission';
import type { Catalogue, Methodology, ScoreResult } from '../../domain/types';
import type { ReferenceData } from '../reference-data';
import { ApiError } from '../errors';

/** The set a submission names; undefined for none; throws 422 unknown_criteria_set for one not held. */
export function criteriaSetOf(reference: ReferenceData, submission: Submission): CriteriaSet | undefined {
  const ref = submission.criteriaSet;
  if (!ref) return undefined;
  const set = reference.criteriaSets.get(criteriaSetKey(ref));
  if (!set) {
    throw new ApiError(
      422,
      'unknown_criteria_set',
      `The criteria set "${ref.id}" version "${ref.version}" is not known to this server`,
      {
        criteriaSet: { id: ref.id, version: ref.version },
      },
    );
  }
  return set;
}

export { validateWithSet };

export function scoreWithSet(
  submission: Submission,
  catalogue: Catalogue,
  methodology: Methodology,
  set: CriteriaSet | undefined,
): ScoreResult {
  const answers = Object.fromEntries(submission.answers.map((a) => [a.code, a]));
  if (!set) return scoreAssessment({ catalogue, methodology, areaTypes: submission.areaTypes, answers });
  const components = Object.fromEntries(componentPart(submission, set).answers.map((a) => [a.code, a]));
  const score = scoreAssessment({ catalogue, methodology, areaTypes: submission.areaTypes, answers: components });
  return { ...score, criteria: scoreCriteria({ set, catalogue, areaTypes: submission.areaTypes, answers }) };
}
