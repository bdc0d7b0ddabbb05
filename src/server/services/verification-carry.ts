/**
 * Carrying a verification forward on resubmission (issue #14). A council does not redo the steps
 * on items the commune did not change: each standing step of the previous revision on an item whose
 * answer and evidence are the same in the new revision is copied to it, with its original reviewer
 * and time and `carried_from` naming the revision it was taken on; changed items are verified
 * afresh. The new revision's verified score is recomputed here, by the server, from those steps.
 */
import type { Kysely } from 'kysely';
import { itemUnchanged } from '../../domain/verification-carry';
import { newId } from '../auth/tokens';
import type { AppDeps } from '../context';
import type { Database } from '../db/schema';
import { findRevision, type RevisionRow } from '../repositories/assessments';
import { insertVerification, listVerifications, type VerificationRow } from '../repositories/verifications';
import { basisOf, saveScoreOf, standing } from './verification';
import { storedSubmission } from './submission-results';

/** The steps carried to `revision` from the one before it (none when it was not verified). */
export async function carryVerification(
  deps: AppDeps,
  db: Kysely<Database>,
  revision: RevisionRow,
  provinceCode: string,
): Promise<string[]> {
  const previous = revision.revision - 1;
  if (previous < 1) return [];
  const rows = await listVerifications(db, revision.assessment_id, previous);
  if (rows.length === 0) return [];
  const before = await findRevision(db, revision.assessment_id, previous);
  if (!before) return [];
  const basis = await basisOf(deps, db, revision, provinceCode);
  const old = storedSubmission(before);
  const codes = new Set(basis.items.map((i) => i.code));
  // The newest step per item stands; keep its reviewer and time.
  const latest = new Map<string, VerificationRow>();
  for (const r of rows) latest.set(r.code, r);
  const carried: VerificationRow[] = [...latest.values()]
    .filter((r) => codes.has(r.code) && itemUnchanged(old, basis.submission, r.code))
    .map((r) => ({
      ...r,
      id: newId(),
      revision: revision.revision,
      carried_from: r.carried_from ?? previous,
    }));
  if (carried.length === 0) return [];
  for (const row of carried) await insertVerification(db, row);
  await saveScoreOf(db, revision, basis, standing(carried, new Map()), deps.now().toISOString());
  return carried.map((r) => r.code);
}
