/**
 * What the submission path knows of the stored assessment before it validates (submit.ts), read
 * together with the caller's device when the request has a device token (one round trip instead
 * of two, ../repositories/device-state.ts). That read holds the assessment at its latest
 * revision, which answers a phone's next revision (latest + 1) and its resent last one; an older
 * revision is read on its own, as is everything when there was no early read.
 */
import type { AppContext, AppDeps, Principal } from '../context';
import { bearerToken, DEVICE_TOKEN_PREFIX, devicePrincipalOf, resolvePrincipal } from '../auth/principal';
import { hashSecret } from '../auth/tokens';
import { findSubmissionState, type SubmissionState } from '../repositories/assessments';
import { findDeviceWithLatestState } from '../repositories/device-state';
import type { Database } from '../db/schema';
import type { Kysely } from 'kysely';

/** The assessment at its latest revision as read with the device; latest undefined: none stored. */
export interface EarlyState {
  latest: SubmissionState | undefined;
}

/**
 * Who calls (as resolvePrincipal answers it) and, for a device token, assessment `id` at its latest
 * revision in the same read. A session token, or an id the route will refuse, takes the usual lookup.
 */
export async function resolveSubmitter(
  c: AppContext,
  deps: AppDeps,
  id: string,
  idIsValid: boolean,
): Promise<{ principal: Principal | undefined; early?: EarlyState }> {
  const token = bearerToken(c);
  if (!token?.startsWith(DEVICE_TOKEN_PREFIX) || !idIsValid) return { principal: await resolvePrincipal(c, deps) };
  const tokenHash = hashSecret(token);
  const found = await findDeviceWithLatestState(deps.db, tokenHash, id);
  if (!found) return { principal: undefined };
  return { principal: devicePrincipalOf(found.device, tokenHash), early: { latest: found.latest } };
}

/** The stored state of `revision` of assessment `id`: from the early read when it holds it, else read now. */
export async function stateForRevision(
  db: Kysely<Database>,
  id: string,
  revision: number,
  early: EarlyState | undefined,
): Promise<SubmissionState | undefined> {
  if (!early) return findSubmissionState(db, id, revision);
  const latest = early.latest;
  if (!latest) return undefined;
  const at = latest.assessment.latest_revision;
  if (revision === at) return latest;
  // Revisions are appended in order: one above the latest is not stored (nor any verdict on it).
  if (revision > at) return { assessment: latest.assessment, latestVerified: latest.latestVerified };
  return findSubmissionState(db, id, revision);
}
