/** Verification steps (appended, never edited) and the verified score of each revision (upserted). */
import type { Kysely, Selectable } from 'kysely';
import type { ScoreResult } from '../../domain/types';
import type { Database, VerificationsTable, VerifiedScoresTable } from '../db/schema';
import type { CommuneVerified } from '../schemas/provinces';

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
