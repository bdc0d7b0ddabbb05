/**
 * Evidence on the phone (issue #13): files stored once by the sha-256 of their bytes
 * (evidenceBlobs) and linked to an assessment's items (evidenceLinks). A file and its link are
 * written in ONE transaction, so a tab killed right after an attach leaves both or neither; a
 * full disk aborts that transaction and touches nothing else (answers are other rows).
 * Images are downscaled before they get here (src/ui/evidence/downscale.ts): this module stores
 * the bytes it is given, after checking what they are by their first bytes.
 */
import { normalizeText, textLength } from '../domain/answer-rules';
import { EVIDENCE_LIMITS, SNIFF_BYTES, sniffEvidenceType } from '../domain/evidence-file';
import { isLocked } from '../domain/vocabulary';
import type { XasoDb } from './database';
import { AssessmentLockedError, AssessmentNotFoundError, guardWrite, XasoDbError } from './errors';
import { evidenceTables, releaseBlob } from './evidence-release';
import type { EvidenceBlobRow, EvidenceLinkRow } from './evidence-rows';
import { checkCode } from './validate';

export type EvidenceRefusal = 'empty' | 'too-large' | 'not-supported' | 'too-many' | 'caption-too-long';

/** A file or caption the store refuses before anything is written. */
export class EvidenceRefusedError extends XasoDbError {
  override name = 'EvidenceRefusedError';
  constructor(readonly reason: EvidenceRefusal) {
    super(
      {
        empty: 'The file is empty.',
        'too-large': `The file is larger than ${EVIDENCE_LIMITS.fileBytes / 1024 / 1024} MB.`,
        'not-supported': 'Only JPEG, PNG or WebP photos and PDF files can be attached.',
        'too-many': `An item can have at most ${EVIDENCE_LIMITS.perItem} files.`,
        'caption-too-long': `A caption can have at most ${EVIDENCE_LIMITS.caption} characters.`,
      }[reason],
    );
  }
}

export interface AttachInput {
  assessmentId: string;
  /** Component or indicator code. */
  code: string;
  /** The bytes to store: a downscaled photo, an original kept on request, or a PDF (a File is a Blob). */
  blob: Blob;
  /** The file name shown; taken from a File when left out. */
  name?: string;
  caption?: string;
  /** The officer asked to keep the original photo ("Giữ ảnh gốc"). */
  keepOriginal?: boolean;
  width?: number;
  height?: number;
}

export interface AttachResult {
  link: EvidenceLinkRow;
  /** The same file was already linked to this item: nothing was written. */
  alreadyAttached: boolean;
}

/** NFC, trimmed, bounded: the caption as stored. */
export function cleanCaption(caption: unknown): string {
  if (typeof caption !== 'string') throw new EvidenceRefusedError('caption-too-long');
  const s = normalizeText(caption);
  if (textLength(s) > EVIDENCE_LIMITS.caption) throw new EvidenceRefusedError('caption-too-long');
  return s;
}

/** Hex sha-256 of the bytes. */
export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

function fileName(input: AttachInput): string {
  const fromFile = typeof File !== 'undefined' && input.blob instanceof File ? input.blob.name : '';
  return normalizeText(input.name ?? fromFile).slice(0, 200);
}

async function writableAssessment(db: XasoDb, assessmentId: string): Promise<void> {
  const assessment = await db.assessments.get(assessmentId);
  if (!assessment) throw new AssessmentNotFoundError(assessmentId);
  if (isLocked(assessment.status)) throw new AssessmentLockedError(assessmentId, assessment.status);
}

/**
 * Store a file and link it to an item, in one transaction. The bytes are read, typed and hashed
 * first (outside the transaction: only Dexie calls may be awaited inside one). Rejects with
 * EvidenceRefusedError, AssessmentNotFoundError, AssessmentLockedError or StorageWriteError
 * (quota: the phone is full); on any of them nothing was written.
 */
