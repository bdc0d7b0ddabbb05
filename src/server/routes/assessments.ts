/** Submissions from devices, their history, and reviewers' verdicts. */
import { parseSubmission } from '../../domain/submission';
import { assertProvinceAccess } from '../auth/guards';
import { clientIp, type AppContext, type AppDeps } from '../context';
import { badRequest, forbidden, notFound } from '../errors';
import { findAssessment, findRevision, listRevisions, type AssessmentRow } from '../repositories/assessments';
import { latestReviewOf, listReviews, type ReviewRow } from '../repositories/reviews';
import { listUsers } from '../repositories/users';
import {
  AssessmentViewSchema,
  InvalidSubmissionSchema,
  ReviewRequestSchema,
  ReviewResponseSchema,
  RevisionListSchema,
  SubmissionResultSchema,
  SubmissionSchema,
} from '../schemas/assessments';
import { AssessmentIdSchema } from '../schemas/common';
import { reviewAssessment } from '../services/review';
import { evidenceView } from '../services/evidence-view';
import { diffSubmissions } from '../services/revision-diff';
import { KnownBodies, replayOfKnownBody } from '../services/known-bodies';
import { submitRevision } from '../services/submit';
import { resolveSubmitter, type EarlyState } from '../services/submission-state';
import { revisionProgress, storedSubmission, submissionResult, verdictOf } from '../services/submission-results';
import type { ApiRoutes } from './registry';

export function idParam(c: AppContext): string {
  const id = c.req.param('id') ?? '';
  if (!AssessmentIdSchema.safeParse(id).success)
    throw badRequest('invalid_id', 'Assessment ids are 8–64 characters of A–Z, a–z, 0–9, "_" or "-"');
  return id;
}

/** Loads an assessment the caller may read: its own commune for a device, its province for a reviewer. */
export async function readableAssessment(c: AppContext, deps: AppDeps): Promise<AssessmentRow> {
  const assessment = await findAssessment(deps.db, idParam(c));
  const principal = c.get('principal');
  if (principal?.kind === 'device') {
    if (!assessment) throw notFound('No such assessment');
    if (assessment.commune_code !== principal.communeCode) throw forbidden('This assessment belongs to another commune');
    return assessment;
  }
  if (!assessment) throw notFound('No such assessment');
  assertProvinceAccess(principal, assessment.province_code);
  return assessment;
}

async function reviewerNames(deps: AppDeps, reviews: readonly ReviewRow[]): Promise<Map<string, string>> {
  if (reviews.length === 0) return new Map();
  return new Map((await listUsers(deps.db)).map((u) => [u.id, u.username]));
}

