import { describe, expect, it } from 'vitest';
import { imageHeader } from '../../../src/ui/evidence/image-header';

/** SOI, an optional EXIF APP1 with an orientation, a JFIF-like APP0, then SOF0 with the size. */
function jpeg(width: number, height: number, orientation?: number, little = false): ArrayBuffer {
  const u16 = (n: number) => (little ? [n & 255, n >> 8] : [n >> 8, n & 255]);
  const u32 = (n: number) =>
    little ? [n & 255, (n >> 8) & 255, (n >> 16) & 255, n >>> 24] : [n >>> 24, (n >> 16) & 255, (n >> 8) & 255, n & 255];
  const parts: number[] = [0xff, 0xd8, 0xff, 0xe0, 0, 4, 0x4a, 0x46];
  if (orientation !== undefined) {
    const tiff = [
      ...(little ? [0x49, 0x49] : [0x4d, 0x4d]),
      ...u16(42),
      ...u32(8),
      ...u16(1),
      ...u16(0x0112),
      ...u16(3),
      ...u32(1),
      ...u16(orientation),
      0,
      0,
      ...u32(0),
    ];
    const payload = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
    parts.push(0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 255, ...payload);
  }
  parts.push(0xff, 0xc0, 0, 17, 8, height >> 8, height & 255, width >> 8, width & 255, 3, ...new Array<number>(9).fill(0));
  parts.push(0xff, 0xda);
  return new Uint8Array(parts).buffer;
}

describe('imageHeader', () => {
  it("reads a JPEG's size from its frame header", () => {
    expect(imageHeader(jpeg(4000, 3000))).toEqual({ width: 4000, height: 3000 });
  });

  it('swaps width and height for EXIF orientations 5–8 (a phone held upright), in either byte order', () => {
    expect(imageHeader(jpeg(4000, 3000, 6))).toEqual({ width: 3000, height: 4000 });
    expect(imageHeader(jpeg(4000, 3000, 8, true))).toEqual({ width: 3000, height: 4000 });
    expect(imageHeader(jpeg(4000, 3000, 3))).toEqual({ width: 4000, height: 3000 });
    expect(imageHeader(jpeg(4000, 3000, 1, true))).toEqual({ width: 4000, height: 3000 });
  });

  it("reads a PNG's IHDR", () => {
    const png = new Uint8Array(24);
    png.set([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0x0f, 0xa0, 0, 0, 0x0b, 0xb8,
    ]);
    expect(imageHeader(png.buffer)).toEqual({ width: 4000, height: 3000 });
  });

  it('gives null for what it cannot read (the photo is then decoded whole)', () => {
    expect(imageHeader(new TextEncoder().encode('RIFF....WEBPVP8 ').buffer)).toBeNull();
    expect(imageHeader(new Uint8Array([0xff, 0xd8, 0x00, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]).buffer)).toBeNull();
    expect(imageHeader(jpeg(4000, 3000).slice(0, 12))).toBeNull();
  });
});
