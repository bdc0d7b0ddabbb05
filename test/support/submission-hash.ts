/**
 * The reference content hash of a submission, for tests: canonicalJson (object keys sorted,
 * undefined members dropped) of the order-free submission, hashed with SHA-256. It is written
 * plainly so that the server's fast canonical writer (src/server/services/content-hash.ts) can be
 * checked against it, and so that fault tests can predict the hash the server stores.
 * (Only the server hashes submissions; the phone sends the payload and reads the hash back.)
 */
import { createHash } from 'node:crypto';
import { orderFreeSubmission, type Submission } from '../../src/domain/submission';

/** JSON with object keys sorted and undefined members dropped: equal content, equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * Hash of the submission's content. Answer order and area-type order do not matter (a phone may
 * serialise its map differently on a retry); everything else does. JSON.stringify escapes lone
 * surrogates, so the text is well-formed UTF-16 and its UTF-8 bytes are unambiguous.
 */
export function submissionContentHash(payload: Submission): string {
  return createHash('sha256')
    .update(canonicalJson(orderFreeSubmission(payload)), 'utf8')
    .digest('hex');
}
