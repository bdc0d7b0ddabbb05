/** Reviewers' verdicts on assessment revisions; appended, never edited. */
import type { Kysely, Selectable } from 'kysely';
import type { Database, ReviewsTable } from '../db/schema';

export type ReviewRow = Selectable<ReviewsTable>;

export async function insertReview(db: Kysely<Database>, review: ReviewRow): Promise<void> {
  await db.insertInto('reviews').values(review).execute();
}

/** The newest verdict on one revision. */
export function latestReviewOf(db: Kysely<Database>, assessmentId: string, revision: number): Promise<ReviewRow | undefined> {
  return db
    .selectFrom('reviews')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .where('revision', '=', revision)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export function listReviews(db: Kysely<Database>, assessmentId: string): Promise<ReviewRow[]> {
  return db.selectFrom('reviews').selectAll().where('assessment_id', '=', assessmentId).orderBy('created_at').orderBy('id').execute();
}
