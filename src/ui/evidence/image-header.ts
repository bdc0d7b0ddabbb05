/**
 * A photo's size as it will be shown (EXIF orientation 5–8 swaps width and height), read from the
 * file's first bytes without decoding it: so that the decoder can resize while it decodes
 * (createImageBitmap's resizeWidth/resizeHeight, applied after the orientation in Chromium),
 * instead of the main thread drawing all 12 megapixels down. JPEG and PNG; null for anything else.
 */

/** Enough for a JPEG's EXIF block and frame header in practice (both come before the image data). */
export const HEADER_BYTES = 128 * 1024;

export interface ImageHeader {
  width: number;
  height: number;
}

function exifOrientation(b: DataView, start: number, end: number): number {
  // "Exif\0\0", then a TIFF header: byte order, 42, offset of IFD0.
  if (end - start < 14 || b.getUint32(start) !== 0x45786966 || b.getUint16(start + 4) !== 0) return 1;
  const tiff = start + 6;
  const little = b.getUint16(tiff) === 0x4949;
  const ifd = tiff + b.getUint32(tiff + 4, little);
  if (ifd + 2 > end) return 1;
  const count = b.getUint16(ifd, little);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) break;
    if (b.getUint16(entry, little) === 0x0112) return b.getUint16(entry + 8, little);
  }
  return 1;
}

function jpegHeader(b: DataView): ImageHeader | null {
  let orientation = 1;
  let at = 2;
  while (at + 9 < b.byteLength) {
    if (b.getUint8(at) !== 0xff) return null;
    const marker = b.getUint8(at + 1);
    const length = b.getUint16(at + 2);
    if (marker === 0xe1) orientation = exifOrientation(b, at + 4, Math.min(b.byteLength, at + 2 + length));
    // SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC): the frame header with the size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = b.getUint16(at + 5);
      const width = b.getUint16(at + 7);
      if (!width || !height) return null;
      return orientation >= 5 && orientation <= 8 ? { width: height, height: width } : { width, height };
    }
    at += 2 + length;
  }
  return null;
}

export function imageHeader(bytes: ArrayBuffer): ImageHeader | null {
  const b = new DataView(bytes);
  if (b.byteLength >= 4 && b.getUint16(0) === 0xffd8) return jpegHeader(b);
  // PNG: signature, then IHDR with width and height.
  if (b.byteLength >= 24 && b.getUint32(0) === 0x89504e47 && b.getUint32(12) === 0x49484452) {
    return { width: b.getUint32(16), height: b.getUint32(20) };
  }
  return null;
}
