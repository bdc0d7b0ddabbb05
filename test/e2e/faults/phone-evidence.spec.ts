/**
 * P7 — the browser is killed right after an attach: the file and its link are both there, or
 * neither (one IndexedDB transaction), never a link without its file or a file cut short.
 * P8 — the phone's storage is full when a photo is attached: the panel says why in Vietnamese,
 * nothing of it is written, the answers are untouched, and it works once space is back; the
 * panel warns before storage runs short.
 */
import type { Page } from '@playwright/test';
import { ChecklistPage } from '../pages/checklist';
import { ev, EvidencePanel, makePhoto, readEvidence, type FilePayload, type StoredEvidence } from '../pages/evidence';
import { crashAndReopen } from './crash';
import { backupWith, expect, readStore, restore, setDiskFull, simulateFullDisk, test, uuid } from './fixtures';

/** Every link has its file, every file's bytes hash to its key and its size: nothing half-written. */
function expectWhole(stored: StoredEvidence): void {
  const files = new Map(stored.blobs.map((b) => [b.sha256, b]));
  for (const link of stored.links) expect(files.get(link.sha256), `file of link ${link.name}`).toBeDefined();
  for (const b of stored.blobs) {
    expect(b.bytesSha256).toBe(b.sha256);
    expect(b.bytes).toBe(b.size);
  }
  // A file without any link would be an attach half done (nothing here was removed).
  for (const b of stored.blobs) expect(stored.links.some((l) => l.sha256 === b.sha256)).toBe(true);
}

async function openPanel(page: Page, id: string, code: string): Promise<EvidencePanel> {
  const checklist = new ChecklistPage(page);
  await checklist.goto(id, code);
  await checklist.openGroup('HTS');
  const panel = new EvidencePanel(page, code);
  await panel.open();
  return panel;
}

test('[P7] the browser is killed right after an attach: the file and its link are both there, or neither', async ({
  baseURL,
}) => {
  test.setTimeout(180_000);
  const id = uuid(0x3101);
  let photos: FilePayload[] = [];
  let linksBefore = 0;
  await crashAndReopen(
    baseURL,
    async (page) => {
      await expect((await restore(page, backupWith([{ id }]))).importReport).toBeVisible();
      photos = [await makePhoto(page, 'kill-1.jpg', 11), await makePhoto(page, 'kill-2.jpg', 12)];
      const panel = await openPanel(page, id, 'HTS6');
      // One attach seen through to "Đã lưu"…
      await panel.input('pickPhotos').setInputFiles(photos[0]!);
      await expect(panel.outcome()).toHaveText(ev('attached', { name: 'kill-1.jpg' }), { timeout: 30_000 });
      linksBefore = (await readEvidence(page)).links.length;
      // …and the next one still being downscaled or written when the battery dies.
      await panel.input('pickPhotos').setInputFiles(photos[1]!);
      await expect(panel.outcome()).toHaveText(ev('processing', { name: 'kill-2.jpg' }));
    },
    async (page) => {
      const stored = await readEvidence(page);
      expectWhole(stored);
      expect(linksBefore).toBe(1);
      expect(stored.links.map((l) => l.name)).toContain('kill-1.jpg');
      expect([1, 2]).toContain(stored.links.length);
      console.log(`after the kill: ${stored.links.length} link(s), ${stored.blobs.length} file(s), all whole`);
      // The officer sees exactly what is stored, and can attach the lost one again.
      const panel = await openPanel(page, id, 'HTS6');
      await expect(panel.items()).toHaveCount(stored.links.length);
      await panel.input('pickPhotos').setInputFiles(photos[1]!);
      await expect(panel.items()).toHaveCount(2, { timeout: 30_000 });
      expectWhole(await readEvidence(page));
    },
  );
});

test('[P8] storage full on the phone: the attach is refused with the reason, nothing written, answers intact; low space is warned of', async ({
  page,
  phoneErrors,
}) => {
  test.setTimeout(150_000);
  const id = uuid(0x3102);
  await simulateFullDisk(page);
  await expect((await restore(page, backupWith([{ id }]))).importReport).toBeVisible();
  const photo = await makePhoto(page, 'day-bo-nho.jpg', 21);
  const checklist = new ChecklistPage(page);
  await checklist.goto(id, 'HTS6');
  await checklist.openGroup('HTS');
  await checklist.statusRadio('HTS6', 3).check();
  await expect(checklist.saveState('HTS6')).toBeVisible();
  const answersBefore = await readStore(page, 'answers');
  const panel = new EvidencePanel(page, 'HTS6');
  await panel.open();

  await setDiskFull(page, true);
  await panel.input('takePhoto').setInputFiles(photo);
  await expect(panel.panel.getByRole('alert')).toHaveText(ev('error.quota', { name: 'day-bo-nho.jpg' }), { timeout: 30_000 });
  await setDiskFull(page, false);
  expect(await readEvidence(page)).toEqual({ links: [], blobs: [] });
  expect(await readStore(page, 'answers')).toEqual(answersBefore);
  await expect(panel.panel.getByText(ev('none'))).toBeVisible();
  await expect(checklist.statusRadio('HTS6', 3)).toBeChecked();

  // Space is back: the same photo goes in, and the answer can still be changed.
  await panel.input('takePhoto').setInputFiles(photo);
  await expect(panel.items()).toHaveCount(1, { timeout: 30_000 });
  await checklist.statusRadio('HTS6', 2).check();
  await expect(checklist.saveState('HTS6')).toBeVisible();
  expect(phoneErrors).toEqual([]);
});

test('[P8] the evidence panel warns before the phone runs out of space', async ({ page }) => {
  const id = uuid(0x3103);
  // The browser reports 20 MB left of 2 GB: fewer than a few originals or PDFs more.
  await page.addInitScript(() => {
    const estimate = () => Promise.resolve({ usage: 2_000_000_000 - 20 * 1024 * 1024, quota: 2_000_000_000 });
    Object.defineProperty(navigator.storage, 'estimate', { configurable: true, value: estimate });
  });
  await expect((await restore(page, backupWith([{ id }]))).importReport).toBeVisible();
  const panel = await openPanel(page, id, 'HTS6');
  await expect(panel.panel.getByRole('alert')).toHaveText(ev('lowSpace', { free: '20 MB' }));
});
