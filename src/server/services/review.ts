/**
 * A reviewer's verdict on the latest revision of an assessment. The verdict is appended to the
 * reviews table and mirrored on the assessment, where the phone's next GET picks it up.
 */
import { componentIndex } from '../../domain/catalogue';
import type { ReviewVerdict } from '../../domain/submission';
import { assertProvinceAccess } from '../auth/guards';
import { newId } from '../auth/tokens';
import type { AppDeps, Principal } from '../context';
import { ApiError, conflict, notFound } from '../errors';
import { findAssessment, findRevision, setReviewState } from '../repositories/assessments';
import { insertReview, type ReviewRow } from '../repositories/reviews';
import { audit } from './audit-trail';
import { storedSubmission, verdictOf } from './submission-results';

export interface ReviewInput {
  verdict: 'accepted' | 'returned';
  comment: string;
  componentComments?: Record<string, string> | undefined;
  revision?: number | undefined;
}

export async function reviewAssessment(
  deps: AppDeps,
  principal: Principal | undefined,
  id: string,
  input: ReviewInput,
  ip: string,
): Promise<{ reviewState: ReviewVerdict['verdict']; review: ReviewVerdict }> {
  return deps.db.transaction().execute(async (trx) => {
    const assessment = await findAssessment(trx, id);
    if (!assessment) throw notFound('No such assessment');
    const user = assertProvinceAccess(principal, assessment.province_code);
    if (input.revision !== undefined && input.revision !== assessment.latest_revision) {
      throw conflict('stale_revision', `Revision ${assessment.latest_revision} has arrived since; review it instead`, {
        currentRevision: assessment.latest_revision,
      });
    }
    if (input.verdict === 'returned' && input.comment === '') {
      throw new ApiError(422, 'comment_required', 'Say why the assessment is returned');
    }
    const revision = await findRevision(trx, id, assessment.latest_revision);
    if (!revision) throw new Error('assessment without its latest revision');
    const componentComments = input.componentComments ?? {};
    const catalogue = deps.reference.catalogues.get(storedSubmission(revision).catalogueVersion);
    const unknown = Object.keys(componentComments).filter((code) => !catalogue || !componentIndex(catalogue).has(code));
    if (unknown.length > 0) {
      throw new ApiError(422, 'unknown_component', 'Comments name components the catalogue does not know', {
        problems: unknown.map((code) => ({ code, problem: 'unknown-code' })),
      });
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
    };
    await insertReview(trx, row);
    await setReviewState(trx, id, { reviewState: input.verdict, reviewedRevision: revision.revision, at });
    await audit(
      deps,
      { principal: user, ip },
      { action: 'assessment.review', outcome: 'success', target: id, detail: { revision: revision.revision, verdict: input.verdict } },
      trx,
    );
    return { reviewState: input.verdict, review: verdictOf(row) };
  });
}