export async function attachEvidence(db: XasoDb, input: AttachInput): Promise<AttachResult> {
  const code = checkCode(input.code);
  const caption = cleanCaption(input.caption ?? '');
  if (input.blob.size === 0) throw new EvidenceRefusedError('empty');
  if (input.blob.size > EVIDENCE_LIMITS.fileBytes) throw new EvidenceRefusedError('too-large');
  const bytes = await input.blob.arrayBuffer();
  const type = sniffEvidenceType(new Uint8Array(bytes, 0, Math.min(SNIFF_BYTES, bytes.byteLength)));
  if (!type) throw new EvidenceRefusedError('not-supported');
  const sha256 = await sha256Hex(bytes);
  const now = new Date().toISOString();
  const link: EvidenceLinkRow = {
    id: crypto.randomUUID(),
    assessmentId: input.assessmentId,
    code,
    sha256,
    caption,
    name: fileName(input),
    createdAt: now,
  };
  const row: EvidenceBlobRow = {
    sha256,
    type,
    size: bytes.byteLength,
    // The stored bytes are exactly the hashed ones, typed by what they are.
    blob: new Blob([bytes], { type }),
    createdAt: now,
    ...(input.width && input.height ? { width: input.width, height: input.height } : {}),
    ...(input.keepOriginal ? { original: true as const } : {}),
  };
  return guardWrite(
    db.transaction('rw', [db.assessments, db.evidenceBlobs, db.evidenceLinks], async () => {
      await writableAssessment(db, input.assessmentId);
      const onItem = await db.evidenceLinks.where('[assessmentId+code]').equals([input.assessmentId, code]).toArray();
      const same = onItem.find((l) => l.sha256 === sha256);
      if (same) return { link: same, alreadyAttached: true };
      if (onItem.length >= EVIDENCE_LIMITS.perItem) throw new EvidenceRefusedError('too-many');
      const stored = await db.evidenceBlobs.get(sha256);
      // A held file stays held: the revision that may name it still needs it after this link goes.
      if (!stored) await db.evidenceBlobs.add(row);
      await db.evidenceLinks.add(link);
      return { link, alreadyAttached: false };
    }),
  );
}

/** Remove one link (and its file when nothing needs it any more). False when there was no such link. */
export async function removeEvidence(db: XasoDb, linkId: string): Promise<boolean> {
  return guardWrite(
    db.transaction('rw', [db.assessments, ...evidenceTables(db)], async () => {
      const link = await db.evidenceLinks.get(linkId);
      if (!link) return false;
      await writableAssessment(db, link.assessmentId);
      await db.evidenceLinks.delete(linkId);
      await releaseBlob(db, link.sha256, link.assessmentId);
      return true;
    }),
  );
}

/** Change a caption; resolves with the stored link once committed. */
export async function updateEvidenceCaption(db: XasoDb, linkId: string, caption: string): Promise<EvidenceLinkRow> {
  const clean = cleanCaption(caption);
  return guardWrite(
    db.transaction('rw', [db.assessments, db.evidenceLinks], async () => {
      const link = await db.evidenceLinks.get(linkId);
      if (!link) throw new XasoDbError('This file is no longer attached.');
      await writableAssessment(db, link.assessmentId);
      if (link.caption !== clean) await db.evidenceLinks.update(linkId, { caption: clean });
      return { ...link, caption: clean };
    }),
  );
}

/** The links of an assessment (of one item when `code` is given), oldest first. */
export async function listEvidence(db: XasoDb, assessmentId: string, code?: string): Promise<EvidenceLinkRow[]> {
  const links =
    code === undefined
      ? await db.evidenceLinks.where('assessmentId').equals(assessmentId).toArray()
      : await db.evidenceLinks.where('[assessmentId+code]').equals([assessmentId, code]).toArray();
  return links.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** How many files each item of an assessment has (the cards' "Minh chứng (n)"). */
export async function countEvidence(db: XasoDb, assessmentId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await db.evidenceLinks
    .where('assessmentId')
    .equals(assessmentId)
    .each((l) => (counts[l.code] = (counts[l.code] ?? 0) + 1));
  return counts;
}

export async function getEvidenceFile(db: XasoDb, sha256: string): Promise<EvidenceBlobRow | undefined> {
  return db.evidenceBlobs.get(sha256);
}

/** Bytes and files the stored evidence takes (each file counted once, however often linked). */
export async function evidenceUsage(db: XasoDb): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  await db.evidenceBlobs.each((b) => {
    bytes += b.size;
    files += 1;
  });
  return { bytes, files };
}

/** Delete held files the server now has (after an upload). Returns how many were deleted. */
export async function pruneEvidence(db: XasoDb): Promise<number> {
  return guardWrite(
    db.transaction('rw', [db.evidenceLinks, db.evidenceBlobs], async () => {
      const held = await db.evidenceBlobs.filter((b) => b.held === true && b.uploadedAt !== undefined).primaryKeys();
      let deleted = 0;
      for (const sha of held) {
        if ((await db.evidenceLinks.where('sha256').equals(sha).count()) > 0) continue;
        await db.evidenceBlobs.delete(sha);
        deleted++;
      }
      return deleted;
    }),
  );
}
