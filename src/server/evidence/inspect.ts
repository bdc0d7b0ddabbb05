/**
 * What a completed upload really is, from its bytes alone: the SHA-256 must be the one the phone
 * declared, the type is read from the magic bytes (the declared type and the file name count for
 * nothing), images must hold together, PDFs must carry no active content. Anything else is refused
 * with a code the phone shows (tus answers the last PATCH with it) and the upload is deleted.
 */
import { createHash } from 'node:crypto';
import type { EvidenceType } from '../../domain/evidence';
import { checkImage } from './images';
import { checkPdf } from './pdf';

export interface AcceptedFile {
  type: EvidenceType;
  width: number | null;
  height: number | null;
}

export type Inspection = ({ ok: true } & AcceptedFile) | { ok: false; status: 415 | 422; code: string; message: string };

export function sniffType(b: Uint8Array): EvidenceType | undefined {
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png';
  const head = String.fromCharCode(...b.subarray(0, 12));
  if (head.startsWith('RIFF') && head.slice(8) === 'WEBP') return 'image/webp';
  if (head.startsWith('%PDF-')) return 'application/pdf';
  return undefined;
}

const isImage = (t: string) => t.startsWith('image/');

export function inspectUpload(bytes: Uint8Array, declared: { sha256: string; type: string }): Inspection {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== declared.sha256)
    return {
      ok: false,
      status: 422,
      code: 'evidence_hash_mismatch',
      message: 'The bytes received do not match the declared SHA-256',
    };
  const type = sniffType(bytes);
  if (!type)
    return {
      ok: false,
      status: 415,
      code: 'evidence_type_refused',
      message: 'Only JPEG, PNG, WebP photos and PDF files are accepted',
    };
  // A "photo" that is a PDF, or a "PDF" that is a photo, is not what the officer attached.
  if (isImage(type) !== isImage(declared.type))
    return {
      ok: false,
      status: 415,
      code: 'evidence_type_mismatch',
      message: `Declared ${declared.type}, but the file is ${type}`,
    };
  if (type === 'application/pdf') {
    const pdf = checkPdf(bytes);
    if (!pdf.ok) return { ok: false, status: 422, code: pdf.code, message: `PDF refused: ${pdf.reason}` };
    return { ok: true, type, width: null, height: null };
  }
  const image = checkImage(type, bytes);
  if (!image.ok) return { ok: false, status: 422, code: 'evidence_image_invalid', message: `Image refused: ${image.reason}` };
  return { ok: true, type, width: image.width, height: image.height };
}
