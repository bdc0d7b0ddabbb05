/**
 * Province dashboard at national scale: seed 3,321 communes × 3 periods × 2 revisions (see
 * dashboard-seed.ts), start the real server on that database, sign in as admin, then request
 * GET /api/v1/provinces/{code}/summary for every province in turn, one request at a time:
 * 3 untimed warm-up requests, then 5 timed rounds (2 with --quick), cut short after 90 s (40 s)
 * of requests. Then the admin's GET /api/v1/provinces (all provinces side by side), 3 warm-up and
 * 40 timed requests (15 with --quick) within 30 s. Reports p50/p95/max of the full request (client
 * side, body read). SQLite and PostgreSQL, each on its own freshly seeded database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SQLITE_FILE } from '../../src/server/db/connect';
import { getJson, signIn } from './api';
import { seedNational } from './dashboard-seed';
import { reference } from './fixture';
import { kb, ms, reportNotMeasured, type Part, type PartContext, type Row } from './report';
import { startPostgres } from './postgres';
import { startServer } from './server-process';
import { median, percentile } from './stats';

const ADMIN_PASSWORD = 'bench-admin-password-1';
const WARM_UP = 3;
const BUDGET = 'p95 ≤ 100 ms';
const figureOf = (dialect: string) => `province dashboard summary at national scale, ${dialect}`;
const overviewFigureOf = (dialect: string) => `national overview (all provinces) at national scale, ${dialect}`;
const OVERVIEW_REQUESTS = { full: 40, quick: 15 };

/** GET /api/v1/provinces (the admin's all-provinces view) one request at a time, after warm-up. */
async function overviewRow(ctx: PartContext, url: string, token: string, label: string, assessments: number): Promise<Row> {
  const wanted = ctx.quick ? OVERVIEW_REQUESTS.quick : OVERVIEW_REQUESTS.full;
  const deadline = Date.now() + 30_000;
  const times: number[] = [];
  let bytes = 0;
  for (let i = -WARM_UP; i < wanted && Date.now() < deadline; i++) {
    if (ctx.signal.aborted) throw new Error('timed out');
    const t0 = performance.now();
    const res = await getJson(url, '/api/v1/provinces', token);
    const elapsed = performance.now() - t0;
    if (res.status !== 200) throw new Error(`national overview: HTTP ${res.status}`);
    if (i >= 0) {
      times.push(elapsed);
      bytes = Math.max(bytes, res.bytes);
    }
  }
  if (times.length === 0) throw new Error('no overview request finished within the time budget');
  const p95 = percentile(times, 95);
  return {
    figure: overviewFigureOf(label),
    value: `p95 ${ms(p95)} (p50 ${ms(median(times))}, max ${ms(Math.max(...times))}; ${times.length} requests)`,
    budget: BUDGET,
    pass: p95 <= 100,
    note: `the same ${assessments.toLocaleString('en')} assessments; ${times.length} of ${wanted} planned requests after ${WARM_UP} warm-up, one at a time; response ${kb(bytes)}. Two grouped queries on commune_scores (sums per province and methodology, communes per province and level).`,
    fix: `p95 is ${(p95 / 100).toFixed(1)}× the budget: the two queries scan every commune's row (about 3,300); if the machine was not busy, cache the overview per instance against a change counter bumped by every stored revision.`,
  };
}

