/**
 * Verification (thẩm định) of the latest revision of an assessment, item by item: a reviewer of the
 * commune's province (or the admin) lets the officer's answer stand, or adjusts it to another value
 * of the same input kind with a required reason. Each step is appended and audited; the verified
 * score is then recomputed by the server from the stored answers with every adjustment applied,
 * by the same catalogue, methodology and criteria set as the self-assessed score, and stored beside
 * it (verified_scores, per revision). Steps on one assessment are serialised like reviews.
 */
import type { Kysely } from 'kysely';
import {
  applyAdjustments,
  checkAdjustment,
  verifiableItems,
  type AdjustedAnswer,
  type VerificationItem,
  type VerificationView,
} from '../../domain/verification';
import { newId } from '../auth/tokens';
import type { AppDeps, Principal } from '../context';
import type { Database } from '../db/schema';
import { ApiError, notFound } from '../errors';
import { findRevision, type AssessmentRow, type RevisionRow } from '../repositories/assessments';
import { listUsers } from '../repositories/users';
import {
  findVerifiedScore,
  insertVerification,
  listVerifications,
  saveVerifiedScore,
  type VerificationRow,
} from '../repositories/verifications';
import { audit } from './audit-trail';
import { criteriaSetOf, scoreWithSet } from './criteria-submission';
import { storedMeasured } from './measured-inputs';
import { openForReviewer } from './review';
import { storedSubmission } from './submission-results';

export interface VerifyInput {
  code: string;
  outcome: 'verified' | 'adjusted';
  adjusted?: AdjustedAnswer | undefined;
  reason?: string | undefined;
  revision?: number | undefined;
}

const unprocessable = (code: string, message: string, details?: Record<string, unknown>) =>
  new ApiError(422, code, message, details);

/** What a revision is verified against: its submission, catalogue, methodology, set and items. */
export async function basisOf(deps: AppDeps, db: Kysely<Database>, revision: RevisionRow, provinceCode: string) {
  const submission = storedSubmission(revision);
  const catalogue = deps.reference.catalogues.get(submission.catalogueVersion);
  const methodology = deps.reference.methodologies.get(submission.methodologyId);
  if (!catalogue || !methodology) throw new Error(`revision ${revision.revision} names data this server no longer holds`);
  const set = await criteriaSetOf(deps, provinceCode, submission, db);
  return { submission, catalogue, methodology, set, items: verifiableItems(submission, catalogue, set) };
}

/** The standing step per item (the newest), in item order of the steps. */
export function standing(rows: readonly VerificationRow[], names: ReadonlyMap<string, string>): VerificationItem[] {
  const byCode = new Map<string, VerificationItem>();
  for (const r of rows) {
    byCode.delete(r.code);
    byCode.set(r.code, {
      code: r.code,
      outcome: r.outcome,
      ...(r.adjusted !== null ? { adjusted: JSON.parse(r.adjusted) as AdjustedAnswer } : {}),
      ...(r.reason !== null ? { reason: r.reason } : {}),
      by: names.get(r.reviewer_id) ?? '',
      at: r.created_at,
      ...(r.carried_from !== null ? { carriedFrom: r.carried_from } : {}),
    });
  }
  return [...byCode.values()];
}

export async function usernames(db: Kysely<Database>, rows: readonly VerificationRow[]): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  return new Map((await listUsers(db)).map((u) => [u.id, u.username]));
}

/** The verification of one revision as it stands. */
export async function verificationOf(
  deps: AppDeps,
  db: Kysely<Database>,
  assessment: AssessmentRow,
  revisionNumber: number = assessment.latest_revision,
): Promise<VerificationView> {
  const revision = await findRevision(db, assessment.id, revisionNumber);
  if (!revision) throw notFound('No such revision');
  const [rows, stored] = await Promise.all([
    listVerifications(db, assessment.id, revisionNumber),
    findVerifiedScore(db, assessment.id, revisionNumber),
  ]);
  const items = standing(rows, await usernames(db, rows));
  return {
    assessmentId: assessment.id,
    revision: revisionNumber,
    itemCount: stored?.item_count ?? (await basisOf(deps, db, revision, assessment.province_code)).items.length,
    verifiedCount: items.filter((i) => i.outcome === 'verified').length,
    adjustedCount: items.filter((i) => i.outcome === 'adjusted').length,
    items,
    score: stored ? (JSON.parse(stored.score) as VerificationView['score']) : null,
    updatedAt: stored?.updated_at ?? null,
  };
}

