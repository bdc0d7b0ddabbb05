/**
 * Evidence files (issue #13): what a file is, from its first bytes (never from its name or the
 * type the browser guessed), and the limits on them. The phone checks both before storing; the
 * server again on receipt. Pure, no DOM.
 */

/** Per stored file (the server refuses larger uploads), per item, and a caption's code points. */
export const EVIDENCE_LIMITS = { fileBytes: 10 * 1024 * 1024, perItem: 20, caption: 500 } as const;

/** The file types evidence may have. */
export const EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

/** Bytes `sniffEvidenceType` needs to see (WebP's marker ends at byte 12). */
export const SNIFF_BYTES = 12;

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

/** The type the bytes say, or null when they are none of EVIDENCE_TYPES. */
export function sniffEvidenceType(bytes: Uint8Array): EvidenceType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  return null;
}

export const isEvidenceImage = (type: EvidenceType): boolean => type !== 'application/pdf';

/**
 * The server's refusals of a file's bytes (src/server/evidence): sent again, the same bytes are
 * refused again, so no upload will ever need them.
 */
export const EVIDENCE_BYTES_REFUSALS: readonly string[] = [
  'evidence_hash_mismatch',
  'evidence_image_invalid',
  'evidence_type_mismatch',
  'evidence_type_refused',
  'pdf_active_content',
  'pdf_unreadable',
  'payload_too_large',
];

/** Is a refusal as the phone keeps it (`[code] message`, src/sync/server-reason.ts) one of the file's bytes? */
export function refusesBytes(reason: string | undefined): boolean {
  const code = /^\[([a-z0-9_]+)\]/.exec(reason ?? '')?.[1];
  return code !== undefined && EVIDENCE_BYTES_REFUSALS.includes(code);
}
