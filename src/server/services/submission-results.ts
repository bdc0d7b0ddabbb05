/** Builds the API views of stored revisions: the SubmissionResult and the full assessment view. */
import { assessmentProgress, type ProgressCount } from '../../domain/progress';
import type { EvidenceRequest, Submission, SubmissionResult, ReviewVerdict } from '../../domain/submission';
import type { Answer, ScoreResult } from '../../domain/types';
import type { ReferenceData } from '../reference-data';
import type { AssessmentRow, RevisionRow } from '../repositories/assessments';
import type { ReviewRow } from '../repositories/reviews';

export function verdictOf(review: ReviewRow): ReviewVerdict {
  return {
    verdict: review.verdict,
    revision: review.revision,
    comment: review.comment,
    componentComments: JSON.parse(review.component_comments) as Record<string, string>,
    reviewedAt: review.created_at,
    ...(review.change_reason !== null ? { changeReason: review.change_reason } : {}),
    ...(review.evidence_requests !== null ? { evidenceRequests: JSON.parse(review.evidence_requests) as EvidenceRequest[] } : {}),
  };
}

/**
 * The result of one revision. Only stored facts go in, so a replay of the same revision gets
 * the same answer (until a reviewer gives a verdict on it, which the phone should then see).
 */
export function submissionResult(
  assessment: AssessmentRow,
  revision: Pick<RevisionRow, 'revision' | 'content_hash' | 'received_at' | 'score'>,
  review: ReviewRow | undefined,
): SubmissionResult {
  return {
    assessmentId: assessment.id,
    revision: revision.revision,
    latestRevision: assessment.latest_revision,
    contentHash: revision.content_hash,
    receivedAt: revision.received_at,
    score: JSON.parse(revision.score) as ScoreResult,
    reviewState: review ? review.verdict : 'submitted',
    review: review ? verdictOf(review) : null,
  };
}

export function storedSubmission(revision: RevisionRow): Submission {
  return JSON.parse(revision.payload) as Submission;
}

/**
 * Answered / counted of a stored revision, by the domain's one definition (the same numbers the
 * phone showed); null when the server no longer holds the revision's catalogue or methodology.
 */
export function revisionProgress(reference: ReferenceData, submission: Submission): ProgressCount | null {
  const catalogue = reference.catalogues.get(submission.catalogueVersion);
  const methodology = reference.methodologies.get(submission.methodologyId);
  if (!catalogue || !methodology) return null;
  const answers: Record<string, Answer> = {};
  for (const a of submission.answers) answers[a.code] = a;
  const { answered, counted } = assessmentProgress({ catalogue, methodology, areaTypes: submission.areaTypes, answers });
  return { answered, counted };
}
