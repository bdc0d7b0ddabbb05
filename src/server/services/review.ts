/**
 * A reviewer's verdict on the latest revision of an assessment. The verdict is appended to the
 * reviews table and mirrored on the assessment, where the phone's next GET picks it up.
 * Reviews of one assessment are serialised (the assessment row is locked first), so that:
 * - the same verdict sent twice (a double click, a retry) stores one row and answers it again;
 * - a different verdict on a revision already reviewed needs a reason, stored with it.
 * Component comments may only name components scored for the commune (its area types).
 */
import type { Kysely } from 'kysely';
import { applicableComponents } from '../../domain/catalogue';
import type { EvidenceRequest, ReviewVerdict, Submission } from '../../domain/submission';
import { verifiableItems } from '../../domain/verification';
import { assertProvinceAccess } from '../auth/guards';
import { newId } from '../auth/tokens';
import type { AppDeps, Principal } from '../context';
import type { Database } from '../db/schema';
import { ApiError, conflict, notFound } from '../errors';
import { findAssessment, findRevision, setReviewState } from '../repositories/assessments';
import { insertReview, latestReviewOf, lockAssessmentForReview, type ReviewRow } from '../repositories/reviews';
import { audit } from './audit-trail';
import { criteriaSetOf } from './criteria-submission';
import { storedSubmission, verdictOf } from './submission-results';

export interface ReviewInput {
  verdict: 'accepted' | 'returned';
  comment: string;
  componentComments?: Record<string, string> | undefined;
  revision?: number | undefined;
  /** Why a verdict already given on this revision changes. */
  reason?: string | undefined;
  /** With a return: items needing evidence, each with a note. */
  evidenceRequests?: EvidenceRequest[] | undefined;
}

function sameVerdict(row: ReviewRow, input: ReviewInput, reviewerId: string, componentComments: Record<string, string>): boolean {
  const stored = JSON.parse(row.component_comments) as Record<string, string>;
  const keys = Object.keys(componentComments);
  return (
    row.reviewer_id === reviewerId &&
    row.verdict === input.verdict &&
    row.comment === input.comment &&
    keys.length === Object.keys(stored).length &&
    keys.every((k) => stored[k] === componentComments[k]) &&
    (row.evidence_requests ?? '[]') === JSON.stringify(input.evidenceRequests ?? [])
  );
}

/** Evidence is asked only on a return, once per item, and only for items of the revision. */
async function checkEvidenceRequests(
  deps: AppDeps,
  db: Kysely<Database>,
  provinceCode: string,
  submission: Submission,
  verdict: ReviewInput['verdict'],
  requests: readonly EvidenceRequest[],
): Promise<void> {
  if (verdict !== 'returned') throw new ApiError(422, 'evidence_request_needs_return', 'Evidence is asked by returning');
  const catalogue = deps.reference.catalogues.get(submission.catalogueVersion);
  const items = new Set(
    catalogue
      ? verifiableItems(submission, catalogue, await criteriaSetOf(deps, provinceCode, submission, db)).map((i) => i.code)
      : [],
  );
  const codes = requests.map((r) => r.code);
  const wrong = codes.filter((code, i) => !items.has(code) || codes.indexOf(code) !== i);
  if (wrong.length > 0) {
    throw new ApiError(422, 'unknown_item', 'Evidence requests name items that are not in this assessment (or twice)', {
      problems: wrong.map((code) => ({ code, problem: 'not-an-item' })),
    });
  }
}

/**
 * The assessment a reviewer acts on (a verdict, a verification step), inside their transaction:
 * locked against a concurrent review of it, in the reviewer's province (else 403), and still at
 * the revision the reviewer saw when they name one (else 409 stale_revision).
 */
export async function openForReviewer(
  trx: Kysely<Database>,
  principal: Principal | undefined,
  id: string,
  revision: number | undefined,
  action: 'review' | 'verify',
) {
  await lockAssessmentForReview(trx, id);
  const assessment = await findAssessment(trx, id);
  if (!assessment) throw notFound('No such assessment');
  const user = assertProvinceAccess(principal, assessment.province_code);
  if (revision !== undefined && revision !== assessment.latest_revision) {
    throw conflict('stale_revision', `Revision ${assessment.latest_revision} has arrived since; ${action} it instead`, {
      currentRevision: assessment.latest_revision,
    });
  }
  return { assessment, user };
}

export async function reviewAssessment(
  deps: AppDeps,
  principal: Principal | undefined,
  id: string,
  input: ReviewInput,
  ip: string,
): Promise<{ reviewState: ReviewVerdict['verdict']; review: ReviewVerdict }> {
  return deps.db.transaction().execute(async (trx) => {
    const { assessment, user } = await openForReviewer(trx, principal, id, input.revision, 'review');
    if (input.verdict === 'returned' && input.comment === '') {
      throw new ApiError(422, 'comment_required', 'Say why the assessment is returned');
    }
    const revision = await findRevision(trx, id, assessment.latest_revision);
    if (!revision) throw new Error('assessment without its latest revision');
    const componentComments = input.componentComments ?? {};
    const submission = storedSubmission(revision);
    const catalogue = deps.reference.catalogues.get(submission.catalogueVersion);
    const scored = new Set(catalogue ? applicableComponents(catalogue, submission.areaTypes).map((c) => c.code) : []);
    const unknown = Object.keys(componentComments).filter((code) => !scored.has(code));
    if (unknown.length > 0) {
      throw new ApiError(422, 'unknown_component', 'Comments name components that are not scored for this commune', {
        problems: unknown.map((code) => ({ code, problem: 'not-scored' })),
      });
    }
    const requests = input.evidenceRequests ?? [];
    if (requests.length > 0)
      await checkEvidenceRequests(deps, trx, assessment.province_code, submission, input.verdict, requests);
    const previous = await latestReviewOf(trx, id, revision.revision);
    if (previous && sameVerdict(previous, input, user.id, componentComments)) {
      return { reviewState: previous.verdict, review: verdictOf(previous) };
    }
    const changes = previous !== undefined && previous.verdict !== input.verdict;
    if (changes && !input.reason) {
      throw new ApiError(
        422,
        'reason_required',
        `Revision ${revision.revision} was already ${previous.verdict}; say why the verdict changes`,
        { previousVerdict: previous.verdict },
      );
    }
    const at = deps.now().toISOString();
    const row: ReviewRow = {
      id: newId(),
      assessment_id: id,
      revision: revision.revision,
      verdict: input.verdict,
      comment: input.comment,
      component_comments: JSON.stringify(componentComments),
      reviewer_id: user.id,
      created_at: at,
      change_reason: changes ? (input.reason ?? null) : null,
      evidence_requests: requests.length > 0 ? JSON.stringify(requests) : null,
    };
    await insertReview(trx, row);
    await setReviewState(trx, id, { reviewState: input.verdict, reviewedRevision: revision.revision, at });
    await audit(
      deps,
      { principal: user, ip },
      {
        action: 'assessment.review',
        outcome: 'success',
        target: id,
        detail: {
          revision: revision.revision,
          verdict: input.verdict,
          ...(changes ? { previousVerdict: previous.verdict, reason: input.reason } : {}),
          ...(requests.length > 0 ? { evidenceRequested: requests.map((r) => r.code) } : {}),
        },
      },
      trx,
    );
    return { reviewState: input.verdict, review: verdictOf(row) };
  });
}
