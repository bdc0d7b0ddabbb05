/**
 * Setting up a phone for the evidence upload journey and bench without walking 70 cards: the assessment,
 * its answers and its evidence are written into the page's IndexedDB (database "xaso", the rows
 * src/db writes: evidenceBlobs keyed by sha-256, evidenceLinks, in one transaction as
 * attachEvidence does). Photos are real JPEGs drawn on a canvas in the page; the PDF is a real,
 * inert PDF built here.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';

/** What an assessment needs to exist (test/e2e/fixtures' CommuneFixture has it). */
export interface AssessmentSeed {
  provinceCode: string;
  communeCode: string;
  areaTypes: string[];
  period: string;
  helpers?: string;
  answers: Record<string, { status: number | 'na'; note?: string; naReason?: string; openName?: string }>;
}

export interface SeededFile {
  sha256: string;
  size: number;
  type: string;
  name: string;
}

/** A valid PDF of about `bytes` bytes: one page whose content stream is hex text (no names, nothing active). */
export function inertPdf(bytes: number): Buffer {
  const body = randomBytes(Math.max(1, Math.floor(bytes / 2))).toString('hex');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    `<< /Length ${body.length} >>\nstream\n${body}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A draft assessment of `fx` with every fixture answer, written as src/db would (status draft). */
export async function seedAssessment(page: Page, id: string, fx: AssessmentSeed): Promise<void> {
  const now = new Date().toISOString();
  const assessment = {
    id,
    provinceCode: fx.provinceCode,
    communeCode: fx.communeCode,
    areaTypes: fx.areaTypes,
    period: fx.period,
    catalogueVersion: '2026.1',
    methodologyId: 'provisional-2026.1',
    status: 'draft',
    createdAt: now,
    updatedAt: now,
    ...(fx.helpers ? { helpers: fx.helpers } : {}),
  };
  const answers = Object.entries(fx.answers).map(([code, a]) => ({ assessmentId: id, code, ...a, updatedAt: now }));
  await page.evaluate(
    async ({ assessment, answers }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('xaso');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['assessments', 'answers'], 'readwrite');
        tx.objectStore('assessments').put(assessment);
        for (const a of answers) tx.objectStore('answers').put(a);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { assessment, answers },
  );
}

export type FileSpec =
  | { kind: 'photo'; code: string; name: string; caption: string; width: number; height: number; seed: number }
  | { kind: 'pdf'; code: string; name: string; caption: string; bytes: number }
  /** Bytes as given, stored under `type` (a broken photo the server must refuse). */
  | { kind: 'raw'; code: string; name: string; caption: string; type: string; base64: string };

/**
 * Attaches files to items of assessment `id`, each file and its link in one IndexedDB transaction.
 * Photos: noise drawn on a canvas, encoded by the browser as JPEG (big for their pixels, as a
 * photo of a page of text is). Returns what was stored.
 */
export async function attachFiles(page: Page, id: string, specs: readonly FileSpec[]): Promise<SeededFile[]> {
  const withBytes = specs.map((s) => (s.kind === 'pdf' ? { ...s, base64: inertPdf(s.bytes).toString('base64') } : s));
  return page.evaluate(
    async ({ id, specs }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('xaso');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const out: { sha256: string; size: number; type: string; name: string }[] = [];
      for (const s of specs) {
        let blob: Blob;
        if (s.kind === 'photo') {
          const canvas = document.createElement('canvas');
          canvas.width = s.width;
          canvas.height = s.height;
          const ctx = canvas.getContext('2d');
          if (!ctx) throw new Error('no 2d context');
          const img = ctx.createImageData(s.width, s.height);
          let x = s.seed * 2654435761;
          for (let i = 0; i < img.data.length; i++) {
            x = (x ^ (x << 13)) >>> 0;
            x = (x ^ (x >>> 17)) >>> 0;
            x = (x ^ (x << 5)) >>> 0;
            img.data[i] = i % 4 === 3 ? 255 : x & 255;
          }
          ctx.putImageData(img, 0, 0);
          blob = await new Promise<Blob>((resolve, reject) =>
            canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/jpeg', 0.5),
          );
        } else {
          const bin = atob((s as { base64: string }).base64);
          blob = new Blob([Uint8Array.from(bin, (c) => c.charCodeAt(0))], {
            type: s.kind === 'raw' ? s.type : 'application/pdf',
          });
        }
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
        const sha256 = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
        const type = s.kind === 'photo' ? 'image/jpeg' : s.kind === 'raw' ? s.type : 'application/pdf';
        const now = new Date().toISOString();
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(['evidenceBlobs', 'evidenceLinks'], 'readwrite');
          tx.objectStore('evidenceBlobs').put({
            sha256,
            type,
            size: blob.size,
            blob,
            createdAt: now,
            ...(s.kind === 'photo' ? { width: s.width, height: s.height } : {}),
          });
          tx.objectStore('evidenceLinks').put({
            id: crypto.randomUUID(),
            assessmentId: id,
            code: s.code,
            sha256,
            caption: s.caption,
            name: s.name,
            createdAt: now,
          });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        out.push({ sha256, size: blob.size, type, name: s.name });
      }
      db.close();
      return out;
    },
    { id, specs: withBytes },
  );
}

/** The phone's enrollment, as src/sync/enrollment.ts stores it after POST /enrollments. */
export async function seedEnrollment(
  page: Page,
  enrollment: { deviceToken: string; communeCode: string; provinceCode: string; communeName: string },
): Promise<void> {
  const value = { ...enrollment, deviceId: `bench-${enrollment.communeCode}`, enrolledAt: new Date().toISOString() };
  await page.evaluate(async (value) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('xaso');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('settings', 'readwrite');
      tx.objectStore('settings').put({ key: 'enrollment', value });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, value);
}

/** How many evidence files the page's store still has to send (no uploadedAt). */
export async function filesNotUploaded(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('xaso');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const rows = await new Promise<{ uploadedAt?: string }[]>((resolve, reject) => {
      const req = db.transaction('evidenceBlobs').objectStore('evidenceBlobs').getAll();
      req.onsuccess = () => resolve(req.result as { uploadedAt?: string }[]);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return rows.filter((r) => !r.uploadedAt).length;
  });
}
