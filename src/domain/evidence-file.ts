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
