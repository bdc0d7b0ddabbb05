/**
 * When a file loses its links (removeEvidence, deleteAssessment): kept apart from ./evidence.ts
 * so that deleteAssessment, on the first screen's path, does not bring the attach code with it.
 */
import type { Table } from 'dexie';
import { refusesBytes } from '../domain/evidence-file';
import type { XasoDb } from './database';

/**
 * Inside a transaction over sync, evidenceLinks and evidenceBlobs: the file `sha256` has lost a
 * link of `assessmentId`. It is deleted when no link is left, unless a revision already sent may
 * name it and the server does not have it yet: then it is kept, marked `held`, for the upload. A
 * file the server refused for its bytes (too large, not what it claims, a broken photo) is never
 * held: no upload will take it, and a held file has no link left to show or remove it by.
 */
export async function releaseBlob(db: XasoDb, sha256: string, assessmentId: string): Promise<void> {
  if ((await db.evidenceLinks.where('sha256').equals(sha256).count()) > 0) return;
  const blob = await db.evidenceBlobs.get(sha256);
  if (!blob) return;
  // A sync row exists once a revision was queued; it may have named this file.
  const sent = (await db.sync.get(assessmentId)) !== undefined;
  // uploadFailed is the upload's own mark (src/sync/evidence-queue.ts), with the server's reason.
  const refused = (blob as { uploadFailed?: true }).uploadFailed === true && refusesBytes(blob.uploadError);
  if ((sent || blob.held) && !blob.uploadedAt && !refused) await db.evidenceBlobs.update(sha256, { held: true });
  else await db.evidenceBlobs.delete(sha256);
}

/** The tables a removal touches (for callers that remove evidence inside their own transaction). */
export function evidenceTables(db: XasoDb): Table[] {
  return [db.sync, db.evidenceLinks, db.evidenceBlobs];
}

/** Inside a transaction over evidenceTables: remove every link of an assessment (deleteAssessment). */
export async function dropAssessmentEvidence(db: XasoDb, assessmentId: string): Promise<void> {
  const links = await db.evidenceLinks.where('assessmentId').equals(assessmentId).toArray();
  await db.evidenceLinks.bulkDelete(links.map((l) => l.id));
  for (const sha of new Set(links.map((l) => l.sha256))) await releaseBlob(db, sha, assessmentId);
}
