/**
 * One Lighthouse 12 run through its CLI (a child process the part can kill), with Debian's
 * Chromium, performance category only; and the median of several runs. A run that ends in a
 * Lighthouse runtime error is retried.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { PartContext } from './report';
import { median } from './stats';

const run = promisify(execFile);
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

export interface Metrics {
  score: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  benchmarkIndex: number;
  warnings: string[];
  /** Selector of the LCP element, and the elements that shifted (with their scores). */
  lcpElement: string;
  shifts: string[];
}

interface Lhr {
  categories: { performance: { score: number | null } };
  audits: Record<string, { numericValue?: number; details?: unknown } | undefined>;
  environment?: { benchmarkIndex?: number };
  runWarnings?: string[];
  runtimeError?: { code?: string; message?: string };
}

async function lighthouseOnce(ctx: PartContext, url: string, extra: string[]): Promise<Metrics> {
  const dir = mkdtempSync(join(tmpdir(), 'xaso-bench-lh-'));
  try {
    const out = join(dir, 'report.json');
    const cli = join(ctx.root, 'node_modules/lighthouse/cli/index.js');
    try {
      await run(
        process.execPath,
        [
          cli,
          url,
          '--only-categories=performance',
          '--output=json',
          `--output-path=${out}`,
          '--quiet',
          `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')} --user-data-dir=${join(dir, 'profile')}`,
          '--max-wait-for-load=60000',
          ...extra,
        ],
        { env: { ...process.env, CHROME_PATH: CHROMIUM }, timeout: 180_000, maxBuffer: 16 * 1024 * 1024, signal: ctx.signal },
      );
    } catch (error) {
      // The CLI exits non-zero on a runtime error but still writes the report that names it.
      if (!existsSync(out)) {
        const stderr = (error as { stderr?: string }).stderr ?? '';
        throw new Error(
          `lighthouse failed: ${stderr.trim().split('\n').slice(-2).join(' ').slice(0, 200) || String(error).slice(0, 200)}`,
        );
      }
    }
    const lhr = JSON.parse(readFileSync(out, 'utf8')) as Lhr;
    if (lhr.runtimeError)
      throw new Error(`lighthouse runtime error ${lhr.runtimeError.code ?? ''}: ${lhr.runtimeError.message ?? ''}`);
    const n = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    type Item = { node?: { selector?: string }; score?: number; items?: Item[] };
    const items = (id: string) => (lhr.audits[id]?.details as { items?: Item[] } | undefined)?.items ?? [];
    const lcpElement = items('largest-contentful-paint-element')[0]?.items?.[0]?.node?.selector ?? '';
    const shifts = items('layout-shifts').map((i) => `${i.node?.selector ?? '?'} (${(i.score ?? 0).toFixed(3)})`);
    return {
      score: Math.round((lhr.categories.performance.score ?? 0) * 100),
      fcp: n('first-contentful-paint'),
      lcp: n('largest-contentful-paint'),
      tbt: n('total-blocking-time'),
      cls: n('cumulative-layout-shift'),
      benchmarkIndex: lhr.environment?.benchmarkIndex ?? Number.NaN,
      warnings: lhr.runWarnings ?? [],
      lcpElement,
      shifts,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Lighthouse 12 with Chromium 156 now and then fails to find the navigation in its trace
 * (runtime error NO_NAVSTART); such a run is repeated, up to 4 extra attempts in all.
 */
export async function medianRuns(ctx: PartContext, url: string, extra: string[], runs: number): Promise<Metrics> {
  const all: Metrics[] = [];
  let retries = 4;
  let lastError: unknown;
  while (all.length < runs && !ctx.signal.aborted) {
    try {
      all.push(await lighthouseOnce(ctx, url, extra));
    } catch (error) {
      lastError = error;
      ctx.log(
        `lighthouse run failed (${error instanceof Error ? error.message.slice(0, 120) : String(error)}), ${retries} retries left`,
      );
      if (retries-- === 0) break;
    }
  }
  if (all.length === 0) throw lastError instanceof Error ? lastError : new Error('no Lighthouse run completed');
  const m = (f: (x: Metrics) => number) => median(all.map(f));
  return {
    score: m((x) => x.score),
    fcp: m((x) => x.fcp),
    lcp: m((x) => x.lcp),
    tbt: m((x) => x.tbt),
    cls: m((x) => x.cls),
    benchmarkIndex: m((x) => x.benchmarkIndex),
    warnings: [...new Set(all.flatMap((x) => x.warnings))],
    lcpElement: all[0]?.lcpElement ?? '',
    shifts: [...new Set(all.flatMap((x) => x.shifts))],
  };
}
