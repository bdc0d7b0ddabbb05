/**
 * Assessments and their append-only revisions. A revision row is never updated or deleted;
 * the assessment row only points at the latest revision and carries the review state.
 */
import type { Kysely, Selectable } from 'kysely';
import { prepared, type KeyList } from '../db/prepared';
import type { AssessmentRevisionsTable, AssessmentsTable, Database, ReviewState } from '../db/schema';
import type { ReviewRow } from './reviews';

export type AssessmentRow = Selectable<AssessmentsTable>;
export type RevisionRow = Selectable<AssessmentRevisionsTable>;

// The submission path runs these on every request: prepared (see ../db/prepared.ts).
const assessmentById = prepared((db, v: { id: string }) => db.selectFrom('assessments').selectAll().where('id', '=', v.id));

const revisionById = prepared((db, v: { id: string; revision: number }) =>
  db.selectFrom('assessment_revisions').selectAll().where('assessment_id', '=', v.id).where('revision', '=', v.revision),
);

// An assessment with one of its revisions and that revision's newest verdict, in one query: a
// revision's reviews all join the same row, so ordering them picks the newest (and with no review
// there is a single row of NULLs, wherever a dialect sorts NULLs). `latest`: the revision the
// assessment points at, whichever it is (read with the caller's device, ./device-state.ts).
export function submissionStateQuery(db: Kysely<Database>, id: string, revision: number | 'latest') {
  return (
    db
      .selectFrom('assessments')
      .leftJoin('assessment_revisions as r', (join) => {
        const same = join.onRef('r.assessment_id', '=', 'assessments.id');
        return revision === 'latest'
          ? same.onRef('r.revision', '=', 'assessments.latest_revision')
          : same.on('r.revision', '=', revision);
      })
      .leftJoin('reviews as v', (join) =>
        join.onRef('v.assessment_id', '=', 'r.assessment_id').onRef('v.revision', '=', 'r.revision'),
      )
      .selectAll('assessments')
      .select([
        'r.revision as r_revision',
        'r.content_hash as r_content_hash',
        'r.received_at as r_received_at',
        'r.score as r_score',
      ])
      .select(['v.id as v_id', 'v.verdict as v_verdict', 'v.comment as v_comment', 'v.component_comments as v_comments'])
      .select(['v.reviewer_id as v_reviewer_id', 'v.created_at as v_created_at', 'v.change_reason as v_change_reason'])
      .select('v.evidence_requests as v_evidence_requests')
      // Whether the latest revision has verification steps to carry forward (issue #14), so that a
      // never-verified assessment's next revision costs no extra read (services/submit.ts).
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('verifications as f')
              .select('f.id')
              .whereRef('f.assessment_id', '=', 'assessments.id')
              .whereRef('f.revision', '=', 'assessments.latest_revision'),
          )
          .as('latest_verified'),
      )
      .where('assessments.id', '=', id)
      .orderBy('v.created_at', 'desc')
      .orderBy('v.id', 'desc')
      .limit(1)
  );
}

const submissionStateById = prepared((db, v: { id: string; revision: number }) => submissionStateQuery(db, v.id, v.revision));

/** Every column of a row, for prepared()'s values and the one-statement write of PostgreSQL (revision-write.ts). */
export const ASSESSMENT_COLUMNS: KeyList<AssessmentRow> = {
  id: true,
  commune_code: true,
  province_code: true,
  latest_revision: true,
  review_state: true,
  reviewed_revision: true,
  created_at: true,
  updated_at: true,
};

const insertAssessment = prepared((db, v: AssessmentRow) => db.insertInto('assessments').values(v), ASSESSMENT_COLUMNS);

export const REVISION_COLUMNS: KeyList<RevisionRow> = {
  assessment_id: true,
  revision: true,
  base_revision: true,
  device_id: true,
  content_hash: true,
  payload: true,
  score: true,
  score_index: true,
  level: true,
  period: true,
  area_types: true,
  submitted_at: true,
  received_at: true,
};

const insertRevision = prepared((db, v: RevisionRow) => db.insertInto('assessment_revisions').values(v), REVISION_COLUMNS);

const moveToRevision = prepared((db, v: { id: string; revision: number; at: string }) =>
  db
    .updateTable('assessments')
    .set({ latest_revision: v.revision, review_state: 'submitted', updated_at: v.at })
    .where('id', '=', v.id),
);

export async function findAssessment(db: Kysely<Database>, id: string): Promise<AssessmentRow | undefined> {
  return (await assessmentById(db, { id }))[0];
}

