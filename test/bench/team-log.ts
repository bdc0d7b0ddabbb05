/**
 * Support-log save on a team phone (issue #15), in Chromium at 360×640, offline, 4× CPU: the log
 * form filled once (thôn, kind), then for each save the residents count changed with "+"
 * (untimed) and "Lưu" clicked; timed in the page from the click to the `complete` event of the
 * IndexedDB transaction on teamEntries, and to the form's "Đã lưu" line. The phone is made a team
 * phone by writing its enrollment into IndexedDB (the bench issues no team code).
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { busyLoopMs, idbFloor, painted, setCpuRate, setOffline, waitForServiceWorker } from './browser-flows';
import { CHROMIUM, CHROMIUM_ARGS } from './lighthouse-run';
import { PHONE_CONTEXT } from './phone-context';
import { ms, type Part } from './report';
import { serveApp } from './serve-app';
import { median, percentile, sleep } from './stats';
import { SEED_TEAM_SCRIPT, TEAM_HOOK_SCRIPT, TEAM_SAVE_SCRIPT } from './team-log-scripts';

const SAVE = 'log entry save on a team phone (click → transaction committed, 4× CPU)';
const BUDGET = 'p95 ≤ 16 ms';
const UPLOAD = "one day's upload from a team phone (support entries, bytes on the wire)";
const UPLOAD_BUDGET = 'context (no budget)';

export const teamLogPart: Part = {
  name: 'team-log',
  limitMs: { full: 240_000, quick: 150_000 },
  figures: [
    { figure: SAVE, budget: BUDGET },
    { figure: UPLOAD, budget: UPLOAD_BUDGET },
  ],
  run: async (ctx) => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found`);
    const app = await serveApp(ctx);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    ctx.defer(() => browser.close());
    const context = await browser.newContext({ ...PHONE_CONTEXT });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);

    await page.goto(`${app.url}/`);
    await waitForServiceWorker(page);
    await page.evaluate(`(${SEED_TEAM_SCRIPT})()`);
    await context.addInitScript(TEAM_HOOK_SCRIPT);
    await page.goto(`${app.url}/#/team/log`);
    await page.reload(); // the hook is installed before this document
    await page.getByRole('textbox', { name: 'Thôn/tổ dân phố' }).fill('Thôn Đông');
    await page.getByRole('radio', { name: 'Kỹ năng số' }).check();

    const cdp = await context.newCDPSession(page);
    const plain = await busyLoopMs(page);
    await context.setOffline(true);
    await setOffline(cdp, true);
    await setCpuRate(cdp, 4);
    const cpuRatio = (await busyLoopMs(page)) / plain;

    const n = ctx.quick ? 30 : 100;
    const timings: { commitMs: number; ms: number }[] = [];
    const more = page.getByRole('button', { name: 'Thêm 1 người' });
    for (let i = 0; i < n && !ctx.signal.aborted; i++) {
      if (i % 50 === 0) await page.getByRole('textbox', { name: 'Số người dân được hỗ trợ' }).fill('1');
      await more.click();
      await painted(page);
      await sleep(20);
      timings.push((await page.evaluate(`(${TEAM_SAVE_SCRIPT})()`)) as { commitMs: number; ms: number });
    }
    const floor = await idbFloor(page, 40);
    const commit = timings.map((t) => t.commitMs).filter((x) => Number.isFinite(x));
    const shown = timings.map((t) => t.ms);
    const hooked = commit.length === timings.length && timings.length > 0;
    const figure = hooked ? commit : shown;
    const p95 = percentile(figure, 95);
    ctx.report({
      figure: SAVE,
      value: `p95 ${ms(p95)} (median ${ms(median(figure))}; "Đã lưu" shown: p95 ${ms(percentile(shown, 95))}, median ${ms(median(shown))}; ${timings.length} saves)`,
      budget: BUDGET,
      pass: timings.length === n && p95 <= 16,
      note:
        `${n} new entries from the log form (#/team/log), offline, measured as ${hooked ? "click → the 'complete' event of the IndexedDB read-write transaction on teamEntries (saveSupportEntry: the shared schema's check, then one add, a new entry needing no read)" : 'click → "Đã lưu" (the hook saw no commit)'}; ` +
        `the same floor as the answer save: a bare IndexedDB readwrite transaction in this page takes ${ms(median(floor))} median, ${ms(percentile(floor, 95))} p95. ` +
        `CPU throttle check: a fixed loop ran ${cpuRatio.toFixed(1)}× slower under the 4× setting. ${app.description}.`,
      fix:
        `A save takes ${ms(median(figure))} median where one bare IndexedDB transaction takes ${ms(median(floor))}. ` +
        "In a trace at 4× CPU the click now goes straight to the write: the button's click handler saves (no form submission steps, which took about 4.5 ms before the submit event) " +
        "and a new entry is one Dexie add (no transaction body: Dexie's promise-zone microtasks took 10–12 ms after the click); the click task is 6–9 ms, the commit about 3 ms after it. " +
        "What is left: the shared schema's check (zod) and Dexie's write path set-up (about half of the click task), then the message to the browser process and back. " +
        "Less would take a raw IndexedDB add (as the answer save does) with the live views told by hand (Dexie's storagemutated event, which a raw write does not fire); compare builds with test/bench/team-row.ts.",
    });

    // The same day's entries going up: the team outbox's POST bodies (gzip where the browser can),
    // as the phone sends them when the signal returns (the bench's token is refused: only the
    // request is measured).
    await setCpuRate(cdp, 1);
    const bodies: { bytes: number; encoding: string }[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/api/v1/team/entries'))
        bodies.push({ bytes: r.postDataBuffer()?.length ?? 0, encoding: r.headers()['content-encoding'] ?? 'identity' });
    });
    await setOffline(cdp, false);
    await context.setOffline(false);
    await page.evaluate(() => dispatchEvent(new Event('online')));
    const end = Date.now() + 15_000;
    while (bodies.length < Math.ceil(timings.length / 50) && Date.now() < end) await sleep(100);
    const bytes = bodies.reduce((a, b) => a + b.bytes, 0);
    const perEntry = timings.length ? bytes / timings.length : NaN;
    ctx.report({
      figure: UPLOAD,
      value: bodies.length
        ? `${(bytes / 1000).toFixed(1)} KB for ${timings.length} entries (${perEntry.toFixed(0)} B per entry; 30 entries ≈ ${((perEntry * 30) / 1000).toFixed(1)} KB)`
        : 'not measured: no upload seen within 15 s',
      budget: UPLOAD_BUDGET,
      pass: null,
      note: `${bodies.length} POST /api/v1/team/entries (batches of 50), request bodies as sent (Content-Encoding: ${[...new Set(bodies.map((b) => b.encoding))].join(', ') || 'none'}); each entry: id, date, thôn, kind, residents, no note. HTTP headers not counted.`,
    });
  },
};
