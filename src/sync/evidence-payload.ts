/**
 * The evidence list of a submission: one small reference per file attached to an item sent
 * ({ code, sha256, caption, type, size }); the files themselves follow over tus once the server
 * holds the revision (evidence-upload.ts). Built from the store at every send, like the answers.
 */
import type { XasoDb } from '../db/database';
import type { EvidenceRef } from '../domain/evidence';
import type { CriteriaSet } from '../domain/criteria/schema';
import { answerCode } from '../domain/criteria/rules';

/** A link with its file's type and size, as read from the store. */
export interface StoredEvidence {
  code: string;
  sha256: string;
  caption: string;
  createdAt: string;
  type: EvidenceRef['type'];
  size: number;
}

/** The links of an assessment with their files (call inside a transaction over both tables). */
export async function readEvidence(db: XasoDb, assessmentId: string): Promise<StoredEvidence[]> {
  const links = await db.evidenceLinks.where('assessmentId').equals(assessmentId).toArray();
  if (links.length === 0) return [];
  const blobs = await db.evidenceBlobs.bulkGet([...new Set(links.map((l) => l.sha256))]);
  const bySha = new Map(blobs.flatMap((b) => (b ? [[b.sha256, b] as const] : [])));
  return links.flatMap((l) => {
    const blob = bySha.get(l.sha256);
    return blob
      ? [{ code: l.code, sha256: l.sha256, caption: l.caption, createdAt: l.createdAt, type: blob.type, size: blob.size }]
      : [];
  });
}

/**
 * References for the items this submission answers. Under a criteria set, evidence attached to
 * an indicator that reads a component's status goes with that component's answer (the code the
 * server knows). A file on an item that is not sent (not answered, or of an area type no longer
 * ticked) stays on the phone; the same file twice on one item goes once.
 */
export function evidenceRefs(
  stored: readonly StoredEvidence[],
  sentCodes: ReadonlySet<string>,
  set: CriteriaSet | undefined,
): EvidenceRef[] {
  const indicators = new Map((set?.indicators ?? []).map((ind) => [ind.code, ind]));
  const seen = new Set<string>();
  const refs: EvidenceRef[] = [];
  const ordered = [...stored].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.sha256.localeCompare(b.sha256));
  for (const e of ordered) {
    const ind = indicators.get(e.code);
    const code = ind ? answerCode(ind) : e.code;
    const key = `${code}\u0000${e.sha256}`;
    if (!sentCodes.has(code) || seen.has(key)) continue;
    seen.add(key);
    refs.push({ code, sha256: e.sha256, caption: e.caption, type: e.type, size: e.size });
  }
  return refs;
}
