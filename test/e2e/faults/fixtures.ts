/**
 * What the browser fault specs share: a real server of their own (src/server/main.ts as a child
 * process on a free loopback port, its own SQLite folder, hosting a private copy of dist/ that a
 * spec may change to publish a "new version"), the phone's baseURL pointing at it, and helpers to
 * seed an assessment through the app's own restore-from-file feature and to read IndexedDB.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import type { BackupFile } from '../../../src/domain/backup';
import type { Answer, AreaType } from '../../../src/domain/types';
import { REPO_ROOT, ServerProcess, tempDir } from '../../faults/support/server-process';
import { SettingsPage } from '../pages/settings';

export { expect };

export interface Xaso {
  server: ServerProcess;
  /** The private copy of dist/ the server hosts. */
  dist: string;
}

export const test = base.extend<{ phoneErrors: string[] }, { xaso: Xaso }>({
  xaso: [
    // Playwright reads a fixture's dependencies from its first parameter's pattern: none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const source = path.join(REPO_ROOT, 'dist');
      if (!fs.existsSync(path.join(source, 'sw.js'))) throw new Error('dist/ is missing: run `npx vite build` first');
      const dist = tempDir('dist');
      fs.cpSync(source, dist, { recursive: true });
      const server = await ServerProcess.start({ staticDir: dist });
      await use({ server, dist });
      await server.dispose();
      fs.rmSync(dist, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ xaso }, use) => {
    await use(`${xaso.server.url}/`);
  },
  /** Uncaught errors and console errors of every page of the test's context. */
  phoneErrors: async ({ context }, use) => {
    const errors: string[] = [];
    context.on('weberror', (e) => errors.push(e.error().message));
    await use(errors);
  },
});

/** Phường Ba Đình, Hà Nội: an urban commune. HTS6–8 are commune-essential, HTS10–13 urban-specific. */
export const BA_DINH = { provinceCode: '01', communeCode: '00004', name: 'Phường Ba Đình', areaTypes: ['urban'] as AreaType[] };

export function backupWith(assessments: { id: string; answers?: Answer[]; period?: string; updatedAt?: string }[]): BackupFile {
  const at = '2026-03-01T08:00:00.000Z';
  return {
    format: 'xaso-backup',
    formatVersion: 1,
    appVersion: 'faults',
    exportedAt: at,
    assessments: assessments.map((a) => ({
      id: a.id,
      provinceCode: BA_DINH.provinceCode,
      communeCode: BA_DINH.communeCode,
      areaTypes: BA_DINH.areaTypes,
      period: a.period ?? '2026',
      catalogueVersion: '2026.1',
      methodologyId: 'provisional-2026.1',
      status: 'draft',
      createdAt: at,
      updatedAt: a.updatedAt ?? at,
      answers: a.answers ?? [],
    })),
  };
}

/** Restores a backup file through Settings ("Khôi phục từ tệp"), as an officer would. */
export async function restore(page: Page, file: BackupFile | string, name = 'xaso-sao-luu.json'): Promise<SettingsPage> {
  const settings = new SettingsPage(page);
  await settings.goto();
  const text = typeof file === 'string' ? file : JSON.stringify(file);
  await settings.importBackup({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  return settings;
}

/** Every row of one IndexedDB store of the app's database, read in the page (no app code involved). */
export function readStore<T = Record<string, unknown>>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('xaso');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(name, 'readonly').objectStore(name).getAll();
          req.onsuccess = () => {
            db.close();
            resolve(req.result as T[]);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

export function uuid(n: number): string {
  return `3f1c2b7e-9d4a-4c1e-8f2a-${n.toString(16).padStart(12, '0')}`;
}

/**
 * Makes the app's database refuse writes as a full disk does (QuotaExceededError from put, add and
 * delete) while `setDiskFull(page, true)` is in force; installed before the app loads.
 */
export async function simulateFullDisk(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { fullDisk: boolean };
    w.fullDisk = false;
    for (const method of ['put', 'add', 'delete'] as const) {
      const original = IDBObjectStore.prototype[method] as (...args: unknown[]) => IDBRequest;
      Object.defineProperty(IDBObjectStore.prototype, method, {
        configurable: true,
        value(this: IDBObjectStore, ...args: unknown[]) {
          if (w.fullDisk && this.transaction.db.name === 'xaso')
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return original.apply(this, args);
        },
      });
    }
  });
}

/** Turns the full disk of simulateFullDisk on or off. */
export async function setDiskFull(page: Page, full: boolean): Promise<void> {
  await page.evaluate((f) => ((window as unknown as { fullDisk: boolean }).fullDisk = f), full);
}
