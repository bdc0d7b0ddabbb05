/**
 * Receiving a submission, idempotently (the rule lives in ../README.md):
 * - a revision the server already holds with the same content hash is answered again, unchanged;
 * - the same revision with other content, or a base revision that is not the server's latest,
 *   is a 409 carrying the server's current revision: nothing is ever overwritten;
 * - otherwise the revision is validated, scored by the shared domain module and appended.
 * The (assessment id, revision) primary key settles races between instances: the loser retries
 * once and then sees the winner's row as a replay or a conflict.
 * What is stored is read once, before validation (with the device when the route could, see
 * submission-state.ts): a replay (a phone retrying
 * after a lost answer: a third of the traffic under load) is answered from it without validating or
 * scoring again (identical content was valid when stored, and its score is stored), and the first
 * attempt to store decides from it without reading again, so a transaction only writes. A race it
 * missed ends in the primary key refusing the insert; the retry reads inside its transaction.
 * Scoring is done before the transaction, so the database is held only while writing.
 */
import type { Kysely } from 'kysely';
import type { CriteriaSet } from '../../domain/criteria';
import { checkSubmittedAt, type Submission, type SubmissionResult } from '../../domain/submission';
import type { Catalogue, Methodology, ScoreResult } from '../../domain/types';
import type { AppDeps, DevicePrincipal } from '../context';
import { isUniqueViolation } from '../db/errors';
import type { Database } from '../db/schema';
import { ApiError, conflict, forbidden } from '../errors';
import { carryVerification } from './verification-carry';
import {
  appendRevision,
  assessmentAt,
  findAssessment,
  findRevision,
  type RevisionRow,
  type SubmissionState,
} from '../repositories/assessments';
import { auditRowOf } from '../repositories/audit';
import { communeScoreRow, recordCommuneScore } from '../repositories/commune-scores';
import { writeRevisionAtOnce } from '../repositories/revision-write';
import { latestReviewOf } from '../repositories/reviews';
import { audit, auditEntry } from './audit-trail';
import { contentHash } from './content-hash';
import { criteriaSetOf, scoreWithSet, validateWithSet } from './criteria-submission';
import { measuredInputsFor } from './measured-inputs';
import type { MeasuredInputs } from '../../domain/criteria/measured';
import { submissionResult } from './submission-results';
import { stateForRevision, type EarlyState } from './submission-state';

export interface SubmitOutcome {
  result: SubmissionResult;
  replayed: boolean;
}

/** A validated submission, scored and ready to append. */
interface Scored {
  submission: Submission;
  catalogue: Catalogue;
  methodology: Methodology;
  score: ScoreResult;
  row: RevisionRow;
}

function invalid(problems: { code?: string; problem: string }[]): ApiError {
  return new ApiError(422, 'invalid_submission', 'The submission is not valid for its catalogue and methodology', { problems });
}

/** Reads what is stored inside the transaction: the retry after a race, when the early read is stale. */
async function readState(trx: Kysely<Database>, id: string, revision: number): Promise<SubmissionState | undefined> {
  const assessment = await findAssessment(trx, id);
  if (!assessment) return undefined;
  // Revisions are appended one after another, so a revision above the latest cannot exist yet.
  const stored = revision <= assessment.latest_revision ? await findRevision(trx, id, revision) : undefined;
  return stored ? { assessment, revision: stored, review: await latestReviewOf(trx, id, revision) } : { assessment };
}

async function storeOrReplay(
  deps: AppDeps,
  trx: Kysely<Database>,
  device: DevicePrincipal,
  id: string,
  scored: Scored,
  hash: string,
  ip: string,
  state: SubmissionState | undefined,
): Promise<SubmitOutcome> {
  const { submission, catalogue, methodology, score, row } = scored;
  const existing = state?.assessment;
  if (existing && existing.commune_code !== device.communeCode) throw forbidden('This assessment belongs to another commune');
  const current = existing?.latest_revision ?? 0;

  const same = state?.revision;
  if (existing && same) {
    if (same.content_hash !== hash) {
      throw conflict('revision_conflict', `Revision ${submission.revision} already exists with different content`, {
        currentRevision: current,
      });
    }
    return { result: submissionResult(existing, same, state.review), replayed: true };
  }
  if ((submission.baseRevision ?? 0) !== current) {
    throw conflict('stale_base_revision', `The server's latest revision is ${current}; edit from it and resubmit`, {
      currentRevision: current,
    });
  }

  const where = { communeCode: device.communeCode, provinceCode: device.provinceCode, existing };
  const scoreSource = { revision: row, provinceCode: device.provinceCode, communeCode: device.communeCode, submission, score };
  const facts = {
    action: 'assessment.submit',
    outcome: 'success' as const,
    target: id,
    detail: { revision: row.revision, index: score.index, level: score.level },
  };
  if (deps.dialect === 'postgres') {
    // One statement, one round trip (see ../repositories/revision-write.ts).
    await writeRevisionAtOnce(trx, {
      revision: row,
      created: existing ? undefined : assessmentAt(row, where),
      communeScore: communeScoreRow({ ...scoreSource, catalogue, methodology }),
      audit: auditRowOf(auditEntry(deps, { principal: device, ip }, facts)),
    });
    if (existing && state?.latestVerified !== false) await carryForward(deps, trx, device, row, ip);
    return { result: submissionResult(assessmentAt(row, where), row, undefined), replayed: false };
  }
  const stored = await appendRevision(trx, row, where);
  await recordCommuneScore(trx, { ...scoreSource, catalogue, methodology });
  await audit(deps, { principal: device, ip }, facts, trx);
  if (existing && state?.latestVerified !== false) await carryForward(deps, trx, device, row, ip);
  return { result: submissionResult(stored, row, undefined), replayed: false };
}

