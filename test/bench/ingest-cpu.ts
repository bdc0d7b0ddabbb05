/**
 * CPU and database round trips per submission, in-process (not part of `npm run bench`):
 *
 *   node --import tsx test/bench/ingest-cpu.ts [sqlite|postgres] [assessments per device]
 *
 * The server's app (createApp, as main.ts builds it) over a fresh SQLite file or a throwaway
 * PostgreSQL, 50 phones enrolled through the API, then the bench's submissions (ingest-load.ts's
 * fixture) sent through app.request() 50 at a time: every assessment's revisions 1–4, then a
 * replay of each one's last revision. Bodies are built before the clock starts, so the CPU counted
 * (process.cpuUsage: this process, every thread) is the server's work minus Node's HTTP parsing.
 * Statements are counted where they leave for the database: each better-sqlite3 statement run,
 * each pg query (one round trip). Unlike throughput, neither figure moves much with the load of
 * a shared machine, so they tell whether a change made the server cheaper.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createApp } from '../../src/server/app';
import { ensureAdmin } from '../../src/server/auth/admin-bootstrap';
import { openPostgres, openSqlite, type OpenedDatabase } from '../../src/server/db/connect';
import { migrateToLatest } from '../../src/server/db/migrate';
import { fullAnswers, fullSubmission, reference } from './fixture';
import { startPostgres } from './postgres';

const DEVICES = 50;
const REVISIONS = 4;
const CONCURRENCY = 50;
let statements = 0;

function countSqliteStatements(opened: OpenedDatabase): void {
  const probe = opened.sqlite?.prepare('select 1');
  if (!probe) return;
  const proto = Object.getPrototypeOf(probe) as Record<'run' | 'all' | 'get' | 'iterate', (...a: unknown[]) => unknown>;
  for (const name of ['run', 'all', 'get', 'iterate'] as const) {
    const original = proto[name];
    proto[name] = function (this: unknown, ...args: unknown[]) {
      statements++;
      return original.apply(this, args);
    };
  }
}

function countPgRoundTrips(): void {
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    statements++;
    return original.apply(this, args);
  };
}

async function pool<T>(items: T[], run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++] as T);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

async function main(): Promise<void> {
  const dialect = process.argv[2] === 'postgres' ? 'postgres' : 'sqlite';
  const perDevice = Number(process.argv[3] ?? 10);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xaso-ingest-cpu-'));
  const stops: (() => Promise<void> | void)[] = [() => fs.rmSync(dir, { recursive: true, force: true })];
  try {
    let opened: OpenedDatabase;
    if (dialect === 'postgres') {
      const cluster = await startPostgres();
      stops.unshift(cluster.stop);
      opened = openPostgres(cluster.url);
      countPgRoundTrips();
    } else {
      opened = openSqlite(path.join(dir, 'xaso.sqlite'));
      countSqliteStatements(opened);
    }
    stops.unshift(() => opened.db.destroy());
    await migrateToLatest(opened.db);
    await ensureAdmin(opened.db, { password: 'ingest-cpu-password', now: new Date() });
    const ref = reference();
    const { app } = createApp({ db: opened.db, dialect: opened.dialect, storage: opened.storage, reference: ref });
    const call = async (method: string, url: string, body: string, token?: string): Promise<Response> => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      return app.request(url, { method, headers, body }, { incoming: { socket: { remoteAddress: '127.0.0.1' } } });
    };
    const json = async (res: Response) => (await res.json()) as Record<string, string>;
    const admin = (await json(await call('POST', '/api/v1/sessions', '{"username":"admin","password":"ingest-cpu-password"}')))
      .token;
    const communes = ref.adminUnits.provinces.flatMap((p) =>
      p.communes.map((c) => ({ communeCode: c.code, provinceCode: p.code })),
    );
    const lanes: { token: string; id: string; bodies: string[] }[] = [];
    for (let d = 0; d < DEVICES; d++) {
      const commune = communes[d * Math.floor(communes.length / DEVICES)] as { communeCode: string; provinceCode: string };
      const code = (await json(await call('POST', `/api/v1/communes/${commune.communeCode}/enrollment-codes`, '{}', admin))).code;
      const token = (await json(await call('POST', '/api/v1/enrollments', JSON.stringify({ code })))).token ?? '';
      for (let a = 0; a < perDevice; a++) {
        const answers = fullAnswers(ref, { seed: 100 + ((d * perDevice + a) % 16) });
        const bodies = Array.from({ length: REVISIONS }, (_, r) => {
          answers.forEach((x, i) => {
            if (i % 23 === r && typeof x.status === 'number') x.status = ((x.status + 1) % 4) as 0 | 1 | 2 | 3;
          });
          return JSON.stringify(fullSubmission(ref, r + 1, answers, commune));
        });
        lanes.push({ token, id: `bench-${d}-${a}-${dialect}`, bodies });
      }
    }
    const phase = async (label: string, sends: { token: string; id: string; body: string }[], expectReplay: boolean) => {
      const s0 = statements;
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await pool(sends, async (s) => {
        const res = await call('PUT', `/api/v1/assessments/${s.id}`, s.body, s.token);
        await res.arrayBuffer();
        const replayed = res.headers.get('idempotent-replayed') === 'true';
        if (res.status !== 200 || replayed !== expectReplay)
          throw new Error(`${label}: HTTP ${res.status}, replayed ${replayed}`);
      });
      const cpu = process.cpuUsage(c0);
      const n = sends.length;
      console.log(
        `${dialect} ${label}: ${n} submissions, ${((cpu.user + cpu.system) / 1000 / n).toFixed(3)} ms CPU each, ` +
          `${((statements - s0) / n).toFixed(2)} statements each, ${((1000 * n) / (performance.now() - t0)).toFixed(0)}/s in-process`,
      );
    };
    for (let r = 0; r < REVISIONS; r++) {
      await phase(
        `new revision ${r + 1}`,
        lanes.map((l) => ({ token: l.token, id: l.id, body: l.bodies[r] ?? '' })),
        false,
      );
    }
    await phase(
      'replay',
      lanes.map((l) => ({ token: l.token, id: l.id, body: l.bodies[REVISIONS - 1] ?? '' })),
      true,
    );
    console.log(`load average ${os.loadavg()[0]?.toFixed(1)}`);
  } finally {
    for (const stop of stops) await stop();
  }
}

void main();
