/** Verification steps (appended, never edited) and the verified score of each revision (upserted). */
import type { Kysely, Selectable } from 'kysely';
import type { ScoreResult } from '../../domain/types';
import type { Database, VerificationsTable, VerifiedScoresTable } from '../db/schema';
import type { CommuneVerified } from '../schemas/provinces';
import { communeScores, GROUP_SLOTS, type CommuneFilter } from './commune-scores';

export type VerificationRow = Selectable<VerificationsTable>;
export type VerifiedScoreRow = Selectable<VerifiedScoresTable>;

export async function insertVerification(db: Kysely<Database>, row: VerificationRow): Promise<void> {
  await db.insertInto('verifications').values(row).execute();
}

/** Every step on one revision, oldest first (the newest per item stands). */
export function listVerifications(db: Kysely<Database>, assessmentId: string, revision: number): Promise<VerificationRow[]> {
  return db
    .selectFrom('verifications')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .where('revision', '=', revision)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findVerifiedScore(
  db: Kysely<Database>,
  assessmentId: string,
  revision: number,
): Promise<VerifiedScoreRow | undefined> {
  return db
    .selectFrom('verified_scores')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .where('revision', '=', revision)
    .executeTakeFirst();
}

export async function saveVerifiedScore(db: Kysely<Database>, row: VerifiedScoreRow): Promise<void> {
  const { assessment_id: _id, revision: _revision, ...rest } = row;
  await db
    .insertInto('verified_scores')
    .values(row)
    .onConflict((oc) => oc.columns(['assessment_id', 'revision']).doUpdateSet(rest))
    .execute();
}

/** The verified scores of the latest revisions of the province's assessments, by assessment id. */
export async function latestVerifiedScores(db: Kysely<Database>, provinceCode: string): Promise<Map<string, VerifiedScoreRow>> {
  const rows = await db
    .selectFrom('assessments as a')
    .innerJoin('verified_scores as v', (join) =>
      join.onRef('v.assessment_id', '=', 'a.id').onRef('v.revision', '=', 'a.latest_revision'),
    )
    .selectAll('v')
    .where('a.province_code', '=', provinceCode)
    .execute();
  return new Map(rows.map((v) => [v.assessment_id, v]));
}

/** The commune list's view of a stored verified score. */
export function communeVerified(row: VerifiedScoreRow): CommuneVerified {
  const score = JSON.parse(row.score) as ScoreResult;
  return {
    index: row.score_index,
    level: row.level,
    criteriaTotal: row.criteria_total,
    criteriaLevel: row.criteria_level,
    criteriaGroups: score.criteria ? score.criteria.groups.map((g) => ({ id: g.id, points: g.score })) : null,
    groups: score.groups.map((g) => ({ id: g.id, score: g.score })),
    itemCount: row.item_count,
    verifiedCount: row.verified_count,
    adjustedCount: row.adjusted_count,
    updatedAt: row.updated_at,
  };
}

/** A counted commune whose representing revision has a verified score: both scores, side by side. */
export interface VerifiedRow {
  methodologyId: string;
  selfIndex: number;
  /** The self-assessed score per methodology group slot (slot − 1), as commune_scores holds it. */
  selfGroups: (number | null)[];
  /** The criteria set the revision names ("id@version"), its self-assessed total and points per group. */
  criteria: { key: string; total: number; groups: [string, number | null][] } | null;
  verified: ScoreResult;
}

/**
 * The communes (after the dashboard's filter) whose representing revision has a verification:
 * commune_scores joined to verified_scores on that very assessment and revision. Only these rows'
 * verified score is parsed (a few kilobytes each), never a payload.
 */
export async function verifiedRows(db: Kysely<Database>, filter: CommuneFilter): Promise<VerifiedRow[]> {
  const rows = await communeScores(db, filter)
    .innerJoin('verified_scores as v', (join) =>
      join.onRef('v.assessment_id', '=', 's.assessment_id').onRef('v.revision', '=', 's.revision'),
    )
    .select(['s.methodology_id', 's.score_index', 's.criteria_set_id', 's.criteria_set_version', 's.criteria_total'])
    .select(['s.criteria_groups', 'v.score'])
    .select(GROUP_SLOTS.map((g) => `s.group_${g}` as const))
    .orderBy('s.commune_code')
    .execute();
  return rows.map((r) => ({
    methodologyId: r.methodology_id,
    selfIndex: Number(r.score_index),
    selfGroups: GROUP_SLOTS.map((g) => {
      const v = r[`group_${g}`];
      return v === null ? null : Number(v);
    }),
    criteria:
      r.criteria_set_id !== null
        ? {
            key: `${r.criteria_set_id}@${r.criteria_set_version ?? ''}`,
            total: Number(r.criteria_total ?? 0),
            groups: JSON.parse(r.criteria_groups ?? '[]') as [string, number | null][],
          }
        : null,
    verified: JSON.parse(r.score) as ScoreResult,
  }));
}