function sameStep(item: VerificationItem | undefined, input: VerifyInput): boolean {
  return (
    item !== undefined &&
    item.carriedFrom === undefined &&
    item.outcome === input.outcome &&
    JSON.stringify(item.adjusted ?? null) === JSON.stringify(input.adjusted ?? null) &&
    (item.reason ?? '') === (input.reason ?? '')
  );
}

type Basis = Awaited<ReturnType<typeof basisOf>>;

/** Recomputes and stores the verified score of a revision from its standing steps. */
export async function saveScoreOf(
  db: Kysely<Database>,
  revision: RevisionRow,
  { submission, catalogue, methodology, set, items }: Basis,
  current: readonly VerificationItem[],
  at: string,
) {
  // The measured figures the revision was scored with, not today's tally.
  const measured = storedMeasured(revision.score);
  const score = scoreWithSet(applyAdjustments(submission, current, at), catalogue, methodology, set, measured);
  await saveVerifiedScore(db, {
    assessment_id: revision.assessment_id,
    revision: revision.revision,
    score: JSON.stringify(score),
    score_index: score.index,
    level: score.level,
    criteria_total: score.criteria?.total ?? null,
    criteria_level: score.criteria?.level ?? null,
    item_count: items.length,
    verified_count: current.filter((i) => i.outcome === 'verified').length,
    adjusted_count: current.filter((i) => i.outcome === 'adjusted').length,
    updated_at: at,
  });
  return score;
}

export async function verifyItem(
  deps: AppDeps,
  principal: Principal | undefined,
  id: string,
  input: VerifyInput,
  ip: string,
): Promise<VerificationView> {
  return deps.db.transaction().execute(async (trx) => {
    const { assessment, user } = await openForReviewer(trx, principal, id, input.revision, 'verify');
    const revision = await findRevision(trx, id, assessment.latest_revision);
    if (!revision) throw new Error('assessment without its latest revision');
    const { submission, catalogue, methodology, set, items } = await basisOf(deps, trx, revision, assessment.province_code);
    const item = items.find((i) => i.code === input.code);
    if (!item) throw unprocessable('unknown_item', `"${input.code}" is not an item of this assessment`);
    if (input.outcome === 'adjusted') {
      if (!input.adjusted) throw unprocessable('adjusted_value_required', 'An adjustment needs the new value');
      if (!input.reason) throw unprocessable('reason_required', 'Say why the value is adjusted');
      const problem = checkAdjustment(item, input.adjusted, set);
      if (problem)
        throw unprocessable('invalid_adjustment', `The new value is not valid for ${input.code}: ${problem}`, { problem });
    } else if (input.adjusted) {
      throw unprocessable('unexpected_value', 'A verified item keeps the officer’s value; send no new value');
    }

    const before = await listVerifications(trx, id, revision.revision);
    const at = deps.now().toISOString();
    const names = new Map([[user.id, user.username]]);
    if (
      sameStep(
        standing(before, names).find((i) => i.code === input.code && i.by === user.username),
        input,
      )
    ) {
      return verificationOf(deps, trx, assessment);
    }
    const row: VerificationRow = {
      id: newId(),
      assessment_id: id,
      revision: revision.revision,
      code: input.code,
      outcome: input.outcome,
      adjusted: input.outcome === 'adjusted' && input.adjusted ? JSON.stringify(input.adjusted) : null,
      reason: input.reason ? input.reason : null,
      reviewer_id: user.id,
      created_at: at,
      carried_from: null,
    };
    await insertVerification(trx, row);
    const current = standing([...before, row], names);
    const score = await saveScoreOf(trx, revision, { submission, catalogue, methodology, set, items }, current, at);
    await audit(
      deps,
      { principal: user, ip },
      {
        action: 'assessment.verify',
        outcome: 'success',
        target: id,
        detail: {
          revision: revision.revision,
          code: input.code,
          outcome: input.outcome,
          ...(row.adjusted ? { adjusted: input.adjusted, reason: input.reason } : {}),
          verifiedIndex: score.index,
          verifiedLevel: score.level,
          ...(score.criteria ? { verifiedTotal: score.criteria.total } : {}),
        },
      },
      trx,
    );
    return verificationOf(deps, trx, assessment);
  });
}
