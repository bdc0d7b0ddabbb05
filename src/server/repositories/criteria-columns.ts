/**
 * The criteria-set columns of commune_scores (migration 006), from a stored score. Pure and apart
 * from the queries, so that the row builder (communeScoreRow) and migration 006 share it.
 */
import type { CriteriaScore } from '../../domain/criteria';

export interface CriteriaColumns {
  criteria_set_id: string | null;
  criteria_set_version: string | null;
  criteria_total: number | null;
  criteria_level: number | null;
  criteria_groups: string | null;
}

/** The columns of a score; all null for a submission that names no set. */
export function criteriaColumns(criteria: CriteriaScore | undefined): CriteriaColumns {
  if (!criteria) {
    return {
      criteria_set_id: null,
      criteria_set_version: null,
      criteria_total: null,
      criteria_level: null,
      criteria_groups: null,
    };
  }
  return {
    criteria_set_id: criteria.setId,
    criteria_set_version: criteria.setVersion,
    criteria_total: criteria.total,
    criteria_level: criteria.level,
    criteria_groups: JSON.stringify(criteria.groups.map((g) => [g.id, g.score])),
  };
}
