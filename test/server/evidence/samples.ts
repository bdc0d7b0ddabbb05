/**
 * Evidence files for the tests: real photos encoded by Chromium's canvas (fixtures/, 96×64), PDFs
 * built here object by object (clean, and with the active content the server must refuse), and
 * the hostile shapes (a "photo" that is HTML, truncated and absurd images).
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

const here = path.dirname(new URL(import.meta.url).pathname);
export const photo = {
  jpeg: fs.readFileSync(path.join(here, 'fixtures/photo.jpg')),
  png: fs.readFileSync(path.join(here, 'fixtures/photo.png')),
  webp: fs.readFileSync(path.join(here, 'fixtures/photo.webp')),
};

export const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** A PDF of the given objects (bodies without "N 0 obj"), with a correct xref table. */
export function pdfOf(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.from(body), Buffer.from('\nendobj\n')]);
    parts.push(obj);
    length += obj.length;
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
  ];
  parts.push(
    Buffer.from(`${xref.join('\n')}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`),
  );
  return Buffer.concat(parts);
}

const content = 'BT /F1 18 Tf 40 700 Td (Bien ban hop) Tj ET';
const page = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>';
const contentStream = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
const font = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

export const cleanPdf = (): Buffer =>
  pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', page, contentStream, font]);

/** The catalog opens the document with an action: `action` is its dictionary. */
export const pdfWithOpenAction = (action: string): Buffer =>
  pdfOf([
    `<< /Type /Catalog /Pages 2 0 R /OpenAction ${action} >>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    page,
    contentStream,
    font,
  ]);

/** The JavaScript action hidden in a compressed object stream, its name written with #xx escapes. */
export function pdfWithJsInObjectStream(): Buffer {
  const inner = '6 0 << /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>';
  const packed = deflateSync(Buffer.from(inner));
  const objStm = Buffer.concat([
    Buffer.from(`<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`),
    packed,
    Buffer.from('\nendstream'),
  ]);
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    page,
    contentStream,
    font,
    objStm,
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG header that claims `width`×`height` (a decompression bomb's few bytes). */
export function pngClaiming(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(64))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** HTML with a script, dressed as a JPEG only by its name and declared type. */
export const htmlAsPhoto = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');

/** A valid PDF of about `bytes` bytes: one page and a scanned image of random bytes. */
export function scannedPdf(bytes: number): Buffer {
  const scan = randomBytes(bytes);
  const image = Buffer.concat([
    Buffer.from(
      `<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /BitsPerComponent 8 /ColorSpace /DeviceGray /Filter /DCTDecode /Length ${scan.length} >>\nstream\n`,
    ),
    scan,
    Buffer.from('\nendstream'),
  ]);
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    page,
    contentStream,
    font,
    image,
  ]);
}
