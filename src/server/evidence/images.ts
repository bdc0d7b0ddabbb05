/**
 * The structure of an image, read from its bytes: JPEG markers, PNG chunks (with their CRCs),
 * WebP's RIFF chunks. Enough to know the file is whole (a truncated upload ends without its EOI,
 * IEND or full RIFF) and what its dimensions are, without decoding a pixel: the server never
 * decodes untrusted images, it only refuses what does not hold together or claims absurd sizes
 * (a decompression bomb declares a huge canvas in a few bytes).
 */
import { crc32 } from 'node:zlib';

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';
export type ImageCheck = { ok: true; width: number; height: number } | { ok: false; reason: string };

/** A phone camera's full-size photo is ≤ 200 MP; anything beyond is not a photo. */
export const MAX_IMAGE_SIDE = 20_000;
export const MAX_IMAGE_PIXELS = 200_000_000;

const fail = (reason: string): ImageCheck => ({ ok: false, reason });

function sized(width: number, height: number): ImageCheck {
  if (width < 1 || height < 1) return fail('the image has no pixels');
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS)
    return fail(`the image claims ${width}×${height} pixels`);
  return { ok: true, width, height };
}

const STANDALONE = new Set([0x01, 0xd0, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8]);
const isStartOfFrame = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/** After a scan header: the index of the next marker (0xFF not followed by 0x00 or RSTn), or -1. */
function endOfScan(b: Uint8Array, from: number): number {
  for (let i = from; i + 1 < b.length; i++) {
    if (b[i] !== 0xff) continue;
    const next = b[i + 1] as number;
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) continue;
    return i;
  }
  return -1;
}

export function checkJpeg(b: Uint8Array): ImageCheck {
  if (b[0] !== 0xff || b[1] !== 0xd8) return fail('not a JPEG');
  let dims: { width: number; height: number } | undefined;
  let i = 2;
  while (i < b.length) {
    if (b[i] !== 0xff) return fail('broken JPEG marker');
    while (b[i] === 0xff) i++;
    const marker = b[i];
    if (marker === undefined) break;
    i++;
    if (marker === 0xd9) return dims ? sized(dims.width, dims.height) : fail('JPEG without a frame');
    if (STANDALONE.has(marker)) continue;
    if (i + 2 > b.length) break;
    const length = ((b[i] as number) << 8) | (b[i + 1] as number);
    if (length < 2 || i + length > b.length) break;
    if (isStartOfFrame(marker)) {
      if (length < 7) return fail('broken JPEG frame header');
      const height = ((b[i + 3] as number) << 8) | (b[i + 4] as number);
      const width = ((b[i + 5] as number) << 8) | (b[i + 6] as number);
      dims = { width, height };
    }
    i += length;
    if (marker === 0xda) {
      const next = endOfScan(b, i);
      if (next < 0) break;
      i = next;
    }
  }
  return fail('the JPEG is truncated (no end-of-image marker)');
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function checkPng(b: Uint8Array): ImageCheck {
  if (!PNG_SIGNATURE.every((v, k) => b[k] === v)) return fail('not a PNG');
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let i = 8;
  let dims: { width: number; height: number } | undefined;
  let sawData = false;
  while (i + 12 <= b.length) {
    const length = view.getUint32(i);
    const type = String.fromCharCode(...b.subarray(i + 4, i + 8));
    const end = i + 8 + length;
    if (end + 4 > b.length) break;
    if (crc32(b.subarray(i + 4, end)) !== view.getUint32(end)) return fail(`PNG chunk ${type} is corrupt (CRC)`);
    if (i === 8 && (type !== 'IHDR' || length !== 13)) return fail('PNG without its header chunk');
    if (type === 'IHDR') dims = { width: view.getUint32(i + 8), height: view.getUint32(i + 12) };
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') return dims && sawData ? sized(dims.width, dims.height) : fail('PNG without image data');
    i = end + 4;
  }
  return fail('the PNG is truncated (no IEND chunk)');
}

const ascii = (b: Uint8Array, at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));

export function checkWebp(b: Uint8Array): ImageCheck {
  if (ascii(b, 0, 4) !== 'RIFF' || ascii(b, 8, 4) !== 'WEBP') return fail('not a WebP');
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const riffEnd = 8 + view.getUint32(4, true);
  if (riffEnd > b.length) return fail('the WebP is truncated');
  let dims: { width: number; height: number } | undefined;
  let i = 12;
  while (i + 8 <= riffEnd) {
    const type = ascii(b, i, 4);
    const length = view.getUint32(i + 4, true);
    const data = i + 8;
    if (data + length > riffEnd) return fail('the WebP is truncated');
    if (type === 'VP8X' && length >= 10) {
      dims = { width: 1 + (view.getUint32(data + 4, true) & 0xffffff), height: 1 + (view.getUint32(data + 7, true) & 0xffffff) };
    } else if (type === 'VP8 ' && length >= 10 && !dims) {
      if (b[data + 3] !== 0x9d || b[data + 4] !== 0x01 || b[data + 5] !== 0x2a) return fail('broken WebP frame');
      dims = { width: view.getUint16(data + 6, true) & 0x3fff, height: view.getUint16(data + 8, true) & 0x3fff };
    } else if (type === 'VP8L' && length >= 5 && !dims) {
      if (b[data] !== 0x2f) return fail('broken WebP lossless header');
      const bits = view.getUint32(data + 1, true);
      dims = { width: 1 + (bits & 0x3fff), height: 1 + ((bits >>> 14) & 0x3fff) };
    }
    i = data + length + (length % 2);
  }
  return dims ? sized(dims.width, dims.height) : fail('WebP without an image');
}

export function checkImage(type: ImageType, b: Uint8Array): ImageCheck {
  if (type === 'image/jpeg') return checkJpeg(b);
  if (type === 'image/png') return checkPng(b);
  return checkWebp(b);
}
