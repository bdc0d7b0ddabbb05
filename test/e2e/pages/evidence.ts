/**
 * The evidence panel of a card ("Minh chứng", issue #13), the photos the tests attach (made in the
 * page: a 12-megapixel JPEG drawn on a canvas, with text to stay legible) and a reading of the
 * evidence tables straight from IndexedDB, each file's bytes hashed again.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { ChecklistPage } from './checklist';
import { literal, tx } from './text';

export interface FilePayload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export interface StoredEvidence {
  links: { id: string; code: string; sha256: string; caption: string; name: string }[];
  blobs: { sha256: string; type: string; size: number; width?: number; height?: number; bytesSha256: string; bytes: number }[];
}

export const ev = (key: string, vars: Record<string, string | number> = {}) => tx('evidence', key, vars);

export class EvidencePanel {
  readonly checklist: ChecklistPage;
  constructor(
    readonly page: Page,
    readonly code: string,
  ) {
    this.checklist = new ChecklistPage(page);
  }

  get card(): Locator {
    return this.checklist.card(this.code);
  }

  toggle(): Locator {
    return this.card.getByRole('button', { name: new RegExp(`^${literal(tx('assess', 'checklist.evidence.button'))}`) });
  }

  get panel(): Locator {
    return this.card.getByRole('region', { name: ev('title', { code: this.code }) });
  }

  async open(): Promise<void> {
    if ((await this.toggle().getAttribute('aria-expanded')) !== 'true') await this.toggle().click();
    await expect(this.panel).toBeVisible();
  }

  input(which: 'takePhoto' | 'pickPhotos' | 'pickPdf'): Locator {
    return this.panel.getByLabel(ev(which), { exact: true });
  }

  items(): Locator {
    return this.panel.getByRole('list', { name: ev('list', { code: this.code }) }).getByRole('listitem');
  }

  item(name: string): Locator {
    return this.items().filter({ hasText: name });
  }

  caption(name: string): Locator {
    return this.item(name).getByLabel(ev('caption'));
  }

  outcome(): Locator {
    return this.panel.locator('.evidence-outcome');
  }
}

/** A 12-megapixel (4000×3000) JPEG made in the page: gradients, shapes, noise and lines of text. */
export async function makePhoto(page: Page, name: string, seed: number): Promise<FilePayload> {
  const base64 = await page.evaluate(async (s) => {
    const canvas = new OffscreenCanvas(4000, 3000);
    const ctx = canvas.getContext('2d')!;
    const g = ctx.createLinearGradient(0, 0, 4000, 3000);
    g.addColorStop(0, `hsl(${(s * 47) % 360} 50% 70%)`);
    g.addColorStop(1, `hsl(${(s * 91) % 360} 40% 40%)`);
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, 4000, 3000);
    let r = s * 9301 + 49297;
    const rand = () => (r = (r * 9301 + 49297) % 233280) / 233280;
    for (let i = 0; i < 400; i++) {
      ctx.fillStyle = `hsl(${rand() * 360} 40% ${30 + rand() * 50}%)`;
      ctx.fillRect(rand() * 4000, rand() * 3000, 20 + rand() * 300, 20 + rand() * 300);
    }
    // A document in the middle of the photo: its text must stay legible after downscaling.
    ctx.fillStyle = '#fbfbf5';
    ctx.fillRect(800, 400, 2400, 2200);
    ctx.fillStyle = '#111';
    ctx.font = '64px sans-serif';
    for (let line = 0; line < 24; line++)
      ctx.fillText(`Quyết định số ${s}${line}/QĐ-UBND về chuyển đổi số cấp xã`, 880, 520 + line * 88);
    // Sensor-like noise, so the photo compresses like a real one.
    const noise = ctx.getImageData(0, 0, 4000, 3000);
    for (let i = 0; i < noise.data.length; i += 4) {
      const n = (rand() - 0.5) * 24;
      for (let c = i; c < i + 3; c++) noise.data[c] = (noise.data[c] ?? 0) + n;
    }
    ctx.putImageData(noise, 0, 0);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(bin);
  }, seed);
  return { name, mimeType: 'image/jpeg', buffer: Buffer.from(base64, 'base64') };
}

/** A small, valid one-page PDF. */
export function makePdf(name: string): FilePayload {
  const text = [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n');
  return { name, mimeType: 'application/pdf', buffer: Buffer.from(text) };
}

/** Both evidence tables, read without the app's code; every stored file hashed again from its bytes. */
export function readEvidence(page: Page): Promise<StoredEvidence> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('xaso');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const req = db.transaction(store, 'readonly').objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as T[]);
        req.onerror = () => reject(req.error);
      });
    const links = await all<StoredEvidence['links'][number]>('evidenceLinks');
    const rows = await all<{ sha256: string; type: string; size: number; width?: number; height?: number; blob: Blob }>(
      'evidenceBlobs',
    );
    db.close();
    const hex = (b: ArrayBuffer) => Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, '0')).join('');
    const blobs = await Promise.all(
      rows.map(async ({ blob, ...row }) => {
        const bytes = await blob.arrayBuffer();
        return { ...row, bytes: bytes.byteLength, bytesSha256: hex(await crypto.subtle.digest('SHA-256', bytes)) };
      }),
    );
    return { links, blobs };
  });
}
