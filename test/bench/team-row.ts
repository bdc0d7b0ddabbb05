/**
 * Not in the run: the team log save row alone (team-log.ts), measured the same way (same page
 * scripts, offline 4×-CPU page, same clicks), so that two builds can be compared back to back.
 *
 *   node --import tsx test/bench/team-row.ts [--dist=DIR] [--saves=100] [--trace=FILE]
 *
 * Served by the plain gzip static server (the page is offline while timed). Prints click → commit,
 * click → "Đã lưu" and the bare-transaction floor; `--trace` writes a Chromium performance trace
 * of the last 20 saves.
 */
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { idbFloor, painted, setCpuRate, setOffline, waitForServiceWorker } from './browser-flows';
import { CHROMIUM, CHROMIUM_ARGS } from './lighthouse-run';
import { PHONE_CONTEXT } from './phone-context';
import type { PartContext } from './report';
import { gzipStaticServer } from './serve-app';
import { median, percentile, sleep } from './stats';
import { SEED_TEAM_SCRIPT, TEAM_HOOK_SCRIPT, TEAM_SAVE_SCRIPT } from './team-log-scripts';

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const root = resolve(import.meta.dirname, '../..');
const saves = Number(arg('saves', '100'));
const tracePath = process.argv.find((a) => a.startsWith('--trace='))?.slice(8);
const cleanups: (() => unknown)[] = [];
const ctx: PartContext = {
  quick: false,
  dist: resolve(root, arg('dist', 'dist')),
  root,
  signal: new AbortController().signal,
  defer: (c) => void cleanups.push(c),
  log: (m) => console.log(m),
  report: () => undefined,
};
const f = (x: number) => x.toFixed(1);

try {
  const url = await gzipStaticServer(ctx);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  cleanups.push(() => browser.close());
  const context = await browser.newContext({ ...PHONE_CONTEXT });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(`${url}/`);
  await waitForServiceWorker(page);
  await page.evaluate(`(${SEED_TEAM_SCRIPT})()`);
  await context.addInitScript(TEAM_HOOK_SCRIPT);
  await page.goto(`${url}/#/team/log`);
  await page.reload();
  await page.getByRole('textbox', { name: 'Thôn/tổ dân phố' }).fill('Thôn Đông');
  await page.getByRole('radio', { name: 'Kỹ năng số' }).check();
  const cdp = await context.newCDPSession(page);
  await context.setOffline(true);
  await setOffline(cdp, true);
  await setCpuRate(cdp, 4);
  const timings: { commitMs: number; ms: number }[] = [];
  const more = page.getByRole('button', { name: 'Thêm 1 người' });
  for (let i = 0; i < saves; i++) {
    if (tracePath && i === saves - 20) await browser.startTracing(page, { path: tracePath, screenshots: false });
    if (i % 50 === 0) await page.getByRole('textbox', { name: 'Số người dân được hỗ trợ' }).fill('1');
    await more.click();
    await painted(page);
    await sleep(20);
    timings.push((await page.evaluate(`(${TEAM_SAVE_SCRIPT})()`)) as { commitMs: number; ms: number });
  }
  if (tracePath) await browser.stopTracing();
  const floor = await idbFloor(page, 40);
  const commit = timings.map((t) => t.commitMs);
  const shown = timings.map((t) => t.ms);
  console.log(
    `commit median ${f(median(commit))} p95 ${f(percentile(commit, 95))} | "Đã lưu" median ${f(median(shown))} ` +
      `p95 ${f(percentile(shown, 95))} | floor median ${f(median(floor))} p95 ${f(percentile(floor, 95))} | n=${timings.length}`,
  );
} finally {
  for (const c of cleanups.reverse()) await c();
}
process.exit(0);