export async function findRevision(db: Kysely<Database>, id: string, revision: number): Promise<RevisionRow | undefined> {
  return (await revisionById(db, { id, revision }))[0];
}

/** What the submission path reads before it validates: see findSubmissionState. */
export interface SubmissionState {
  assessment: AssessmentRow;
  /** The revision asked for, when it exists (the large payload is not read). */
  revision?: Pick<RevisionRow, 'revision' | 'content_hash' | 'received_at' | 'score'>;
  /** The newest verdict on that revision, when there is one. */
  review?: ReviewRow;
  /** Whether the assessment's latest revision has verification steps; undefined when not read. */
  latestVerified?: boolean;
}

/** The assessment, one revision of it and that revision's newest verdict, in one query. */
export async function findSubmissionState(
  db: Kysely<Database>,
  id: string,
  revision: number,
): Promise<SubmissionState | undefined> {
  const row = (await submissionStateById(db, { id, revision }))[0];
  return row && submissionStateOf(row, revision);
}

/** The columns the state read adds to the assessment's, each null when absent (left joins). */
export interface SubmissionStateColumns {
  r_revision: number | null;
  r_content_hash: string | null;
  r_received_at: string | null;
  r_score: string | null;
  v_id: string | null;
  v_verdict: ReviewRow['verdict'] | null;
  v_comment: string | null;
  v_comments: string | null;
  v_reviewer_id: string | null;
  v_created_at: string | null;
  v_change_reason: string | null;
  v_evidence_requests: string | null;
  latest_verified: unknown;
}

/** A state read's row (the assessment's columns and the joined ones) as a SubmissionState of `revision`. */
export function submissionStateOf(row: AssessmentRow & SubmissionStateColumns, revision: number): SubmissionState {
  const {
    r_revision,
    r_content_hash,
    r_received_at,
    r_score,
    v_id,
    v_verdict,
    v_comment,
    v_comments,
    v_reviewer_id,
    v_created_at,
    v_change_reason,
    v_evidence_requests,
    latest_verified,
    ...assessment
  } = row;
  // SQLite answers EXISTS with 0 or 1, PostgreSQL with a boolean.
  const state: SubmissionState = { assessment, latestVerified: Boolean(Number(latest_verified)) };
  if (r_revision !== null && r_content_hash !== null && r_received_at !== null && r_score !== null) {
    state.revision = { revision: r_revision, content_hash: r_content_hash, received_at: r_received_at, score: r_score };
  }
  if (
    v_id !== null &&
    v_verdict !== null &&
    v_comment !== null &&
    v_comments !== null &&
    v_reviewer_id !== null &&
    v_created_at !== null
  ) {
    state.review = {
      id: v_id,
      assessment_id: assessment.id,
      revision,
      verdict: v_verdict,
      comment: v_comment,
      component_comments: v_comments,
      reviewer_id: v_reviewer_id,
      created_at: v_created_at,
      change_reason: v_change_reason,
      evidence_requests: v_evidence_requests,
    };
  }
  return state;
}

export function listRevisions(db: Kysely<Database>, id: string): Promise<RevisionRow[]> {
  return db.selectFrom('assessment_revisions').selectAll().where('assessment_id', '=', id).orderBy('revision').execute();
}

export async function countRevisions(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('assessment_revisions')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The assessment row once it points at a new revision: created on revision 1, moved otherwise. */
export function assessmentAt(
  revision: RevisionRow,
  assessment: { communeCode: string; provinceCode: string; existing: AssessmentRow | undefined },
): AssessmentRow {
  const moved = { latest_revision: revision.revision, review_state: 'submitted' as const, updated_at: revision.received_at };
  if (assessment.existing) return { ...assessment.existing, ...moved };
  return {
    id: revision.assessment_id,
    commune_code: assessment.communeCode,
    province_code: assessment.provinceCode,
    reviewed_revision: null,
    created_at: revision.received_at,
    ...moved,
  };
}

/**
 * Appends a revision and moves the assessment to it (creating the assessment on revision 1).
 * Returns the assessment row as written, so the caller need not read it back.
 */
export async function appendRevision(
  db: Kysely<Database>,
  revision: RevisionRow,
  assessment: { communeCode: string; provinceCode: string; existing: AssessmentRow | undefined },
): Promise<AssessmentRow> {
  const written = assessmentAt(revision, assessment);
  if (!assessment.existing) {
    await insertAssessment(db, written);
    await insertRevision(db, revision);
    return written;
  }
  // Insert the revision first: its primary key is what refuses a racing duplicate.
  await insertRevision(db, revision);
  await moveToRevision(db, { id: revision.assessment_id, revision: revision.revision, at: revision.received_at });
  return written;
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
