/**
 * Assessments and their append-only revisions. A revision row is never updated or deleted;
 * the assessment row only points at the latest revision and carries the review state.
 */
import type { Kysely, Selectable } from 'kysely';
import type { AssessmentRevisionsTable, AssessmentsTable, Database, ReviewState } from '../db/schema';

export type AssessmentRow = Selectable<AssessmentsTable>;
export type RevisionRow = Selectable<AssessmentRevisionsTable>;

export function findAssessment(db: Kysely<Database>, id: string): Promise<AssessmentRow | undefined> {
  return db.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findRevision(db: Kysely<Database>, id: string, revision: number): Promise<RevisionRow | undefined> {
  return db
    .selectFrom('assessment_revisions')
    .selectAll()
    .where('assessment_id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
}

export function listRevisions(db: Kysely<Database>, id: string): Promise<RevisionRow[]> {
  return db.selectFrom('assessment_revisions').selectAll().where('assessment_id', '=', id).orderBy('revision').execute();
}

export async function countRevisions(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('assessment_revisions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Appends a revision and moves the assessment to it (creating the assessment on revision 1). */
export async function appendRevision(
  db: Kysely<Database>,
  revision: RevisionRow,
  assessment: { communeCode: string; provinceCode: string; exists: boolean },
): Promise<void> {
  // Insert the revision first: its primary key is what refuses a racing duplicate.
  if (!assessment.exists) {
    await db
      .insertInto('assessments')
      .values({
        id: revision.assessment_id,
        commune_code: assessment.communeCode,
        province_code: assessment.provinceCode,
        latest_revision: revision.revision,
        review_state: 'submitted',
        reviewed_revision: null,
        created_at: revision.received_at,
        updated_at: revision.received_at,
      })
      .execute();
  }
  await db.insertInto('assessment_revisions').values(revision).execute();
  if (assessment.exists) {
    await db
      .updateTable('assessments')
      .set({ latest_revision: revision.revision, review_state: 'submitted', updated_at: revision.received_at })
      .where('id', '=', revision.assessment_id)
      .execute();
  }
}

export async function setReviewState(
  db: Kysely<Database>,
  id: string,
  state: { reviewState: ReviewState; reviewedRevision: number; at: string },
): Promise<void> {
  await db
    .updateTable('assessments')
    .set({ review_state: state.reviewState, reviewed_revision: state.reviewedRevision, updated_at: state.at })
    .where('id', '=', id)
    .execute();
}

export type LatestSubmissionRow = AssessmentRow &
  Pick<RevisionRow, 'score' | 'score_index' | 'level' | 'period' | 'area_types' | 'submitted_at' | 'received_at'> & {
    /** Only when asked for: the answers are large and most lists do not need them. */
    payload?: string;
  };

/**
 * The latest revision of every assessment of a province (or the whole country when no province
 * is given), newest first. Callers pick one assessment per commune.
 */
export function listLatestSubmissions(
  db: Kysely<Database>,
  filter: { provinceCode?: string; withPayload?: boolean },
): Promise<LatestSubmissionRow[]> {
  let query = db
    .selectFrom('assessments')
    .innerJoin('assessment_revisions as r', (join) =>
      join.onRef('r.assessment_id', '=', 'assessments.id').onRef('r.revision', '=', 'assessments.latest_revision'),
    )
    .selectAll('assessments')
    .select(['r.score', 'r.score_index', 'r.level', 'r.period', 'r.area_types', 'r.submitted_at', 'r.received_at'])
    .$if(filter.withPayload === true, (qb) => qb.select('r.payload'));
  if (filter.provinceCode !== undefined) query = query.where('assessments.province_code', '=', filter.provinceCode);
  return query.orderBy('r.received_at', 'desc').orderBy('assessments.id').execute();
}
