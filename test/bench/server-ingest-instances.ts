/**
 * Server ingest with two server processes on one PostgreSQL (issue #16 item 4: "if one process
 * cannot reach it on this 2-core machine, the figure with two instances on PostgreSQL"). The same
 * bench mix as server-ingest.ts, its 50 connections split 25/25 between the instances (each with
 * its own half of the phones, as a proxy would spread them), both loads side by side in this
 * process. Submissions/s is the sum; the p99 shown is the larger of the two (an upper bound of the
 * p99 over all requests: 99% of each half is at or under its own p99).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { enrollDevice, signIn, type Device } from './api';
import { runLoad } from './ingest-load';
import { startPostgres } from './postgres';
import { ms, type PartContext, type Row } from './report';
import { startServer } from './server-process';

export const TWO_INSTANCES = 'server ingest, PostgreSQL, two server processes (50 connections split 25/25, same mix)';
const BUDGET = '≥ 700 submissions/s (PostgreSQL); p99 ≤ 100 ms';

export async function twoInstancesRow(
  ctx: PartContext,
  communes: { communeCode: string; provinceCode: string }[],
  adminPassword: string,
): Promise<Row> {
  const dataDir = mkdtempSync(join(tmpdir(), 'xaso-bench-ingest-two-'));
  ctx.defer(() => rmSync(dataDir, { recursive: true, force: true }));
  const pg = await startPostgres();
  ctx.defer(pg.stop);
  const first = await startServer({ root: ctx.root, dataDir, databaseUrl: pg.url, adminPassword });
  ctx.defer(first.stop);
  const second = await startServer({ root: ctx.root, dataDir, databaseUrl: pg.url, adminPassword });
  ctx.defer(second.stop);
  const admin = await signIn(first.url, 'admin', adminPassword);
  const devices: Device[] = [];
  for (const c of communes) devices.push(await enrollDevice(first.url, admin, c.communeCode, c.provinceCode));
  const halves = [devices.filter((_, i) => i % 2 === 0), devices.filter((_, i) => i % 2 === 1)];
  const seconds = ctx.quick ? 5 : 20;
  ctx.log(`postgres ×2: servers ${first.pid} and ${second.pid}; 3 s warm-up, then ${seconds} s load`);
  let loadAvg = 0;
  const cpu0 = [0, 0];
  const onMeasureStart = () => {
    loadAvg = os.loadavg()[0] ?? 0;
    cpu0[0] = first.cpuMs();
    cpu0[1] = second.cpuMs();
  };
  const [a, b] = await Promise.all(
    [first, second].map((server, k) =>
      runLoad({
        url: server.url,
        devices: halves[k] ?? [],
        connections: 25,
        warmupSeconds: 3,
        seconds,
        signal: ctx.signal,
        ...(k === 0 ? { onMeasureStart } : {}),
      }),
    ),
  );
  if (!a || !b) throw new Error('a load did not finish');
  const serverCpu = first.cpuMs() - (cpu0[0] ?? 0) + second.cpuMs() - (cpu0[1] ?? 0);
  const ok = a.ok + b.ok;
  const rate = ok / Math.max(a.seconds, b.seconds);
  const p99 = Math.max(a.p99, b.p99);
  const failures = a.non2xx + b.non2xx + a.errors + b.errors;
  return {
    figure: TWO_INSTANCES,
    value: `${Math.round(rate).toLocaleString('en')} submissions/s; p99 ≤ ${ms(p99)} (p50 ${ms(a.p50)} / ${ms(b.p50)})`,
    budget: BUDGET,
    pass: rate >= 700 && p99 <= 100 && failures === 0,
    note:
      `${ok.toLocaleString('en')} answered 2xx (${(a.replayed + b.replayed).toLocaleString('en')} replays), ${failures} non-2xx or errors; ` +
      `server CPU ${ms(serverCpu / Math.max(1, ok))} per answered submission over both processes; PostgreSQL and the load generator on the same ${os.cpus().length}-core machine ` +
      `(1-min load average ${loadAvg.toFixed(1)} at the start).`,
    fix: 'Two processes share the two cores with PostgreSQL and the load generator: the sum is bounded by the cores, not by the server, which keeps no state of its own (test/faults/instances.test.ts).',
  };
}
