/**
 * `npm run bench` (after `npm run build`): runs every benchmark part against the production
 * build, one after another, each under a hard time limit, prints one markdown table and writes
 * it with the machine's description to BENCHMARKS.md. A part that cannot run (or runs out of
 * time) prints its rows as "not measured: <reason>" and the run goes on.
 *
 *   --quick        shorter runs (fewer repetitions, 5 s load tests); prints, does not write
 *   --only=a,b     run only these parts (names below); prints, does not write
 *   --write        write BENCHMARKS.md even with --quick or --only
 *   --strict       exit with status 1 when a budget is missed
 * Everything listens on 127.0.0.1 only.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserPart } from './browser';
import { bundlePart } from './bundle';
import { criteriaDownloadPart } from './criteria-download';
import { dashboardPart } from './dashboard';
import { evidencePart } from './evidence-downscale';
import { evidenceUploadPart } from './evidence-upload';
import { ingestPart } from './server-ingest';
import { lighthousePart } from './lighthouse';
import { describeMachine, machineMarkdown } from './machine';
import { markdownFixes, markdownNotes, markdownTable, notMeasured, type Part, type PartContext, type Row } from './report';
import { scoringPart } from './scoring';
import { teamLogPart } from './team-log';
import { teamWirePart } from './team-wire';
import { wirePart } from './wire';

const PARTS: Part[] = [
  bundlePart,
  scoringPart,
  wirePart,
  teamWirePart,
  criteriaDownloadPart,
  lighthousePart,
  browserPart,
  teamLogPart,
  evidencePart,
  evidenceUploadPart,
  ingestPart,
  dashboardPart,
];

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const write = args.includes('--write') || (!quick && !only);
const strict = args.includes('--strict');

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const pending = new Set<() => Promise<void> | void>();

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

async function runCleanups(list: (() => Promise<void> | void)[]): Promise<void> {
  for (const cleanup of list.reverse()) {
    pending.delete(cleanup);
    try {
      await Promise.race([cleanup(), new Promise((r) => setTimeout(r, 30_000))]);
    } catch (error) {
      log(`cleanup failed: ${String(error)}`);
    }
  }
}

async function runPart(part: Part): Promise<Row[]> {
  const limit = quick ? part.limitMs.quick : part.limitMs.full;
  const controller = new AbortController();
  const cleanups: (() => Promise<void> | void)[] = [];
  const reported: Row[] = [];
  const ctx: PartContext = {
    quick,
    dist: join(root, 'dist'),
    root,
    signal: controller.signal,
    defer: (c) => {
      cleanups.push(c);
      pending.add(c);
    },
    log: (m) => log(`${part.name}: ${m}`),
    report: (row) => {
      reported.push(row);
      log(`${part.name}: ${row.figure}: ${row.value}`);
    },
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`timed out after ${Math.round(limit / 1000)} s`));
    }, limit);
  });
  const started = Date.now();
  log(`${part.name}: start (limit ${Math.round(limit / 1000)} s)`);
  let rows: Row[];
  try {
    const returned = await Promise.race([part.run(ctx), timeout]);
    rows = dedupe([...reported, ...(returned ?? [])]);
  } catch (error) {
    log(`${part.name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    const reason = error instanceof Error ? error.message : String(error);
    rows = [
      ...reported,
      ...notMeasured(
        part.figures.filter((f) => !reported.some((r) => r.figure === f.figure)),
        reason,
      ),
    ];
  } finally {
    clearTimeout(timer);
    controller.abort();
    await runCleanups(cleanups);
    log(`${part.name}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  // Table order follows the part's list of figures.
  const order = (r: Row) => {
    const i = part.figures.findIndex((f) => f.figure === r.figure);
    return i === -1 ? part.figures.length : i;
  };
  return rows.sort((a, b) => order(a) - order(b));
}

/** A row reported and also returned counts once. */
function dedupe(rows: Row[]): Row[] {
  const seen = new Set<Row>();
  return rows.filter((r) => (seen.has(r) ? false : (seen.add(r), true)));
}

async function main(): Promise<void> {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: cleaning up`);
      void runCleanups([...pending]).finally(() => process.exit(130));
    });
  }
  const machine = describeMachine();
  const selected = PARTS.filter((p) => !only || only.includes(p.name));
  const started = Date.now();
  const rows: Row[] = [];
  for (const part of selected) rows.push(...(await runPart(part)));
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  machine.loadEnd = os.loadavg()[0] ?? 0;

  const table = markdownTable(rows);
  const failed = rows.filter((r) => r.pass === false);
  const unmeasured = rows.filter((r) => r.value.startsWith('not measured'));
  const summary =
    failed.length === 0 && unmeasured.length === 0
      ? 'Every budget is met.'
      : [
          failed.length > 0 ? `Missed: ${failed.map((r) => r.figure).join('; ')}.` : '',
          unmeasured.length > 0 ? `Not measured: ${unmeasured.map((r) => r.figure).join('; ')}.` : '',
        ]
          .filter(Boolean)
          .join(' ');

  const fixes = markdownFixes(rows);
  process.stdout.write(
    `\n${table}\n\n${summary}\n\n${fixes ? `What the misses would take:\n${fixes}\n\n` : ''}${markdownNotes(rows)}\n\n${machineMarkdown(machine)}\n`,
  );
  if (write) {
    const doc = [
      '# Benchmarks',
      '',
      `Generated by \`npm run bench\`${quick ? ' --quick' : ''} (${minutes} min) against the production build; do not edit by hand.`,
      'How each figure is measured: [test/bench/README.md](test/bench/README.md). KB = 1,000 bytes.',
      '',
      '## Machine',
      '',
      machineMarkdown(machine),
      '',
      '## Results',
      '',
      table,
      '',
      summary,
      '',
      ...(fixes ? ['## What the misses would take', '', fixes, ''] : []),
      '## Notes',
      '',
      markdownNotes(rows),
      '',
    ].join('\n');
    writeFileSync(join(root, 'BENCHMARKS.md'), doc);
    log('wrote BENCHMARKS.md');
  } else {
    log('BENCHMARKS.md not written (quick or partial run; pass --write to write it)');
  }
  process.exit(strict && failed.length > 0 ? 1 : 0);
}

void main();
