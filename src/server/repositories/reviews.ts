/** Reviewers' verdicts on assessment revisions; appended, never edited. */
import type { Kysely, Selectable } from 'kysely';
import { prepared } from '../db/prepared';
import type { Database, ReviewsTable } from '../db/schema';

export type ReviewRow = Selectable<ReviewsTable>;

/**
 * Takes the assessment's row lock (PostgreSQL; SQLite holds one writer anyway) for the rest of the
 * transaction, so two reviews of one assessment run one after the other and the second sees the first.
 */
export async function lockAssessmentForReview(db: Kysely<Database>, assessmentId: string): Promise<void> {
  await db
    .updateTable('assessments')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', '=', assessmentId)
    .execute();
}

export async function insertReview(db: Kysely<Database>, review: ReviewRow): Promise<void> {
  await db.insertInto('reviews').values(review).execute();
}

// Every replayed submission runs it: prepared (see ../db/prepared.ts).
const latestReview = prepared((db, v: { assessmentId: string; revision: number }) =>
  db
    .selectFrom('reviews')
    .selectAll()
    .where('assessment_id', '=', v.assessmentId)
    .where('revision', '=', v.revision)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1),
);

/** The newest verdict on one revision. */
export async function latestReviewOf(
  db: Kysely<Database>,
  assessmentId: string,
  revision: number,
): Promise<ReviewRow | undefined> {
  return (await latestReview(db, { assessmentId, revision }))[0];
}

export function listReviews(db: Kysely<Database>, assessmentId: string): Promise<ReviewRow[]> {
  return db
    .selectFrom('reviews')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
