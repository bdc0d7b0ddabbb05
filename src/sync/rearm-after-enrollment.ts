/**
 * A phone enrolled again after its token was refused (401: the province revoked it, or the
 * officer enrolled the phone for the right commune). What was refused for want of a valid
 * enrollment goes again by itself: submissions the server refused as `unauthorized` or
 * `commune-mismatch`, and evidence files refused as `unauthorized`. Without this each one waited
 * for the officer to find it and tap "Thử lại". Refusals for any other reason stay as they are:
 * sending the same thing again cannot help them.
 */
import { getDb, type XasoDb } from '../db/database';
import { retryUpload, type UploadRow } from './evidence-queue';
import { retrySubmission } from './submit';

const ENROLLMENT_REASONS = new Set(['unauthorized', 'commune-mismatch']);

export interface Rearmed {
  submissions: number;
  files: number;
}

export async function rearmAfterEnrollment(opts: { db?: XasoDb; now?: () => number } = {}): Promise<Rearmed> {
  const db = opts.db ?? getDb();
  const refused = await db.sync.filter((r) => r.state === 'error' && ENROLLMENT_REASONS.has(r.lastError ?? '')).toArray();
  const ids = refused.map((r) => r.assessmentId);
  // The sync run the enrollment asks for sends them: no flush of their own here.
  for (const id of ids) await retrySubmission(id, { db, now: opts.now, kick: () => undefined });
  const unauthorized = await db.evidenceBlobs
    .filter((f) => (f as UploadRow).uploadFailed === true && (f as UploadRow).uploadError === 'unauthorized')
    .primaryKeys();
  for (const sha256 of unauthorized) await retryUpload(db, sha256);
  return { submissions: ids.length, files: unauthorized.length };
}
