/**
 * Not in the run: the answer-save row alone, measured exactly as `browser.ts` measures it (same
 * page scripts, same offline 4×-CPU page, same clicks), without the repeat-start reloads, so
 * that two builds can be compared back to back on the same machine state.
 *
 *   node --import tsx test/bench/save-row.ts [--dist=DIR] [--edits=200] [--rounds=1] [--trace=FILE]
 *
 * Each round is a fresh browser on the build in DIR (default dist/), served by the plain gzip
 * static server (the page is offline while timed, so who served it does not matter). Prints, per
 * round and over all rounds: click → commit (the figure), click → "Đã lưu", IndexedDB requests
 * per save and the bare-transaction floor. `--trace` writes a Chromium performance trace of the
 * last 20 saves of the last round (open it in DevTools' Performance panel).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './lighthouse-run';
import { PHONE_CONTEXT } from './phone-context';
import {
  createAssessment,
  focusGroupOf,
  idbFloor,
  openAllGroups,
  painted,
  READY_SCRIPT,
  setCpuRate,
  setOffline,
  timedSave,
  waitForServiceWorker,
  type SaveTiming,
} from './browser-flows';
import type { PartContext } from './report';
import { gzipStaticServer } from './serve-app';
import { median, percentile, sleep } from './stats';

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const root = resolve(import.meta.dirname, '../..');
const dist = resolve(root, arg('dist', 'dist'));
const edits = Number(arg('edits', '200'));
const rounds = Number(arg('rounds', '1'));
const tracePath = process.argv.find((a) => a.startsWith('--trace='))?.slice(8);

const cleanups: (() => unknown)[] = [];
const ctx: PartContext = {
  quick: false,
  dist,
  root,
  signal: new AbortController().signal,
  defer: (c) => void cleanups.push(c),
  log: (m) => console.log(m),
  report: () => undefined,
};

const f = (x: number) => x.toFixed(1);

function summary(label: string, saves: SaveTiming[], floor: number[]): string {
  const commit = saves.map((s) => s.commitMs);
  const shown = saves.map((s) => s.ms);
  return (
    `${label}: commit median ${f(median(commit))} p95 ${f(percentile(commit, 95))} | ` +
    `"Đã lưu" median ${f(median(shown))} p95 ${f(percentile(shown, 95))} | ` +
    `requests ${median(saves.map((s) => s.requests))} | source ${saves[0]?.source} | ` +
    `floor median ${f(median(floor))} p95 ${f(percentile(floor, 95))} | n=${saves.length}`
  );
}

async function round(url: string, last: boolean): Promise<{ saves: SaveTiming[]; floor: number[] }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const context = await browser.newContext({ ...PHONE_CONTEXT });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${url}/`);
    await waitForServiceWorker(page);
    await createAssessment(page, url);
    await waitForServiceWorker(page);
    await context.addInitScript(READY_SCRIPT);
    const cdp = await context.newCDPSession(page);
    await context.setOffline(true);
    await setOffline(cdp, true);
    await page.reload();
    await page.locator('article.comp-card').first().waitFor();
    const cards = await openAllGroups(page);
    await setCpuRate(cdp, 4);
    const saves: SaveTiming[] = [];
    for (let i = 0; i < edits; i++) {
      if (last && tracePath && i === edits - 20) await browser.startTracing(page, { path: tracePath, screenshots: false });
      await focusGroupOf(page, i % cards);
      await painted(page);
      await sleep(20);
      saves.push(await timedSave(page, i % cards));
    }
    if (last && tracePath) await browser.stopTracing();
    const floor = await idbFloor(page, 40);
    return { saves, floor };
  } finally {
    await browser.close();
  }
}

const scratch = mkdtempSync(join(tmpdir(), 'xaso-save-row-'));
cleanups.push(() => rmSync(scratch, { recursive: true, force: true }));
try {
  const url = await gzipStaticServer(ctx);
  const all: SaveTiming[] = [];
  const floors: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const { saves, floor } = await round(url, r === rounds - 1);
    console.log(summary(`round ${r + 1}`, saves, floor));
    all.push(...saves);
    floors.push(...floor);
  }
  if (rounds > 1) console.log(summary('all rounds', all, floors));
} finally {
  for (const c of cleanups.reverse()) await c();
}
process.exit(0);
