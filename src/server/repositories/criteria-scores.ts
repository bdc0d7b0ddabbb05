/**
 * The criteria-set part of commune_scores (migration 006): the set a commune's representing
 * assessment names, its total, level and points per group, as score.criteria holds them. Kept
 * apart from the provisional method's columns: a set's groups are its own, so its figures are
 * only ever aggregated with other communes under the same set and version.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { communeScores, type CommuneFilter } from './commune-scores';

/** One commune under a criteria set, as read back. */
export interface CriteriaRow {
  communeCode: string;
  assessmentId: string;
  revision: number;
  setId: string;
  setVersion: string;
  total: number;
  level: number;
  /** Points per group id, in the set's order; null when nothing in the group was counted. */
  groups: [string, number | null][];
}

/** The communes (after the filter) whose representing assessment names a criteria set. */
export async function criteriaRows(db: Kysely<Database>, filter: CommuneFilter): Promise<CriteriaRow[]> {
  const rows = await communeScores(db, filter)
    .select([
      's.commune_code',
      's.assessment_id',
      's.revision',
      's.criteria_set_id',
      's.criteria_set_version',
      's.criteria_total',
      's.criteria_level',
      's.criteria_groups',
    ])
    .where('s.criteria_set_id', 'is not', null)
    .orderBy('s.commune_code')
    .execute();
  return rows.map((r) => ({
    communeCode: r.commune_code,
    assessmentId: r.assessment_id,
    revision: r.revision,
    setId: r.criteria_set_id ?? '',
    setVersion: r.criteria_set_version ?? '',
    total: Number(r.criteria_total ?? 0),
    level: Number(r.criteria_level ?? 0),
    groups: JSON.parse(r.criteria_groups ?? '[]') as [string, number | null][],
  }));
}
