/**
 * Photos are made small on the phone before they are stored (issue #13): a 12-megapixel photo is
 * 3–6 MB, which fills a cheap phone and takes minutes on 2G. Decoded with its EXIF orientation
 * applied, drawn at most MAX_SIDE px on its longest side, and re-encoded as JPEG, quality stepped
 * down until it is at most TARGET_BYTES (text on a document photo stays legible at 1600 px and
 * quality 0.5). Re-encoding also drops the EXIF block (GPS position, phone model).
 * createImageBitmap decodes (and resizes, when the header gives the size) and convertToBlob
 * encodes off the main thread in Chromium; only the draw of the small bitmap runs on it.
 */

import { HEADER_BYTES, imageHeader } from './image-header';

export const MAX_SIDE = 1600;
export const TARGET_BYTES = 300 * 1024;
/** Tried in order until one fits; then the same at SMALLER_SIDE. */
export const QUALITIES = [0.72, 0.62, 0.52, 0.42] as const;
export const SMALLER_SIDE = 1280;

/** The size that fits `w`×`h` within `max` on its longest side, never enlarged. */
export function fitWithin(w: number, h: number, max: number): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(w, h));
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) };
}

export type Encode = (side: number, quality: number) => Promise<Blob>;

/**
 * The first encoding at most `target` bytes, trying each quality at MAX_SIDE then at SMALLER_SIDE;
 * if none fits, the smallest one made (a photo is never refused for being hard to compress).
 */
export async function encodeWithin(encode: Encode, target = TARGET_BYTES): Promise<{ blob: Blob; side: number }> {
  let best: { blob: Blob; side: number } | undefined;
  for (const side of [MAX_SIDE, SMALLER_SIDE]) {
    for (const quality of QUALITIES) {
      const blob = await encode(side, quality);
      if (!best || blob.size < best.blob.size) best = { blob, side };
      if (blob.size <= target) return { blob, side };
    }
  }
  if (!best) throw new Error('no encoding');
  return best;
}

type Canvas2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

function canvasOf(width: number, height: number): { ctx: Canvas2D; toJpeg: (q: number) => Promise<Blob> } {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (ctx) return { ctx, toJpeg: (quality) => canvas.convertToBlob({ type: 'image/jpeg', quality }) };
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  return {
    ctx,
    toJpeg: (quality) =>
      new Promise((resolve, reject) =>
        canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encode failed'))), 'image/jpeg', quality),
      ),
  };
}

export interface Downscaled {
  blob: Blob;
  width: number;
  height: number;
}

/**
 * Decoded with its orientation applied; when the header gives its size, resized to MAX_SIDE by
 * the decoder itself (off the main thread, and 8 MB of pixels held instead of 48 MB).
 */
async function decode(file: Blob): Promise<ImageBitmap> {
  const header = imageHeader(await file.slice(0, HEADER_BYTES).arrayBuffer());
  if (header && Math.max(header.width, header.height) > MAX_SIDE) {
    const size = fitWithin(header.width, header.height, MAX_SIDE);
    try {
      return await createImageBitmap(file, {
        imageOrientation: 'from-image',
        resizeWidth: size.width,
        resizeHeight: size.height,
        resizeQuality: 'high',
      });
    } catch {
      // A header that lied: decode as it is below.
    }
  }
  return createImageBitmap(file, { imageOrientation: 'from-image' });
}

/** The photo at most MAX_SIDE px and (almost always) TARGET_BYTES, as JPEG. Rejects when it cannot be decoded. */
export async function downscalePhoto(file: Blob): Promise<Downscaled> {
  const bitmap = await decode(file);
  try {
    // One draw per size; each quality only re-encodes it.
    const drawn = new Map<number, (quality: number) => Promise<Blob>>();
    const encode: Encode = (side, quality) => {
      let toJpeg = drawn.get(side);
      if (!toJpeg) {
        const size = fitWithin(bitmap.width, bitmap.height, side);
        const canvas = canvasOf(size.width, size.height);
        // JPEG has no transparency: a PNG's clear pixels become white, not black.
        canvas.ctx.fillStyle = '#fff';
        canvas.ctx.fillRect(0, 0, size.width, size.height);
        canvas.ctx.imageSmoothingQuality = 'high';
        canvas.ctx.drawImage(bitmap, 0, 0, size.width, size.height);
        toJpeg = canvas.toJpeg;
        drawn.set(side, toJpeg);
      }
      return toJpeg(quality);
    };
    const { blob, side } = await encodeWithin(encode);
    return { blob, ...fitWithin(bitmap.width, bitmap.height, side) };
  } finally {
    bitmap.close();
  }
}
