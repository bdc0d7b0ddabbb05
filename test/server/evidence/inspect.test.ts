import { describe, expect, it } from 'vitest';
import { inspectUpload, sniffType } from '../../../src/server/evidence/inspect';
import { checkPdf } from '../../../src/server/evidence/pdf';
import { cleanPdf, htmlAsPhoto, pdfOf, pdfWithJsInObjectStream, pdfWithOpenAction, photo, pngClaiming, sha256 } from './samples';

const inspect = (bytes: Buffer, type: string) => inspectUpload(bytes, { sha256: sha256(bytes), type });

describe('evidence inspection: type by content, whole images, inert PDFs', () => {
  it('accepts the real photos of each type with their dimensions, and a plain PDF', () => {
    for (const [type, bytes] of [
      ['image/jpeg', photo.jpeg],
      ['image/png', photo.png],
      ['image/webp', photo.webp],
    ] as const) {
      expect(inspect(bytes, type)).toEqual({ ok: true, type, width: 96, height: 64 });
    }
    expect(inspect(cleanPdf(), 'application/pdf')).toEqual({ ok: true, type: 'application/pdf', width: null, height: null });
  });

  it('reads the type from the bytes: a PNG declared as JPEG is stored as PNG; a PDF declared as a photo is refused', () => {
    expect(inspect(photo.png, 'image/jpeg')).toMatchObject({ ok: true, type: 'image/png' });
    expect(inspect(cleanPdf(), 'image/jpeg')).toMatchObject({ ok: false, code: 'evidence_type_mismatch' });
    expect(inspect(photo.jpeg, 'application/pdf')).toMatchObject({ ok: false, code: 'evidence_type_mismatch' });
  });

  it('refuses a "photo" that is HTML, and anything that is none of the four types', () => {
    expect(sniffType(htmlAsPhoto)).toBeUndefined();
    expect(inspect(htmlAsPhoto, 'image/jpeg')).toMatchObject({ ok: false, status: 415, code: 'evidence_type_refused' });
    expect(inspect(Buffer.from('GIF89a\x01\x00\x01\x00'), 'image/png')).toMatchObject({
      ok: false,
      code: 'evidence_type_refused',
    });
  });

  it('refuses bytes whose SHA-256 is not the declared one', () => {
    expect(inspectUpload(photo.jpeg, { sha256: sha256(photo.png), type: 'image/jpeg' })).toMatchObject({
      ok: false,
      status: 422,
      code: 'evidence_hash_mismatch',
    });
  });

  it('refuses truncated images of each type', () => {
    for (const [type, bytes] of [
      ['image/jpeg', photo.jpeg],
      ['image/png', photo.png],
      ['image/webp', photo.webp],
    ] as const) {
      const cut = bytes.subarray(0, Math.floor(bytes.length * 0.7));
      expect(inspect(cut, type), type).toMatchObject({ ok: false, code: 'evidence_image_invalid' });
    }
  });

  it('refuses a PNG whose data is corrupt (CRC) and one claiming an absurd canvas', () => {
    const corrupt = Buffer.from(photo.png);
    corrupt[40] = (corrupt[40] ?? 0) ^ 0xff;
    expect(inspect(corrupt, 'image/png')).toMatchObject({ ok: false, code: 'evidence_image_invalid' });
    expect(inspect(pngClaiming(100_000, 100_000), 'image/png')).toMatchObject({ ok: false, code: 'evidence_image_invalid' });
    expect(inspect(pngClaiming(0, 10), 'image/png')).toMatchObject({ ok: false, code: 'evidence_image_invalid' });
    expect(inspect(pngClaiming(4000, 3000), 'image/png')).toMatchObject({ ok: true, width: 4000, height: 3000 });
  });

  it('refuses a JPEG whose frame claims an absurd size', () => {
    const bytes = Buffer.from(photo.jpeg);
    const sof = bytes.indexOf(Buffer.from([0xff, 0xc0]));
    expect(sof).toBeGreaterThan(0);
    bytes.writeUInt16BE(65_000, sof + 5);
    bytes.writeUInt16BE(65_000, sof + 7);
    expect(inspect(bytes, 'image/jpeg')).toMatchObject({ ok: false, code: 'evidence_image_invalid' });
  });

  it('refuses PDFs with JavaScript, launch actions or embedded files, however the names are written', () => {
    const refused = [
      pdfWithOpenAction('<< /S /JavaScript /JS (app.alert(1)) >>'),
      pdfWithOpenAction('<< /S /J#61vaScript /J#53 (app.alert(1)) >>'),
      pdfWithOpenAction('<< /S /Launch /F (cmd.exe) >>'),
      pdfOf(['<< /Type /Catalog /Names << /EmbeddedFiles << /Names [(a.exe) 2 0 R] >> >> >>', '<< /Type /EmbeddedFile >>']),
      pdfWithJsInObjectStream(),
    ];
    for (const pdf of refused) expect(checkPdf(pdf)).toMatchObject({ ok: false, code: 'pdf_active_content' });
    expect(inspect(refused[0] as Buffer, 'application/pdf')).toMatchObject({
      ok: false,
      status: 422,
      code: 'pdf_active_content',
    });
  });

  it('accepts a PDF whose OpenAction only shows the first page, and ignores "/JS" inside binary stream data', () => {
    expect(checkPdf(pdfWithOpenAction('[3 0 R /Fit]'))).toEqual({ ok: true });
    const binary = '\x00\x01/JS \x02/Launch\x03';
    const image = `<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /Length ${binary.length} >>\nstream\n${binary}\nendstream`;
    expect(checkPdf(pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', image]))).toEqual({ ok: true });
  });

  it('refuses a truncated PDF and an object stream it cannot read', () => {
    const pdf = cleanPdf();
    expect(checkPdf(pdf.subarray(0, pdf.length - 40))).toMatchObject({ ok: false, code: 'pdf_unreadable' });
    const garbage = '<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length 5 >>\nstream\nxxxxx\nendstream';
    expect(checkPdf(pdfOf(['<< /Type /Catalog >>', garbage]))).toMatchObject({ ok: false, code: 'pdf_unreadable' });
  });
});
