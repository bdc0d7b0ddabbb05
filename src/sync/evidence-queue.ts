/**
 * Which evidence files wait to go up, and what each upload outcome writes on the file's row
 * (evidenceBlobs, keyed by sha-256). The file row is the upload's outbox: its upload URL (to
 * resume), the bytes the server acknowledged, its retries and backoff, and a refusal kept until
 * the officer retries. Every write re-reads the row in its own small transaction: the officer
 * may have removed the file meanwhile, and a stale copy must not be written back.
 *
 * A row holds the file itself, and writing the row writes its Blob again: so the row is written
 * a few times per upload (URL created, attempt ended, done), never per chunk. Progress between
 * those writes lives in memory (evidence-progress.ts); a resume asks the server for its offset.
 *
 * A file goes up only once the server holds a revision that names it (the submission goes
 * first, small): files linked to an assessment sent, accepted or returned, and files kept only
 * because a sent revision may name them (`held`, src/db/evidence-release.ts).
 */
import type { XasoDb } from '../db/database';
import type { EvidenceBlobRow } from '../db/evidence-rows';
import { guardWrite } from '../db/errors';
import { backoffDelay } from './backoff';

/** A file row with the upload bookkeeping src/sync adds (no index: no schema change). */
export type UploadRow = EvidenceBlobRow & {
  /** Failed attempts since the last success or "Thử lại". */
  uploadAttempts?: number;
  /** ISO time before which no new attempt is made (backoff). */
  uploadRetryAt?: string;
  /** The server refused the file (a 4xx): not retried until the officer asks. */
  uploadFailed?: true;
};

/** Sync states in which the server holds a revision of the assessment. */
const DELIVERED = new Set(['sent', 'accepted', 'returned']);

/** Every file some delivered revision may name and the server has not confirmed, oldest first. */
export async function filesToUpload(db: XasoDb): Promise<UploadRow[]> {
  return db.transaction('r', [db.sync, db.evidenceLinks, db.evidenceBlobs], async () => {
    const delivered = (await db.sync.toArray()).filter((r) => DELIVERED.has(r.state)).map((r) => r.assessmentId);
    const links = delivered.length ? await db.evidenceLinks.where('assessmentId').anyOf(delivered).toArray() : [];
    const linked = new Set(links.map((l) => l.sha256));
    const rows = (await db.evidenceBlobs.toArray()) as UploadRow[];
    return rows
      .filter((b) => !b.uploadedAt && (linked.has(b.sha256) || b.held))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.sha256.localeCompare(b.sha256));
  });
}

/** Files that may be tried now, and the earliest time one that waits falls due. */
export function dueNow(rows: readonly UploadRow[], nowIso: string): { due: UploadRow[]; nextDueAt?: string } {
  const open = rows.filter((r) => !r.uploadFailed);
  const later = open.map((r) => r.uploadRetryAt).filter((t): t is string => t !== undefined && t > nowIso);
  const nextDueAt = later.sort()[0];
  return {
    due: open.filter((r) => r.uploadRetryAt === undefined || r.uploadRetryAt <= nowIso),
    ...(nextDueAt === undefined ? {} : { nextDueAt }),
  };
}

/** The name the file was attached under (display only), for the upload's metadata. */
export async function fileNameOf(db: XasoDb, sha256: string): Promise<string> {
  const link = await db.evidenceLinks.where('sha256').equals(sha256).first();
  return link?.name ?? '';
}

async function patch(db: XasoDb, sha256: string, change: (row: UploadRow) => UploadRow | null): Promise<void> {
  await guardWrite(
    db.transaction('rw', [db.evidenceBlobs, db.evidenceLinks], async () => {
      const row = (await db.evidenceBlobs.get(sha256)) as UploadRow | undefined;
      if (!row) return; // removed meanwhile
      const next = change(row);
      if (next === null) await db.evidenceBlobs.delete(sha256);
      else await db.evidenceBlobs.put(next);
    }),
  );
}

function without(row: UploadRow, ...keys: (keyof UploadRow)[]): UploadRow {
  const copy: UploadRow = { ...row };
  for (const k of keys) delete copy[k];
  return copy;
}

/** A new upload was created on the server: remember where, before any byte goes there. */
export function saveUploadUrl(db: XasoDb, sha256: string, url: string): Promise<void> {
  return patch(db, sha256, (row) => ({ ...row, uploadUrl: url, uploadedBytes: 0 }));
}

/** The server's upload URL is gone (expired): the next attempt creates a new upload. */
export function forgetUploadUrl(db: XasoDb, sha256: string): Promise<void> {
  return patch(db, sha256, (row) => without(row, 'uploadUrl', 'uploadedBytes'));
}

/**
 * The server holds the file. A file kept only for the upload (held, no link left) is not needed
 * on the phone any more.
 */
export async function markUploaded(db: XasoDb, sha256: string, at: string): Promise<void> {
  await guardWrite(
    db.transaction('rw', [db.evidenceBlobs, db.evidenceLinks], async () => {
      const row = (await db.evidenceBlobs.get(sha256)) as UploadRow | undefined;
      if (!row) return;
      if (row.held && (await db.evidenceLinks.where('sha256').equals(sha256).count()) === 0) {
        await db.evidenceBlobs.delete(sha256);
        return;
      }
      const done = without(row, 'uploadUrl', 'uploadError', 'uploadAttempts', 'uploadRetryAt', 'uploadFailed', 'held');
      await db.evidenceBlobs.put({ ...done, uploadedBytes: row.size, uploadedAt: at });
    }),
  );
}

/** No answer, timeout, 5xx: try again after a growing, jittered delay (the outbox's backoff). */
export async function markUploadRetry(
  db: XasoDb,
  sha256: string,
  failure: { reason: string; acknowledged?: number },
  now: number,
  random: () => number,
): Promise<string | undefined> {
  let dueAt: string | undefined;
  await patch(db, sha256, (row) => {
    const attempts = (row.uploadAttempts ?? 0) + 1;
    dueAt = new Date(now + backoffDelay(attempts, random)).toISOString();
    const bytes = failure.acknowledged ?? row.uploadedBytes;
    return {
      ...row,
      uploadAttempts: attempts,
      uploadRetryAt: dueAt,
      uploadError: failure.reason,
      ...(bytes === undefined ? {} : { uploadedBytes: Math.min(bytes, row.size) }),
    };
  });
  return dueAt;
}

/** A 4xx: kept, with the server's reason, until the officer retries ("Thử lại"). */
export function markUploadRefused(db: XasoDb, sha256: string, reason: string): Promise<void> {
  return patch(db, sha256, (row) => ({
    ...without(row, 'uploadRetryAt'),
    uploadAttempts: (row.uploadAttempts ?? 0) + 1,
    uploadFailed: true,
    uploadError: reason,
  }));
}

/** "Thử lại" on a refused or waiting file: due now, from where the server stands. */
export function retryUpload(db: XasoDb, sha256: string): Promise<void> {
  return patch(db, sha256, (row) => without(row, 'uploadFailed', 'uploadError', 'uploadAttempts', 'uploadRetryAt'));
}
