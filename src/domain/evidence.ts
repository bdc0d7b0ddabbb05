/**
 * Evidence (tài liệu kiểm chứng) as a submission names it: a photo or a PDF attached to a
 * component or indicator, known by the SHA-256 of its bytes. The submission carries only these
 * small references and goes first; the files follow over tus (src/server/evidence). Shared by the
 * phone (to build and check the list before queueing) and the server (to refuse a hostile one).
 */
import { z } from 'zod';
import { normalizeText, textLength } from './answer-rules';

export const EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

/** One file at most this big: a scanned multi-page decision fits; a video does not. */
export const EVIDENCE_MAX_FILE_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_MAX_PER_ITEM = 20;
export const EVIDENCE_MAX_PER_SUBMISSION = 500;
/** Code points of the NFC caption. */
export const EVIDENCE_CAPTION_MAX = 500;
/** Lowercase hex, as the phone's evidenceBlobs key and the server's file URL write it. */
export const SHA256_HEX_RE = /^[0-9a-f]{64}$/;

export const EvidenceRefSchema = z.object({
  /** The component (or criteria-set indicator) the file proves. */
  code: z.string().min(1).max(32),
  sha256: z.string().regex(SHA256_HEX_RE),
  /** Wire ceiling in UTF-16 units (decomposed Vietnamese takes up to 3 a letter); the exact limit is checkEvidence's. */
  caption: z.string().max(EVIDENCE_CAPTION_MAX * 4),
  type: z.enum(EVIDENCE_TYPES),
  size: z.int().min(1).max(EVIDENCE_MAX_FILE_BYTES),
});
export type EvidenceRef = z.infer<typeof EvidenceRefSchema>;

export const EvidenceListSchema = z.array(EvidenceRefSchema).max(EVIDENCE_MAX_PER_SUBMISSION);

export type EvidenceProblem = 'evidence-unknown-code' | 'evidence-duplicate' | 'evidence-too-many' | 'evidence-caption-too-long';

/**
 * What is refused in the references: a code the submission cannot carry evidence for, the same
 * file twice on one item, more than EVIDENCE_MAX_PER_ITEM files on one item, an oversize caption.
 * `isKnownCode` says which codes may carry evidence (the caller knows the catalogue and the set).
 */
export function checkEvidence(
  evidence: readonly EvidenceRef[],
  isKnownCode: (code: string) => boolean,
): { code: string; problem: EvidenceProblem }[] {
  const problems: { code: string; problem: EvidenceProblem }[] = [];
  const perItem = new Map<string, Set<string>>();
  for (const ref of evidence) {
    if (!isKnownCode(ref.code)) problems.push({ code: ref.code, problem: 'evidence-unknown-code' });
    const files = perItem.get(ref.code) ?? new Set<string>();
    if (files.has(ref.sha256)) problems.push({ code: ref.code, problem: 'evidence-duplicate' });
    files.add(ref.sha256);
    perItem.set(ref.code, files);
    if (textLength(normalizeText(ref.caption)) > EVIDENCE_CAPTION_MAX)
      problems.push({ code: ref.code, problem: 'evidence-caption-too-long' });
  }
  for (const [code, files] of perItem)
    if (files.size > EVIDENCE_MAX_PER_ITEM) problems.push({ code, problem: 'evidence-too-many' });
  return problems;
}

/** Evidence in a fixed order (item, then file): what the content hash covers. */
export function orderedEvidence(evidence: readonly EvidenceRef[]): EvidenceRef[] {
  const key = (e: EvidenceRef) => `${e.code}\u0000${e.sha256}`;
  return [...evidence].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
