/**
 * Lighthouse 12 (CLI, as a child process we can kill) with Debian's Chromium against the
 * production build served by the real server (src/server static hosting) on 127.0.0.1.
 * Performance category only, cold load of the first screen (Lighthouse clears storage).
 *  - default mobile profile: simulated Slow 4G (150 ms RTT, 1.6 Mbps) and 4× CPU slowdown;
 *  - a 3G profile: 300 ms RTT, 700 Kbps, 4× CPU (simulated the same way).
 * Each metric is the median of 3 runs (1 with --quick). When the server sends scripts
 * uncompressed, one run per profile against a gzip static server shows what compression changes.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, medianRuns, type Metrics } from './lighthouse-run';
import { ms, seconds, type Part, type Row } from './report';
import { gzipStaticServer, serveApp } from './serve-app';

export { CHROMIUM, CHROMIUM_ARGS } from './lighthouse-run';

const MOBILE = 'Lighthouse mobile (Slow 4G, 4× CPU): score, FCP, LCP, TBT, CLS';
const MOBILE_BUDGET = 'score ≥ 95; FCP ≤ 1.8 s; LCP ≤ 2.5 s; TBT ≤ 200 ms; CLS ≤ 0.05';
const SLOW = 'Lighthouse 3G (300 ms RTT, 700 Kbps, 4× CPU): LCP';
const SLOW_BUDGET = 'LCP ≤ 4 s';
const SLOW_FLAGS = ['--throttling.rttMs=300', '--throttling.throughputKbps=700', '--throttling.cpuSlowdownMultiplier=4'];

function overBudget(m: Metrics): string[] {
  const over: string[] = [];
  if (m.score < 95) over.push(`score ${m.score}`);
  if (m.fcp > 1800) over.push(`FCP ${seconds(m.fcp)}`);
  if (m.lcp > 2500) over.push(`LCP ${seconds(m.lcp)}`);
  if (m.tbt > 200) over.push(`TBT ${ms(m.tbt)}`);
  if (m.cls > 0.05) over.push(`CLS ${m.cls.toFixed(3)}`);
  return over;
}

function mobileFix(m: Metrics, gz: Metrics | undefined): string {
  const parts: string[] = [];
  if (gz) {
    const left = overBudget(gz);
    parts.push(
      `The server sends scripts uncompressed: compress in src/server/static.ts (gzip/brotli, ideally precompressed at build). ` +
        `The same build served with gzip: score ${gz.score}, FCP ${seconds(gz.fcp)}, LCP ${seconds(gz.lcp)}, TBT ${ms(gz.tbt)}, CLS ${gz.cls.toFixed(3)}` +
        (left.length ? `; still over: ${left.join(', ')}.` : ' — within budget.'),
    );
  }
  if (m.cls > 0.05)
    parts.push(
      `CLS ${m.cls.toFixed(3)} comes from ${m.shifts.join(', ') || 'unknown elements'}: reserve the space of what appears above it (header/notices) in the boot markup.`,
    );
  if (m.tbt > 200 && !(gz && gz.tbt <= 200))
    parts.push(
      `TBT ${ms(m.tbt)}: less main-thread work before the first screen settles (Lighthouse benchmarkIndex ${Math.round(m.benchmarkIndex)}; TBT varies with machine load: a run on a quiet machine gave TBT 139 ms, score 98). In the trace (one script since the first screen became one chunk, its CSS inline) the long tasks after the first paint are: the evaluation of the entry chunk (Dexie and its schema versions, i18next with the Vietnamese namespaces, Preact), one task; the first render of the app, in the microtask after the stored language is read from IndexedDB; then the timers of the home list and the background sync. Each is one task at 4× CPU: only splitting them (the database and the non-home namespaces behind import(), the render after a yield) shortens them; deferring work alone does not, as TBT counts every task until the page is quiet.`,
    );
  return parts.join(' ') || `Over budget: ${overBudget(m).join(', ')}.`;
}

export const lighthousePart: Part = {
  name: 'lighthouse',
  limitMs: { full: 600_000, quick: 240_000 },
  figures: [
    { figure: MOBILE, budget: MOBILE_BUDGET },
    { figure: SLOW, budget: SLOW_BUDGET },
  ],
  run: async (ctx) => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found`);
    if (!existsSync(join(ctx.root, 'node_modules/lighthouse/cli/index.js')))
      throw new Error('lighthouse is not installed (npm install --save-dev lighthouse@^12)');
    const app = await serveApp(ctx);
    const runs = ctx.quick ? 1 : 3;
    const url = `${app.url}/`;
    const mobile = await medianRuns(ctx, url, [], runs);
    const slow = await medianRuns(ctx, url, SLOW_FLAGS, runs);
    // What compression alone would change, when the real server sends scripts uncompressed.
    let gzipNote = '';
    let gzipSlowNote = '';
    let gzMobile: Metrics | undefined;
    let gzSlow: Metrics | undefined;
    if (app.encoding === 'none' && !ctx.signal.aborted) {
      try {
        const gzUrl = `${await gzipStaticServer(ctx)}/`;
        const gz = await medianRuns(ctx, gzUrl, [], 1);
        gzMobile = gz;
        gzipNote = ` For comparison, the same build from a static server with gzip (1 run): score ${gz.score}, FCP ${seconds(gz.fcp)}, LCP ${seconds(gz.lcp)}, TBT ${ms(gz.tbt)}, CLS ${gz.cls.toFixed(3)}.`;
        gzSlow = await medianRuns(ctx, gzUrl, SLOW_FLAGS, 1);
        gzipSlowNote = ` With gzip (1 run): LCP ${seconds(gzSlow.lcp)}, score ${gzSlow.score}.`;
      } catch (error) {
        gzipNote = ` (gzip comparison failed: ${error instanceof Error ? error.message.slice(0, 100) : String(error)})`;
      }
    }
    const where = `${app.description}; ${runs} run(s), median of each metric; Lighthouse benchmarkIndex ${Math.round(mobile.benchmarkIndex)}`;
    const warn = (w: string[]) => (w.length > 0 ? ` Warnings: ${w.join(' | ').slice(0, 300)}` : '');
    const rows: Row[] = [
      {
        figure: MOBILE,
        value: `${mobile.score}; FCP ${seconds(mobile.fcp)}, LCP ${seconds(mobile.lcp)}, TBT ${ms(mobile.tbt)}, CLS ${mobile.cls.toFixed(3)}`,
        budget: MOBILE_BUDGET,
        pass: mobile.score >= 95 && mobile.fcp <= 1800 && mobile.lcp <= 2500 && mobile.tbt <= 200 && mobile.cls <= 0.05,
        note: `${where}; LCP element ${mobile.lcpElement || 'unknown'}; layout shifts: ${mobile.shifts.join(', ') || 'none'}.${warn(mobile.warnings)}${gzipNote}`,
        fix: mobileFix(mobile, gzMobile),
      },
      {
        figure: SLOW,
        value: `LCP ${seconds(slow.lcp)} (score ${slow.score}, FCP ${seconds(slow.fcp)}, TBT ${ms(slow.tbt)})`,
        budget: SLOW_BUDGET,
        pass: slow.lcp <= 4000,
        note: `${SLOW_FLAGS.join(' ')} (simulated); ${where}.${warn(slow.warnings)}${gzipSlowNote}`,
        fix: gzSlow
          ? `Compressed responses: served with gzip the same build reaches LCP ${seconds(gzSlow.lcp)} on this profile${gzSlow.lcp <= 4000 ? ' (within budget)' : ''}.`
          : `LCP ${seconds(slow.lcp)}: fewer or smaller requests before the first paint (the LCP element is ${slow.lcpElement || 'unknown'}).`,
      },
    ];
    return rows;
  },
};