/**
 * The previous revision's verification steps on unchanged items hold for this one (audited). Skipped
 * when the state read saw no step on the latest revision (no round trip for the usual submission);
 * a step recorded between that read and this write is not carried, so the reviewer records it
 * again on the new revision: nothing wrong is ever carried. The retry after a race reads afresh.
 */
async function carryForward(deps: AppDeps, trx: Kysely<Database>, device: DevicePrincipal, row: RevisionRow, ip: string) {
  const codes = await carryVerification(deps, trx, row, device.provinceCode);
  if (codes.length === 0) return;
  await audit(
    deps,
    { principal: device, ip },
    {
      action: 'assessment.verify.carry',
      outcome: 'success',
      target: row.assessment_id,
      detail: { revision: row.revision, codes },
    },
    trx,
  );
}

function scoreSubmission(
  deps: AppDeps,
  device: DevicePrincipal,
  id: string,
  submission: Submission,
  hash: string,
  catalogue: Catalogue,
  methodology: Methodology,
  set: CriteriaSet | undefined,
  measured: MeasuredInputs | undefined,
): Scored {
  const score = scoreWithSet(submission, catalogue, methodology, set, measured);
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
    received_at: deps.now().toISOString(),
  };
  return { submission, catalogue, methodology, score, row };
}

export async function submitRevision(
  deps: AppDeps,
  device: DevicePrincipal,
  id: string,
  submission: Submission,
  ip: string,
  early?: EarlyState,
): Promise<SubmitOutcome> {
  const fail = (reason: string, detail: Record<string, unknown> = {}) =>
    audit(
      deps,
      { principal: device, ip },
      {
        action: 'assessment.submit',
        outcome: 'failure',
        target: id,
        detail: { revision: submission.revision, reason, ...detail },
      },
    );

  if (submission.communeCode !== device.communeCode) {
    await fail('wrong-commune');
    throw forbidden('This device is enrolled for another commune');
  }
  const catalogue = deps.reference.catalogues.get(submission.catalogueVersion);
  const methodology = deps.reference.methodologies.get(submission.methodologyId);
  let set: CriteriaSet | undefined;
  try {
    set = await criteriaSetOf(deps, device.provinceCode, submission);
  } catch (error) {
    await fail(
      error instanceof ApiError && error.code === 'criteria_set_not_published'
        ? 'criteria-set-not-published'
        : 'unknown-criteria-set',
    );
    throw error;
  }
  const hash = contentHash(submission);
  let state = await stateForRevision(deps.db, id, submission.revision, early);
  const held = state?.revision;
  if (
    state &&
    held &&
    catalogue &&
    methodology &&
    state.assessment.commune_code === device.communeCode &&
    held.content_hash === hash
  ) {
    return { result: submissionResult(state.assessment, held, state.review), replayed: true };
  }

  const check = !catalogue
    ? { ok: false as const, problems: [{ problem: 'unknown-catalogue-version' }] }
    : !methodology
      ? { ok: false as const, problems: [{ problem: 'unknown-methodology' }] }
      : validateWithSet(submission, catalogue, methodology, set);
  const future = checkSubmittedAt(submission.submittedAt, deps.now());
  if (!check.ok || future.length > 0 || !catalogue || !methodology) {
    const problems = [...future, ...(check.ok ? [] : check.problems)];
    await fail('invalid', { problems: problems.length });
    throw invalid(problems);
  }

  const measured = await measuredInputsFor(deps.db, device.communeCode, submission, set);
  const scored = scoreSubmission(deps, device, id, submission, hash, catalogue, methodology, set, measured);
  for (let attempt = 0; ; attempt++) {
    try {
      // On PostgreSQL the first attempt writes in one statement, atomic without a transaction.
      if (attempt === 0 && deps.dialect === 'postgres')
        return await storeOrReplay(deps, deps.db, device, id, scored, hash, ip, state);
      return await deps.db.transaction().execute(async (trx) => {
        if (attempt > 0) state = await readState(trx, id, submission.revision);
        return storeOrReplay(deps, trx, device, id, scored, hash, ip, state);
      });
    } catch (error) {
      if (isUniqueViolation(error) && attempt === 0) continue;
      if (error instanceof ApiError)
        await fail(error.code, 'currentRevision' in error.details ? { currentRevision: error.details.currentRevision } : {});
      throw error;
    }
  }
}
