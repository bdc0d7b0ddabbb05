/**
 * The phone-side timings, in Debian's Chromium through Playwright, at 360×640:
 *  - repeat start offline: after a first online visit (service worker installed, assessment
 *    created through the real screens), the network is cut (CDP Network.emulateNetworkConditions
 *    offline + Playwright's context offline, which also covers the worker), the CPU slowed 4×
 *    (CDP Emulation.setCPUThrottlingRate), and the checklist reloaded: navigation start → first
 *    status control in the DOM and the main thread free. The worker is warm (used just before).
 *    Median of 15 starts (5 with --quick) after one untimed start.
 *  - answer save: 200 status clicks (60 with --quick) over every card, offline, 4× CPU, with only
 *    the edited card's group open; each timed in the page from the click to the card's "Đã lưu"
 *    (saved) state. A bare IndexedDB transaction in the same page is timed too, as the floor.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './lighthouse-run';
import { PHONE_CONTEXT } from './phone-context';
import {
  busyLoopMs,
  createAssessment,
  focusGroupOf,
  painted,
  idbFloor,
  openAllGroups,
  READY_SCRIPT,
  setCpuRate,
  setOffline,
  timedSave,
  timedStart,
  waitForServiceWorker,
  type SaveTiming,
  type StartTiming,
} from './browser-flows';
import { ms, type Part } from './report';
import { serveApp } from './serve-app';
import { median, percentile, sleep } from './stats';

const START = 'repeat start offline (SW warm, 4× CPU): navigation → checklist interactive';
const START_BUDGET = '≤ 1 s median';
const SAVE = 'answer save (click → transaction committed, 4× CPU)';
const SAVE_BUDGET = 'p95 ≤ 16 ms';

export const browserPart: Part = {
  name: 'browser',
  limitMs: { full: 420_000, quick: 240_000 },
  figures: [
    { figure: START, budget: START_BUDGET },
    { figure: SAVE, budget: SAVE_BUDGET },
  ],
  run: async (ctx) => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found`);
    const app = await serveApp(ctx);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    ctx.defer(() => browser.close());
    const context = await browser.newContext({
      ...PHONE_CONTEXT,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));

    // First visit, online: install the worker, create a mountain-commune assessment.
    await page.goto(`${app.url}/`);
    await waitForServiceWorker(page);
    await createAssessment(page, app.url);
    await waitForServiceWorker(page);
    await context.addInitScript(READY_SCRIPT);

    const cdp = await context.newCDPSession(page);
    const plain = await busyLoopMs(page);
    await context.setOffline(true);
    await setOffline(cdp, true);
    await setCpuRate(cdp, 4);
    const slowed = await busyLoopMs(page);
    const cpuRatio = slowed / plain;
    failed.length = 0;

    await timedStart(page); // untimed: the worker and caches are warm after this
    const starts: StartTiming[] = [];
    const runs = ctx.quick ? 5 : 15;
    for (let i = 0; i < runs && !ctx.signal.aborted; i++) starts.push(await timedStart(page));
    const allFromWorker = starts.every((s) => s.fromServiceWorker);
    const interactive = starts.map((s) => s.interactive);

    const medStart = median(interactive);
    const cpuNote = `CPU throttle check: a fixed loop ran ${cpuRatio.toFixed(1)}× slower under the 4× setting.`;
    ctx.report({
      figure: START,
      value: `${ms(medStart)} median (p95 ${ms(percentile(interactive, 95))}; first control in DOM ${ms(median(starts.map((s) => s.ready)))} median)`,
      budget: START_BUDGET,
      pass: starts.length === runs && allFromWorker && medStart <= 1000,
      note:
        `${starts.length} reloads of #/a/<id> offline; ${allFromWorker ? 'every document came from the service worker' : 'SOME DOCUMENTS DID NOT COME FROM THE SERVICE WORKER'}; ` +
        `${failed.length} failed requests while offline (${[...new Set(failed.map((u) => new URL(u).pathname))].slice(0, 4).join(', ') || 'none'}). ${cpuNote} ${app.description}.`,
    });

    // Answer saves: every card mounted (untimed, full speed), then timed clicks at 4× CPU.
    await setCpuRate(cdp, 1);
    const cards = await openAllGroups(page);
    await setCpuRate(cdp, 4);
    const edits = ctx.quick ? 60 : 200;
    const saves: SaveTiming[] = [];
    for (let i = 0; i < edits && !ctx.signal.aborted; i++) {
      await focusGroupOf(page, i % cards);
      await painted(page);
      await sleep(20);
      saves.push(await timedSave(page, i % cards));
    }
    const floor = await idbFloor(page, 40);
    const shownMs = saves.map((s) => s.ms);
    const commitMs = saves.map((s) => s.commitMs).filter((x) => Number.isFinite(x));
    const hooked = commitMs.length === saves.length && saves.length > 0;
    const figureMs = hooked ? commitMs : shownMs;
    const source = saves.some((s) => s.source === 'app')
      ? "the app's performance.measure('xaso:save')"
      : hooked
        ? "click → the 'complete' event of the IndexedDB read-write transaction on the answers store (Dexie's saveAnswer), hooked in the page"
        : 'click → the card\'s "Đã lưu" state (the transaction hook saw no commit)';
    const p95 = percentile(figureMs, 95);
    const requests = median(saves.map((s) => s.requests));
    ctx.report({
      figure: SAVE,
      value: `p95 ${ms(p95)} (median ${ms(median(figureMs))}; "Đã lưu" shown: p95 ${ms(percentile(shownMs, 95))}, median ${ms(median(shownMs))}; ${saves.length} edits)`,
      budget: SAVE_BUDGET,
      pass: saves.length === edits && p95 <= 16,
      note:
        `${edits} status changes over ${cards} cards (every group mounted; only the edited card's group open, as an officer works through one group), offline, measured as ${source}; ` +
        `"Đã lưu" shown = click → the card's save state turns saved (MutationObserver); the checklist's progress and score are re-rendered after that is painted. ` +
        `Floor on this machine: a bare IndexedDB readwrite transaction (one put, until complete) in the same page takes ${ms(median(floor))} median, ${ms(percentile(floor, 95))} p95. ` +
        `IndexedDB requests between click and commit: ${requests} (median). ${cpuNote}`,
      fix:
        `A save takes ${ms(median(figureMs))} median to commit where one bare IndexedDB transaction takes ${ms(median(floor))}: ` +
        `saveAnswer issues its ${requests} IndexedDB requests in one round trip (the answer and the assessment's touch written without reading first, with the reads that confirm them in the same batch; schema v2). ` +
        'saveAnswer runs on the raw IDBDatabase (src/db/answer-write.ts), so the click task sets up no Dexie transaction (about 1 ms at 4× CPU in a trace, where it was 5–22 ms). ' +
        'What is left between the click and the commit is one rendering frame, which the browser runs after an input before it hands back the IndexedDB results, whenever the display refresh (every 16.7 ms) falls inside the save: so the p95 is always a save with that frame. ' +
        "Since the chosen option's look changes no size (inset shadow for the wider border) and each card is its own stacking context, that frame has no layout and repaints only the tapped card (the others' painting reused): " +
        '10–12 ms of main-thread CPU at 4× in a trace where it took 18–19 ms (style 1.3–1.8, pre-paint 0.9, paint 2.5–3, layerize 1–2, commit to the compositor 1–2, the rest the frame’s own bookkeeping). ' +
        'Before it, the change handler (3–5 ms at 4×: the five requests, each a structured clone and a message to the browser process); after it, two hops (the reads back, then the commit). ' +
        'Less would take fewer cards painted at all (content-visibility, rejected: estimated heights moved group headings under a tap) or fewer requests per save (one store for the answer and its touch); ' +
        'compare builds with test/bench/save-row.ts. On a loaded machine the bare transaction alone can exceed the budget.',
    });
  },
};
