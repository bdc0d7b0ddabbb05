/**
 * A submission that names a criteria set (submission.criteriaSet): the server scores it with
 * exactly that set and version, and refuses a set it does not hold (422 unknown_criteria_set).
 * The set is bundled (data/criteria) or published by the commune's province (issue #12).
 * A submission without one is scored by the provisional method alone, as every older one was.
 * The checks are the domain's validateWithSet, the same the phone runs before queueing.
 */
import { componentPart, criteriaSetKey, scoreCriteria, validateWithSet } from '../../domain/criteria';
import type { CriteriaSet } from '../../domain/criteria';
import type { MeasuredInputs } from '../../domain/criteria/measured';
import { scoreAssessment } from '../../domain/scoring';
import type { Submission } from '../../domain/submission';
import type { Catalogue, Methodology, ScoreResult } from '../../domain/types';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../context';
import type { Database } from '../db/schema';
import { hasDraft } from '../repositories/criteria-sets';
import { ApiError } from '../errors';

/**
 * The set a submission names: a bundled one (no query), or one published for the commune's province
 * (from CriteriaSetStore: a query the first time, a map lookup after). Undefined for none. Throws
 * 422 unknown_criteria_set for a set not held here or published by another province, and
 * criteria_set_not_published for a draft of the province.
 */
export async function criteriaSetOf(
  deps: AppDeps,
  provinceCode: string,
  submission: Submission,
  /** Inside a transaction, its handle (SQLite has one connection: another query would wait on it). */
  db: Kysely<Database> = deps.db,
): Promise<CriteriaSet | undefined> {
  const ref = submission.criteriaSet;
  if (!ref) return undefined;
  const bundled = deps.reference.criteriaSets.get(criteriaSetKey(ref));
  if (bundled) return bundled;
  const published = await deps.criteriaSets.published(db, ref);
  if (published?.row.province_code === provinceCode) return published.set;
  const criteriaSet = { id: ref.id, version: ref.version };
  if (!published && (await hasDraft(db, provinceCode, ref.id, ref.version)))
    throw new ApiError(
      422,
      'criteria_set_not_published',
      `The criteria set "${ref.id}" version "${ref.version}" is a draft of the province, not published yet`,
      { criteriaSet },
    );
  throw new ApiError(
    422,
    'unknown_criteria_set',
    `The criteria set "${ref.id}" version "${ref.version}" is not known to this server`,
    {
      criteriaSet,
    },
  );
}

export { validateWithSet };

export function scoreWithSet(
  submission: Submission,
  catalogue: Catalogue,
  methodology: Methodology,
  set: CriteriaSet | undefined,
  /** The server's measured figures (./measured-inputs.ts) for a set that reads them. */
  measured?: MeasuredInputs,
): ScoreResult {
  const answers = Object.fromEntries(submission.answers.map((a) => [a.code, a]));
  if (!set) return scoreAssessment({ catalogue, methodology, areaTypes: submission.areaTypes, answers });
  const components = Object.fromEntries(componentPart(submission, set).answers.map((a) => [a.code, a]));
  const score = scoreAssessment({ catalogue, methodology, areaTypes: submission.areaTypes, answers: components });
  return { ...score, criteria: scoreCriteria({ set, catalogue, areaTypes: submission.areaTypes, answers, measured }) };
}