export function registerAssessmentRoutes(api: ApiRoutes, deps: AppDeps): void {
  // Bodies answered 200, by their text's hash: a byte-identical retry skips parsing (known-bodies.ts).
  const known = new KnownBodies();
  const keys = new WeakMap<AppContext, string>();
  // What the device's lookup read of the assessment (services/submission-state.ts).
  const early = new WeakMap<AppContext, EarlyState>();
  api.add(
    {
      method: 'put',
      path: '/assessments/{id}',
      tag: 'assessments',
      summary: 'Submit a revision of an assessment (idempotent)',
      description:
        'Same (id, revision) and same content: the stored result again, nothing stored. Same revision, other content, ' +
        'or a baseRevision that is not the latest: 409 with `currentRevision`. Any score in the body is ignored.',
      auth: 'device',
      principalOf: async (c) => {
        const id = c.req.param('id') ?? '';
        const found = await resolveSubmitter(c, deps, id, AssessmentIdSchema.safeParse(id).success);
        if (found.early) early.set(c, found.early);
        return found.principal;
      },
      body: SubmissionSchema,
      answerFromText: async (c, text) => {
        const principal = c.get('principal');
        if (principal?.kind !== 'device') return undefined;
        // A bad id is the full path's to refuse, after the body's own problems.
        const id = c.req.param('id') ?? '';
        if (!AssessmentIdSchema.safeParse(id).success) return undefined;
        const key = known.keyOf(id, text);
        keys.set(c, key);
        const body = known.get(key);
        const result = body && (await replayOfKnownBody(deps, principal, id, body, early.get(c)));
        if (!result) return undefined;
        c.header('Idempotent-Replayed', 'true');
        return c.json(result, 200);
      },
      parseBody: (raw) => {
        const parsed = parseSubmission(raw);
        if (!parsed.ok) throw badRequest('invalid_body', 'The submission is malformed', { problems: parsed.problems });
        return parsed.submission;
      },
      responses: {
        200: { description: "Stored (or replayed): the server's score and review state", schema: SubmissionResultSchema },
        409: { description: "Revision conflict or stale base revision; `error.currentRevision` is the server's" },
        413: { description: 'Body over 4 MB' },
        422: { description: 'Invalid for the catalogue/methodology', schema: InvalidSubmissionSchema },
      },
    },
    async (c, { body, text }) => {
      const principal = c.get('principal');
      if (principal?.kind !== 'device') throw forbidden();
      const outcome = await submitRevision(deps, principal, idParam(c), body, clientIp(c, deps), early.get(c));
      const { revision, contentHash } = outcome.result;
      known.remember(keys.get(c) ?? known.keyOf(idParam(c), text), { revision, communeCode: body.communeCode, contentHash });
      if (outcome.replayed) c.header('Idempotent-Replayed', 'true');
      return c.json(outcome.result, 200);
    },
  );

  api.add(
    {
      method: 'get',
      path: '/assessments/{id}',
      tag: 'assessments',
      summary: 'The latest revision with score, review state and verdicts',
      auth: 'any',
      responses: {
        200: { description: 'The assessment', schema: AssessmentViewSchema },
        404: { description: 'Unknown assessment' },
      },
    },
    async (c) => {
      const assessment = await readableAssessment(c, deps);
      const revision = await findRevision(deps.db, assessment.id, assessment.latest_revision);
      if (!revision) throw new Error('assessment without its latest revision');
      const reviews = await listReviews(deps.db, assessment.id);
      const names = await reviewerNames(deps, reviews);
      const submission = storedSubmission(revision);
      return c.json({
        ...submissionResult(assessment, revision, await latestReviewOf(deps.db, assessment.id, revision.revision)),
        communeCode: assessment.commune_code,
        provinceCode: assessment.province_code,
        submission,
        evidence: await evidenceView(deps.db, assessment.commune_code, submission.evidence ?? []),
        reviews: reviews.map((r) => ({ ...verdictOf(r), reviewer: names.get(r.reviewer_id) ?? '' })),
      });
    },
  );

  api.add(
    {
      method: 'get',
      path: '/assessments/{id}/revisions',
      tag: 'assessments',
      summary: 'Every revision, oldest first, with what changed since the previous one',
      auth: 'any',
      responses: {
        200: { description: 'Revision history', schema: RevisionListSchema },
        404: { description: 'Unknown assessment' },
      },
    },
    async (c) => {
      const assessment = await readableAssessment(c, deps);
      const [revisions, reviews] = await Promise.all([
        listRevisions(deps.db, assessment.id),
        listReviews(deps.db, assessment.id),
      ]);
      const names = await reviewerNames(deps, reviews);
      const submissions = revisions.map(storedSubmission);
      return c.json({
        assessmentId: assessment.id,
        revisions: revisions.map((r, i) => ({
          revision: r.revision,
          baseRevision: r.base_revision,
          contentHash: r.content_hash,
          submittedAt: r.submitted_at,
          receivedAt: r.received_at,
          index: r.score_index,
          level: r.level,
          progress: revisionProgress(deps.reference, submissions[i] ?? storedSubmission(r)),
          changes: diffSubmissions(submissions[i - 1] ?? null, submissions[i] ?? storedSubmission(r)),
          reviews: reviews
            .filter((v) => v.revision === r.revision)
            .map((v) => ({ ...verdictOf(v), reviewer: names.get(v.reviewer_id) ?? '' })),
        })),
      });
    },
  );

  api.add(
    {
      method: 'post',
      path: '/assessments/{id}/reviews',
      tag: 'assessments',
      summary: 'Accept the latest revision, or return it with a comment',
      auth: 'reviewer',
      body: ReviewRequestSchema,
      responses: {
        201: { description: 'Verdict recorded', schema: ReviewResponseSchema },
        404: { description: 'Unknown assessment' },
        409: { description: 'A newer revision arrived (when `revision` was given)' },
        422: { description: 'Returned without a comment, or comments on unknown components' },
      },
    },
    async (c, { body }) => {
      const id = idParam(c);
      const outcome = await reviewAssessment(deps, c.get('principal'), id, body, clientIp(c, deps));
      return c.json({ assessmentId: id, ...outcome }, 201);
    },
  );
}
