/**
 * Not in the run: `node --import tsx test/bench/start-trace.ts [runs] [distDir]`. The long tasks of a
 * cold start, for the Lighthouse TBT row: the build in dist/ (or distDir, e.g. an older build to
 * compare) served by the real server, opened in Debian's Chromium at 360×640 with CPU 4× (CDP) and
 * a Chromium trace; no Playwright locator runs during the trace (its injected script would be a
 * long task of its own). Prints, per run, every main-thread task ≥ 50 ms with its time from the
 * first contentful paint and what ran in it (module evaluation, a function, microtasks, layout),
 * and the blocking time after FCP (Σ max(0, d − 50 ms)). Machine load inflates every figure:
 * compare builds back to back, several runs each.
 */
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { launchOptions, phone } from '../e2e/env';
import type { PartContext } from './report';
import { serveApp } from './serve-app';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string; functionName?: string; lineNumber?: number; columnNumber?: number } };
}

const INNER = new Set([
  'v8.evaluateModule',
  'EvaluateScript',
  'FunctionCall',
  'TimerFire',
  'RunMicrotasks',
  'ParseHTML',
  'Layout',
  'UpdateLayoutTree',
  'Paint',
  'MajorGC',
  'MinorGC',
  'FireAnimationFrame',
]);

function describeEvent(e: TraceEvent): string {
  const d = e.args?.data;
  const where = d?.url ? ` ${d.url.replace(/.*\//, '')}` : '';
  const fn = d?.functionName ? ` ${d.functionName}:${d.lineNumber ?? 0}:${d.columnNumber ?? 0}` : '';
  return `${e.name}${where}${fn} ${Math.round((e.dur ?? 0) / 1000)}`;
}

/** The renderer main thread's tasks ≥ 50 ms, relative to FCP. */
export function longTasks(events: readonly TraceEvent[]): { blockingMs: number; lines: string[] } {
  const fcp = events.find((e) => e.name === 'firstContentfulPaint');
  if (!fcp) return { blockingMs: Number.NaN, lines: ['no firstContentfulPaint in the trace'] };
  const main = events.find((e) => e.name === 'thread_name' && e.pid === fcp.pid && e.args?.name === 'CrRendererMain');
  const onMain = events.filter((e) => e.pid === fcp.pid && e.tid === main?.tid && e.ph === 'X');
  let blockingMs = 0;
  const lines: string[] = [];
  for (const task of onMain.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) >= 50_000)) {
    const end = task.ts + (task.dur ?? 0);
    const inner = onMain
      .filter((e) => INNER.has(e.name) && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end)
      .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
      .slice(0, 3);
    const ms = (task.dur ?? 0) / 1000;
    if (end > fcp.ts) blockingMs += Math.max(0, ms - 50);
    lines.push(
      `  ${Math.round((task.ts - fcp.ts) / 1000)} ms from FCP: ${Math.round(ms)} ms [${inner.map(describeEvent).join('; ')}]`,
    );
  }
  return { blockingMs, lines };
}

async function main(): Promise<void> {
  const root = resolve(import.meta.dirname, '../..');
  const runs = Number(process.argv[2] ?? 3);
  const cleanups: (() => Promise<void> | void)[] = [];
  const ctx: PartContext = {
    quick: true,
    dist: resolve(root, process.argv[3] ?? 'dist'),
    root,
    signal: new AbortController().signal,
    defer: (fn) => void cleanups.push(fn),
    log: (m) => console.log(m),
    report: () => undefined,
  };
  const browser = await chromium.launch(launchOptions);
  try {
    const app = await serveApp(ctx);
    for (let i = 1; i <= runs; i++) {
      const context = await browser.newContext({ ...phone, serviceWorkers: 'block' });
      const page = await context.newPage();
      await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await browser.startTracing(page, {
        categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'loading'],
      });
      await page.goto(app.url);
      await page.waitForTimeout(6000); // the start settles (the home list, the sync start) well within this
      const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
      await context.close();
      const { blockingMs, lines } = longTasks(trace.traceEvents);
      console.log(`run ${i}: blocking time after FCP ${Math.round(blockingMs)} ms`);
      console.log(lines.join('\n'));
    }
  } finally {
    await browser.close();
    for (const fn of cleanups.reverse()) await fn();
  }
}

await main();
