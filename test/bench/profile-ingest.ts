/**
 * Where the server's CPU goes under the ingest load (not part of `npm run bench`):
 *
 *   node --import tsx test/bench/profile-ingest.ts [sqlite|postgres] [seconds] [--no-prof] [--pg=name=value…]
 *
 * Starts the bundled server as the bench does (server-process.ts), on SQLite or a throwaway
 * PostgreSQL, with `node --cpu-prof`; enrolls 50 phones and runs the bench's mix (ingest-load.ts)
 * for a 3 s warm-up and `seconds` (default 10). Prints the server's CPU per answered submission
 * (from /proc, which the machine's load does not distort, unlike throughput) and, from the
 * .cpuprofile written at its exit, the functions with the most self time and the source files
 * with the most self time. --no-prof measures the CPU without the profiler's own cost. On PostgreSQL
 * the cluster's CPU per submission is printed too, and --pg=name=value (repeatable) starts the
 * cluster with that setting (to measure one, e.g. --pg=commit_delay=100).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { enrollDevice, signIn, type Device } from './api';
import { reference } from './fixture';
import { runLoad } from './ingest-load';
import { startPostgres } from './postgres';
import { startServer } from './server-process';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function topSelfTime(profile: Profile, key: (n: ProfileNode) => string, n: number): [string, number][] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const k = key(node);
    totals.set(k, (totals.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
}

const shortUrl = (url: string) => url.replace(/^.*\/node_modules\//, '~/').replace(/^.*\/(\.tmp|src)\//, '$1/');

async function main(): Promise<void> {
  const dialect = process.argv[2] === 'postgres' ? 'postgres' : 'sqlite';
  const seconds = Number(process.argv[3] ?? 10);
  const pgSettings = process.argv.filter((a) => a.startsWith('--pg=')).map((a) => a.slice('--pg='.length));
  const profiling = !process.argv.includes('--no-prof');
  const root = process.cwd();
  const dir = mkdtempSync(join(tmpdir(), 'xaso-profile-'));
  // --keep leaves the data directory (to inspect the database afterwards).
  const keep = process.argv.includes('--keep');
  const cleanups: (() => Promise<void> | void)[] = [
    keep ? () => console.log(`kept ${dir}`) : () => rmSync(dir, { recursive: true, force: true }),
  ];
  try {
    let databaseUrl: string | undefined;
    let pgCpuMs = () => Number.NaN;
    if (dialect === 'postgres') {
      const pg = await startPostgres(pgSettings);
      cleanups.unshift(pg.stop);
      databaseUrl = pg.url;
      pgCpuMs = pg.cpuMs;
    }
    const nodeArgs = profiling ? ['--cpu-prof', `--cpu-prof-dir=${join(dir, 'prof')}`] : [];
    const server = await startServer({
      root,
      dataDir: join(dir, 'data'),
      databaseUrl,
      adminPassword: 'profile-password-1',
      nodeArgs,
    });
    cleanups.unshift(server.stop);
    const admin = await signIn(server.url, 'admin', 'profile-password-1');
    const communes = reference().adminUnits.provinces.flatMap((p) => p.communes.map((c) => ({ c: c.code, p: p.code })));
    const devices: Device[] = [];
    for (let i = 0; i < 50; i++) {
      const at = communes[i * Math.floor(communes.length / 50)] as { c: string; p: string };
      devices.push(await enrollDevice(server.url, admin, at.c, at.p));
    }
    let cpu0 = 0;
    let pgCpu0 = 0;
    let client0 = process.cpuUsage();
    let load0 = 0;
    const load = await runLoad({
      url: server.url,
      devices,
      connections: 50,
      warmupSeconds: 3,
      seconds,
      signal: new AbortController().signal,
      onMeasureStart: () => {
        cpu0 = server.cpuMs();
        pgCpu0 = pgCpuMs();
        client0 = process.cpuUsage();
        load0 = os.loadavg()[0] ?? 0;
      },
    });
    const cpu = server.cpuMs() - cpu0;
    const pgCpu = pgCpuMs() - pgCpu0;
    const client = process.cpuUsage(client0);
    await server.stop();
    const per = (total: number) => (total / Math.max(1, load.ok)).toFixed(3);
    console.log(
      `${dialect}: ${Math.round(load.ok / load.seconds)}/s, p99 ${load.p99.toFixed(1)} ms, ${load.ok} ok (${load.replayed} replays), ` +
        `${load.non2xx} non-2xx; CPU per submission: server ${per(cpu)} ms` +
        (dialect === 'postgres' ? `, PostgreSQL ${per(pgCpu)} ms` : '') +
        `, load generator ${per((client.user + client.system) / 1000)} ms; load average ${load0.toFixed(1)}` +
        (profiling ? ' (under the profiler)' : ''),
    );
    if (!profiling) return;
    const file = readdirSync(join(dir, 'prof')).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error('no .cpuprofile written (did the server exit cleanly?)');
    const profile = JSON.parse(readFileSync(join(dir, 'prof', file), 'utf8')) as Profile;
    const total = profile.timeDeltas.reduce((a, b) => a + b, 0) / 1000;
    const print = (title: string, rows: [string, number][]) => {
      console.log(`\n${title} (ms of ${total.toFixed(0)} profiled)`);
      for (const [name, t] of rows)
        console.log(`${t.toFixed(0).padStart(7)}  ${((100 * t) / total).toFixed(1).padStart(5)}%  ${name}`);
    };
    print(
      'self time by function',
      topSelfTime(
        profile,
        (n) => `${n.callFrame.functionName || '(anonymous)'} ${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`,
        40,
      ),
    );
    print(
      'self time by file',
      topSelfTime(profile, (n) => shortUrl(n.callFrame.url) || n.callFrame.functionName, 25),
    );
  } finally {
    for (const cleanup of cleanups) await cleanup();
  }
}

void main();
