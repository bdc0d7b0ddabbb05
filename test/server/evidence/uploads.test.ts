import { describe, expect, it } from 'vitest';
import { CITY_COMMUNE, MOUNTAIN_COMMUNE, MOUNTAIN_COMMUNE_2 } from '../fixtures';
import { DB_KINDS, serverPerTest, type TestServer } from '../harness';
import { cleanPdf, htmlAsPhoto, pdfWithOpenAction, photo, scannedPdf, sha256 } from './samples';
import { createUpload, cutPatch, listen, phone, refusalOf, tusRequest, tusUpload, UPLOADS } from './world';

const MB = 1024 * 1024;

async function storedFiles(s: TestServer) {
  return s.db.selectFrom('evidence_files').select(['sha256', 'type', 'size', 'width', 'height']).execute();
}

async function uploadRows(s: TestServer) {
  return s.db.selectFrom('evidence_uploads').select(['id', 'received', 'completed_at']).execute();
}

async function offsetOf(base: string, path: string, token: string): Promise<number> {
  const head = await tusRequest(base, 'HEAD', path, token);
  expect(head.status).toBe(200);
  return Number(head.headers.get('upload-offset'));
}

describe.each(DB_KINDS)('evidence uploads over tus (%s)', (kind) => {
  const server = serverPerTest(kind);

  it('takes a PDF in 64 KB chunks from tus-js-client, stores it once by its SHA-256, and serves it back', async () => {
    const s = server();
    const { base } = await listen(s);
    const token = await phone(s, MOUNTAIN_COMMUNE);
    const pdf = scannedPdf(300_000);
    const url = await tusUpload(base, token, pdf, {
      sha256: sha256(pdf),
      type: 'application/pdf',
      filename: 'quyet-dinh.pdf',
      communeCode: MOUNTAIN_COMMUNE,
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/evidence\/uploads\/[0-9a-f]{32}$/);
    expect(await storedFiles(s)).toEqual([
      { sha256: sha256(pdf), type: 'application/pdf', size: pdf.length, width: null, height: null },
    ]);
    // The chunks went with the completion; the upload row stays, complete.
    expect(await s.db.selectFrom('evidence_chunks').selectAll().execute()).toEqual([]);
    expect(await offsetOf(base, new URL(url).pathname, token)).toBe(pdf.length);

    const file = await fetch(`${base}/api/v1/evidence/files/${sha256(pdf)}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="evidence-[0-9a-f]{12}\.pdf"$/);
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
  });

  it('[E1] resumes after the link drops mid-chunk: the offset is what was stored, and the file arrives whole', async () => {
    const s = server();
    const { base } = await listen(s);
    const token = await phone(s, MOUNTAIN_COMMUNE);
    const pdf = scannedPdf(400_000);
    const meta = { sha256: sha256(pdf), type: 'application/pdf', communeCode: MOUNTAIN_COMMUNE };
    const created = await createUpload(base, token, pdf.length, meta);
    expect(created.status).toBe(201);
    const path = created.headers.get('location') ?? '';
    expect(path).toMatch(/^\/api\/v1\/evidence\/uploads\/[0-9a-f]{32}$/);

    // 250 000 bytes of a 400 000-byte PATCH, then the connection is gone.
    const stored = async () => Number((await uploadRows(s))[0]?.received ?? 0);
    await cutPatch(base, path, token, 0, pdf.subarray(0, 250_000), pdf.length, stored);
    await expect.poll(() => offsetOf(base, path, token), { timeout: 5_000 }).toBeGreaterThan(0);
    const offset = await offsetOf(base, path, token);
    expect(offset).toBeLessThanOrEqual(250_000);
    expect(offset).toBeGreaterThanOrEqual(250_000 - 64 * 1024);

    await tusUpload(base, token, pdf, meta, { uploadUrl: base + path });
    const served = await fetch(`${base}/api/v1/evidence/files/${sha256(pdf)}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(sha256(Buffer.from(await served.arrayBuffer()))).toBe(sha256(pdf));
  });

  it('refuses bytes that do not match the declared SHA-256, and deletes the upload', async () => {
    const s = server();
    const { base } = await listen(s);
    const token = await phone(s, MOUNTAIN_COMMUNE);
    const error = await tusUpload(base, token, photo.jpeg, {
      sha256: sha256(photo.png),
      type: 'image/jpeg',
      communeCode: MOUNTAIN_COMMUNE,
    }).catch((e: unknown) => e);
    expect(refusalOf(error)).toEqual({ status: 422, code: 'evidence_hash_mismatch' });
    expect(await storedFiles(s)).toEqual([]);
    expect(await uploadRows(s)).toEqual([]);
  });

  it('[E2] refuses a "photo" that is HTML (415); nothing is stored', async () => {
    const s = server();
    const { base } = await listen(s);
    const token = await phone(s, MOUNTAIN_COMMUNE);
    const meta = { sha256: sha256(htmlAsPhoto), type: 'image/jpeg', filename: 'anh.jpg', communeCode: MOUNTAIN_COMMUNE };
    const fake = await tusUpload(base, token, htmlAsPhoto, meta).catch((e: unknown) => e);
    expect(refusalOf(fake)).toEqual({ status: 415, code: 'evidence_type_refused' });
    expect(await storedFiles(s)).toEqual([]);
    expect(await uploadRows(s)).toEqual([]);
  });

  it('[E3] refuses a PDF with JavaScript (422); nothing is stored', async () => {
    const s = server();
    const { base } = await listen(s);
    const token = await phone(s, MOUNTAIN_COMMUNE);
    const js = pdfWithOpenAction('<< /S /JavaScript /JS (app.alert(1)) >>');
    const pdf = await tusUpload(base, token, js, {
      sha256: sha256(js),
      type: 'application/pdf',
      communeCode: MOUNTAIN_COMMUNE,
    }).catch((e: unknown) => e);
    expect(refusalOf(pdf)).toEqual({ status: 422, code: 'pdf_active_content' });
    expect(await storedFiles(s)).toEqual([]);
    expect(await uploadRows(s)).toEqual([]);
  });

  it('[E4] refuses a 200 MB upload from its Upload-Length, before any byte; the per-file limit holds to the byte', async () => {
    const s = server();
    const { base } = await listen(s);
    const token = await phone(s, MOUNTAIN_COMMUNE);
    const meta = { sha256: sha256(photo.jpeg), type: 'image/jpeg', communeCode: MOUNTAIN_COMMUNE };
    const huge = await createUpload(base, token, 200 * MB, meta);
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(await uploadRows(s)).toEqual([]);
    // Just over the per-file limit (10 MB) is refused the same way; the limit itself is accepted.
    expect((await createUpload(base, token, 10 * MB + 1, meta)).status).toBe(413);
    expect((await createUpload(base, token, 10 * MB, meta)).status).toBe(201);
  });

  it('[E5] refuses a chunk at the wrong offset (409) and leaves the upload as it was', async () => {
    const s = server();
    const { base } = await listen(s);
    const token = await phone(s, MOUNTAIN_COMMUNE);
    const pdf = cleanPdf();
    const path =
      (
        await createUpload(base, token, pdf.length, {
          sha256: sha256(pdf),
          type: 'application/pdf',
          communeCode: MOUNTAIN_COMMUNE,
        })
      ).headers.get('location') ?? '';
    const ahead = await tusRequest(base, 'PATCH', path, token, { 'Upload-Offset': '100' }, pdf.subarray(100));
    expect(ahead.status).toBe(409);
    expect(await ahead.json()).toMatchObject({ error: { code: 'upload_offset_conflict' } });
    expect(await offsetOf(base, path, token)).toBe(0);
    const first = await tusRequest(base, 'PATCH', path, token, { 'Upload-Offset': '0' }, pdf.subarray(0, 100));
    expect(first.status).toBe(204);
    const again = await tusRequest(base, 'PATCH', path, token, { 'Upload-Offset': '0' }, pdf.subarray(0, 100));
    expect(again.status).toBe(409);
    expect(await offsetOf(base, path, token)).toBe(100);
  });

  it("[E5] refuses another commune's device on an upload (403), and an upload declared for another commune", async () => {
    const s = server();
    const { base } = await listen(s);
    const owner = await phone(s, MOUNTAIN_COMMUNE);
    const neighbour = await phone(s, MOUNTAIN_COMMUNE_2);
    const pdf = cleanPdf();
    const meta = { sha256: sha256(pdf), type: 'application/pdf', communeCode: MOUNTAIN_COMMUNE };
    const path = (await createUpload(base, owner, pdf.length, meta)).headers.get('location') ?? '';
    for (const [method, headers, body] of [
      ['PATCH', { 'Upload-Offset': '0' }, pdf],
      ['HEAD', {}, undefined],
      ['DELETE', {}, undefined],
    ] as const) {
      const res = await tusRequest(base, method, path, neighbour, headers, body);
      expect(res.status, method).toBe(403);
    }
    expect(await offsetOf(base, path, owner)).toBe(0);
    const declaredForOther = await createUpload(base, neighbour, pdf.length, meta);
    expect(declaredForOther.status).toBe(403);
    // Reviewers and anonymous callers do not upload.
    expect((await createUpload(base, await s.reviewer('04', 'rev2'), pdf.length, meta)).status).toBe(403);
    expect((await tusRequest(base, 'POST', UPLOADS, undefined, { 'Upload-Length': '10' })).status).toBe(401);
  });

  it('keeps one copy of a file two communes upload; each commune reads it, a third does not', async () => {
    const s = server();
    const { base } = await listen(s);
    const a = await phone(s, MOUNTAIN_COMMUNE);
    const b = await phone(s, CITY_COMMUNE);
    const c = await phone(s, MOUNTAIN_COMMUNE_2);
    const pdf = cleanPdf();
    await tusUpload(base, a, pdf, { sha256: sha256(pdf), type: 'application/pdf', communeCode: MOUNTAIN_COMMUNE });
    // Knowing the hash is not enough: the other commune's phone must upload the bytes itself.
    const head = (token: string) =>
      fetch(`${base}/api/v1/evidence/files/${sha256(pdf)}`, { method: 'HEAD', headers: { Authorization: `Bearer ${token}` } });
    expect((await head(b)).status).toBe(404);
    await tusUpload(base, b, pdf, { sha256: sha256(pdf), type: 'application/pdf', communeCode: CITY_COMMUNE });
    expect((await head(a)).status).toBe(200);
    expect((await head(b)).status).toBe(200);
    expect((await head(c)).status).toBe(404);
    expect(await storedFiles(s)).toHaveLength(1);
    expect(await s.db.selectFrom('evidence_owners').select('commune_code').orderBy('commune_code').execute()).toEqual([
      { commune_code: CITY_COMMUNE },
      { commune_code: MOUNTAIN_COMMUNE },
    ]);
  });
});

describe.each(DB_KINDS)('the per-commune evidence quota (%s)', (kind) => {
  // 10 000 bytes per commune: the 1.5 KB JPEG fits, the 7.8 KB PNG beside it does not.
  const server = serverPerTest(kind, { evidence: { communeQuotaBytes: 10_000 } });

  it('counts stored files and uploads under way, refuses what would pass it (413), per commune', async () => {
    const s = server();
    const { base } = await listen(s);
    const token = await phone(s, MOUNTAIN_COMMUNE);
    await tusUpload(base, token, photo.jpeg, { sha256: sha256(photo.jpeg), type: 'image/jpeg', communeCode: MOUNTAIN_COMMUNE });
    const begun = await createUpload(base, token, 2_000, {
      sha256: sha256(photo.webp),
      type: 'image/webp',
      communeCode: MOUNTAIN_COMMUNE,
    });
    expect(begun.status).toBe(201);
    const over = await createUpload(base, token, photo.png.length, {
      sha256: sha256(photo.png),
      type: 'image/png',
      communeCode: MOUNTAIN_COMMUNE,
    });
    expect(over.status).toBe(413);
    expect(await over.json()).toMatchObject({ error: { code: 'evidence_quota_exceeded' } });
    // Another commune has its own quota.
    const other = await phone(s, MOUNTAIN_COMMUNE_2);
    await tusUpload(base, other, photo.png, { sha256: sha256(photo.png), type: 'image/png', communeCode: MOUNTAIN_COMMUNE_2 });
  });
});
