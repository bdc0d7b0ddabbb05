/**
 * The rows of the evidence tables (schema v3, issue #13; the shared contract of the phone's
 * storage, the upload and the submission). A file is stored once, keyed by the sha-256 of its
 * bytes; each attachment of it to an item is a link.
 */
import type { EvidenceType } from '../domain/evidence-file';

export interface EvidenceBlobRow {
  /** Hex sha-256 of `blob`'s bytes: the key, and the name the server knows the file by. */
  sha256: string;
  type: EvidenceType;
  size: number;
  blob: Blob;
  createdAt: string;
  /** Pixels of a stored image. */
  width?: number;
  height?: number;
  /** Kept full-size because the officer asked ("Giữ ảnh gốc"). */
  original?: true;
  /**
   * Set when the last link went away while a revision already sent may name this file and it
   * has not reached the server yet: the upload still needs it (removeEvidence, pruneEvidence).
   */
  held?: true;
  /** Upload state, written by src/sync (tus): the upload URL to resume, bytes acknowledged, when done, last error. */
  uploadUrl?: string;
  uploadedBytes?: number;
  uploadedAt?: string;
  uploadError?: string;
}

export interface EvidenceLinkRow {
  /** A UUID. */
  id: string;
  assessmentId: string;
  /** The component or indicator code the file proves. */
  code: string;
  sha256: string;
  /** NFC, trimmed, at most EVIDENCE_LIMITS.caption code points; "" when none. */
  caption: string;
  /** The original file name, for display only. */
  name: string;
  createdAt: string;
}