async function measure(ctx: PartContext, dialect: 'sqlite' | 'postgres'): Promise<Row[]> {
  const dataDir = mkdtempSync(join(tmpdir(), `xaso-bench-dash-${dialect}-`));
  ctx.defer(() => rmSync(dataDir, { recursive: true, force: true }));
  let databaseUrl: string | undefined;
  if (dialect === 'postgres') {
    const pg = await startPostgres();
    ctx.defer(pg.stop);
    databaseUrl = pg.url;
  }
  const seedStart = Date.now();
  const rowsWritten = await seedNational(databaseUrl ? { databaseUrl } : { sqliteFile: join(dataDir, SQLITE_FILE) }, ctx.signal);
  const seedSeconds = (Date.now() - seedStart) / 1000;
  ctx.log(`${dialect}: seeded ${rowsWritten} revisions in ${seedSeconds.toFixed(0)} s`);

  const server = await startServer({ root: ctx.root, dataDir, databaseUrl, adminPassword: ADMIN_PASSWORD });
  ctx.defer(server.stop);
  const token = await signIn(server.url, 'admin', ADMIN_PASSWORD);
  const provinces = reference().adminUnits.provinces.map((p) => p.code);
  const rounds = ctx.quick ? 2 : 5;
  const wanted = rounds * provinces.length;
  // Bounded: timing stops at the deadline even if not every round is done.
  const deadline = Date.now() + (ctx.quick ? 40 : 90) * 1000;
  const times: number[] = [];
  let bytes = 0;
  for (let i = -WARM_UP; i < wanted && Date.now() < deadline; i++) {
    if (ctx.signal.aborted) throw new Error('timed out');
    const code = provinces[(i + provinces.length) % provinces.length] as string;
    const t0 = performance.now();
    const res = await getJson(server.url, `/api/v1/provinces/${code}/summary`, token);
    const elapsed = performance.now() - t0;
    if (res.status !== 200) throw new Error(`summary of province ${code}: HTTP ${res.status}`);
    if (i >= 0) {
      times.push(elapsed);
      bytes = Math.max(bytes, res.bytes);
    }
  }
  if (times.length === 0) throw new Error('no summary request finished within the time budget');
  const label = dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  const overview = await overviewRow(ctx, server.url, token, label, rowsWritten / 2);
  const peak = server.peakRss();
  await server.stop();
  const p95 = percentile(times, 95);
  const summary: Row = {
    figure: figureOf(label),
    value: `p95 ${ms(p95)} (p50 ${ms(median(times))}, max ${ms(Math.max(...times))}; ${times.length} requests)`,
    budget: BUDGET,
    pass: p95 <= 100,
    note:
      `${rowsWritten.toLocaleString('en')} revisions (${(rowsWritten / 2).toLocaleString('en')} assessments) seeded in ${seedSeconds.toFixed(0)} s; ` +
      `the 34 provinces asked in turn, one request at a time, after ${WARM_UP} warm-up requests: ${times.length} of ${wanted} planned requests done within the time budget; ` +
      `largest response ${kb(bytes)} (uncompressed); server peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB.`,
    fix:
      `p95 is ${(p95 / 100).toFixed(1)}× the budget with ${(rowsWritten / 2).toLocaleString('en')} assessments in the country. A summary is three queries on commune_scores (one row per commune, kept with each stored revision): ` +
      "the province's sums, its communes' levels and coverage marks, and the national sums, which aggregate every commune's row (about 3,300) on each request. " +
      'If the machine was not busy (see the load average), next steps are fewer aggregated columns (layer/group scores as integer tenths in fewer columns) or national sums cached per instance against a change counter that every stored revision bumps.',
  };
  return [summary, overview];
}

export const dashboardPart: Part = {
  name: 'dashboard',
  limitMs: { full: 480_000, quick: 300_000 },
  figures: ['SQLite', 'PostgreSQL'].flatMap((label) => [
    { figure: figureOf(label), budget: BUDGET },
    { figure: overviewFigureOf(label), budget: BUDGET },
  ]),
  run: async (ctx) => {
    for (const dialect of ['sqlite', 'postgres'] as const) {
      try {
        for (const row of await measure(ctx, dialect)) ctx.report(row);
      } catch (error) {
        const label = dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
        reportNotMeasured(
          ctx,
          dialect,
          [
            { figure: figureOf(label), budget: BUDGET },
            { figure: overviewFigureOf(label), budget: BUDGET },
          ],
          error,
        );
      }
    }
  },
};
