/**
 * What the officer picked, made ready to store: its type read from its first bytes (never its
 * name), a photo downscaled unless "Giữ ảnh gốc" is on, a PDF as it is. Refusals are the store's
 * own EvidenceRefusedError, so the panel words them in one place.
 */
import { EvidenceRefusedError } from '../../db/evidence';
import type { AttachInput } from '../../db/evidence';
import { EVIDENCE_LIMITS, SNIFF_BYTES, isEvidenceImage, sniffEvidenceType } from '../../domain/evidence-file';
import { downscalePhoto } from './downscale';

export type Prepared = Pick<AttachInput, 'blob' | 'name' | 'keepOriginal' | 'width' | 'height'>;

/** Lets the browser paint (the "Đang xử lý" line) before the heavy work starts. */
const yieldToPaint = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function prepareEvidence(file: File, keepOriginal: boolean): Promise<Prepared> {
  if (file.size === 0) throw new EvidenceRefusedError('empty');
  const type = sniffEvidenceType(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
  if (!type) throw new EvidenceRefusedError('not-supported');
  if (!isEvidenceImage(type) || keepOriginal) {
    if (file.size > EVIDENCE_LIMITS.fileBytes) throw new EvidenceRefusedError('too-large');
    return { blob: file, name: file.name, keepOriginal: isEvidenceImage(type) };
  }
  await yieldToPaint();
  let photo;
  try {
    photo = await downscalePhoto(file);
  } catch {
    // Bytes that start like a photo but do not decode.
    throw new EvidenceRefusedError('not-supported');
  }
  return { blob: photo.blob, name: file.name, width: photo.width, height: photo.height };
}
