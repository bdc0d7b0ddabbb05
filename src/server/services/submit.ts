/**
 * Receiving a submission, idempotently (the rule lives in ../README.md):
 * - a revision the server already holds with the same content hash is answered again, unchanged;
 * - the same revision with other content, or a base revision that is not the server's latest,
 *   is a 409 carrying the server's current revision: nothing is ever overwritten;
 * - otherwise the revision is validated, scored by the shared domain module and appended.
 * The (assessment id, revision) primary key settles races between instances: the loser retries
 * once and then sees the winner's row as a replay or a conflict.
 */
import type { Kysely } from 'kysely';
import { scoreAssessment } from '../../domain/scoring';
import { submissionContentHash, validateSubmission, type Submission, type SubmissionResult } from '../../domain/submission';
import type { AppDeps, DevicePrincipal } from '../context';
import { isUniqueViolation } from '../db/errors';
import type { Database } from '../db/schema';
import { ApiError, conflict, forbidden } from '../errors';
import { appendRevision, findAssessment, findRevision, type RevisionRow } from '../repositories/assessments';
import { latestReviewOf } from '../repositories/reviews';
import { audit } from './audit-trail';
import { submissionResult } from './submission-results';

export interface SubmitOutcome {
  result: SubmissionResult;
  replayed: boolean;
}

function invalid(problems: { code?: string; problem: string }[]): ApiError {
  return new ApiError(422, 'invalid_submission', 'The submission is not valid for its catalogue and methodology', { problems });
}

async function storeOrReplay(
  deps: AppDeps,
  trx: Kysely<Database>,
  device: DevicePrincipal,
  id: string,
  submission: Submission,
  hash: string,
  ip: string,
): Promise<SubmitOutcome> {
  const existing = await findAssessment(trx, id);
  if (existing && existing.commune_code !== device.communeCode) throw forbidden('This assessment belongs to another commune');
  const current = existing?.latest_revision ?? 0;

  const same = existing ? await findRevision(trx, id, submission.revision) : undefined;
  if (existing && same) {
    if (same.content_hash !== hash) {
      throw conflict('revision_conflict', `Revision ${submission.revision} already exists with different content`, { currentRevision: current });
    }
    return { result: submissionResult(existing, same, await latestReviewOf(trx, id, same.revision)), replayed: true };
  }
  if ((submission.baseRevision ?? 0) !== current) {
    throw conflict('stale_base_revision', `The server's latest revision is ${current}; edit from it and resubmit`, { currentRevision: current });
  }

  const catalogue = deps.reference.catalogues.get(submission.catalogueVersion);
  const methodology = deps.reference.methodologies.get(submission.methodologyId);
  if (!catalogue || !methodology) throw new Error('validated submission lost its reference data');
  const score = scoreAssessment({
    catalogue,
    methodology,
    areaTypes: submission.areaTypes,
    answers: Object.fromEntries(submission.answers.map((a) => [a.code, a])),
  });
  const receivedAt = deps.now().toISOString();
  const row: RevisionRow = {
    assessment_id: id,
    revision: submission.revision,
    base_revision: submission.baseRevision,
    device_id: device.id,
    content_hash: hash,
    payload: JSON.stringify(submission),
    score: JSON.stringify(score),
    score_index: score.index,
    level: score.level,
    period: submission.period,
    area_types: JSON.stringify(submission.areaTypes),
    submitted_at: submission.submittedAt,
    received_at: receivedAt,
  };
  await appendRevision(trx, row, { communeCode: device.communeCode, provinceCode: device.provinceCode, exists: existing !== undefined });
  await audit(
    deps,
    { principal: device, ip },
    { action: 'assessment.submit', outcome: 'success', target: id, detail: { revision: row.revision, index: score.index, level: score.level } },
    trx,
  );
  const stored = await findAssessment(trx, id);
  if (!stored) throw new Error('appended revision has no assessment');
  return { result: submissionResult(stored, row, undefined), replayed: false };
}

export async function submitRevision(
  deps: AppDeps,
  device: DevicePrincipal,
  id: string,
  submission: Submission,
  ip: string,
): Promise<SubmitOutcome> {
  const fail = (reason: string, detail: Record<string, unknown> = {}) =>
    audit(deps, { principal: device, ip }, { action: 'assessment.submit', outcome: 'failure', target: id, detail: { revision: submission.revision, reason, ...detail } });

  if (submission.communeCode !== device.communeCode) {
    await fail('wrong-commune');
    throw forbidden('This device is enrolled for another commune');
  }
  const catalogue = deps.reference.catalogues.get(submission.catalogueVersion);
  const methodology = deps.reference.methodologies.get(submission.methodologyId);
  const check = !catalogue
    ? { ok: false as const, problems: [{ problem: 'unknown-catalogue-version' }] }
    : !methodology
      ? { ok: false as const, problems: [{ problem: 'unknown-methodology' }] }
      : validateSubmission(submission, catalogue, methodology);
  if (!check.ok) {
    await fail('invalid', { problems: check.problems.length });
    throw invalid(check.problems);
  }

  const hash = submissionContentHash(submission);
  for (let attempt = 0; ; attempt++) {
    try {
      return await deps.db.transaction().execute((trx) => storeOrReplay(deps, trx, device, id, submission, hash, ip));
    } catch (error) {
      if (isUniqueViolation(error) && attempt === 0) continue;
      if (error instanceof ApiError) await fail(error.code, 'currentRevision' in error.details ? { currentRevision: error.details.currentRevision } : {});
      throw error;
    }
  }
}
