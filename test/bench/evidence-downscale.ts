/**
 * Photo evidence on the phone (issue #13): a 12-megapixel JPEG attached through the real evidence
 * panel, offline, at 4× CPU, at 360×640 in Debian's Chromium. Timed inside the page from the file
 * input's `change` (the officer's pick is handed to the app) to the panel's "Đã lưu" line, which
 * shows only after the downscaled photo and its link were committed to IndexedDB: decode with EXIF
 * orientation, draw at 1600 px, JPEG re-encode with quality steps, sha-256, the transaction. Each
 * run a different photo (the store keeps one copy per sha-256, so a repeat would not be stored).
 */
import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { makePhoto, readEvidence } from '../e2e/pages/evidence';
import { busyLoopMs, createAssessment, setCpuRate, setOffline, waitForServiceWorker } from './browser-flows';
import { CHROMIUM, CHROMIUM_ARGS } from './lighthouse-run';
import { PHONE_CONTEXT } from './phone-context';
import { kb, ms, type Part } from './report';
import { serveApp } from './serve-app';
import { median } from './stats';

const FIGURE = 'photo evidence: 12-MP JPEG → downscaled and stored (4× CPU)';
const BUDGET = '≤ 1.5 s median, ≤ 300 KB';

/** Resolves with the ms from the next file `change` to the panel saying the file is saved. */
function timeNextAttach(page: Page, savedText: string): Promise<number> {
  return page.evaluate(
    (saved) =>
      new Promise<number>((resolve) => {
        let t0 = 0;
        document.addEventListener('change', () => (t0 = performance.now()), { capture: true, once: true });
        const outcome = document.querySelector('.evidence-outcome')!;
        const seen = new MutationObserver(() => {
          if (t0 && outcome.textContent?.startsWith(saved)) {
            seen.disconnect();
            resolve(performance.now() - t0);
          }
        });
        seen.observe(outcome, { childList: true, characterData: true, subtree: true });
      }),
    savedText,
  );
}

export const evidencePart: Part = {
  name: 'evidence',
  limitMs: { full: 300_000, quick: 180_000 },
  figures: [{ figure: FIGURE, budget: BUDGET }],
  run: async (ctx) => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found`);
    const app = await serveApp(ctx);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    ctx.defer(() => browser.close());
    const context = await browser.newContext({
      ...PHONE_CONTEXT,
    });
    // tsx (esbuild keepNames) wraps named inner functions of the page helpers in __name(); the
    // page has no such helper, so give it one that does nothing.
    await context.addInitScript('globalThis.__name = (f) => f;');
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${app.url}/`);
    await waitForServiceWorker(page);
    await createAssessment(page, app.url);
    const runs = ctx.quick ? 3 : 6;
    const photos = [];
    for (let i = 0; i < runs; i++) photos.push(await makePhoto(page, `bench-${i}.jpg`, 100 + i));

    const toggle = page.locator('.evidence-toggle').first();
    await toggle.click();
    const input = page.locator('.evidence-panel input[type=file][multiple][accept="image/*"]');
    await input.waitFor({ state: 'attached' });
    const cdp = await context.newCDPSession(page);
    const plain = await busyLoopMs(page);
    await context.setOffline(true);
    await setOffline(cdp, true);
    await setCpuRate(cdp, 4);
    const cpuRatio = (await busyLoopMs(page)) / plain;

    const times: number[] = [];
    for (const photo of photos) {
      if (ctx.signal.aborted) break;
      const timed = timeNextAttach(page, 'Đã lưu');
      await input.setInputFiles(photo);
      times.push(await timed);
    }
    await setCpuRate(cdp, 1);
    const stored = (await readEvidence(page)).blobs;
    const sizes = stored.map((b) => b.size);
    const maxSize = Math.max(...sizes);
    const med = median(times);
    const dims = [...new Set(stored.map((b) => `${b.width}×${b.height}`))].join(', ');
    const inputs = photos.map((p) => p.buffer.byteLength);
    ctx.report({
      figure: FIGURE,
      value: `${ms(med)} median (max ${ms(Math.max(...times))}); stored ${kb(median(sizes))} median, ${kb(maxSize)} max, ${dims}`,
      budget: BUDGET,
      pass: times.length === runs && stored.length === runs && med <= 1500 && maxSize <= 300 * 1024,
      note:
        `${times.length} different 4000×3000 JPEGs (${kb(Math.min(...inputs))}–${kb(Math.max(...inputs))}, quality 0.92, drawn in the page with text and sensor-like noise) picked through the evidence panel's "Chọn ảnh" input, offline; ` +
        `timed in the page from the input's change event to "Đã lưu" (downscale, re-encode, sha-256 and the IndexedDB transaction of file and link all done). ` +
        `Budget: 300 KB is the issue's target (a 2G link carries it in about a minute); 1.5 s is about what a phone's own camera app takes to save a photo, so attaching does not feel slower than taking it. ` +
        `CPU throttle check: a fixed loop ran ${cpuRatio.toFixed(1)}× slower under the 4× setting. ${app.description}.`,
      fix: `At ${ms(med)} the decode of 12 MP and the first encode dominate; createImageBitmap with resizeWidth/resizeHeight (decode straight to 1600 px) would cut the draw and the memory.`,
    });
  },
};
