/**
 * A real PostgreSQL for the server tests. With DATABASE_URL set, that server is used; otherwise a
 * throwaway cluster is started: initdb into a temp dir, pg_ctl start on a free loopback port
 * (run as the `postgres` user when we are root, since PostgreSQL refuses to run as root), and
 * stopped and deleted afterwards. Each test gets its own fresh schema (CREATE SCHEMA takes
 * milliseconds, CREATE DATABASE most of a second), selected through the connection's search_path.
 * Missing binaries are a failure, never a silent skip: CI installs PostgreSQL (.ci/ensure-system-deps.sh).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

interface Cluster {
  /** The database that holds the per-test schemas. */
  url: string;
  stop(): void;
  /** Runs pg_ctl on this cluster's data directory (e.g. ['stop', '-m', 'fast'], ['start']). */
  pgCtl(args: string[]): void;
  /** Runs a PostgreSQL client tool (pg_dump, pg_restore, psql) of the cluster's version. */
  tool(name: string, args: string[]): string;
}

function findBinDir(): string {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const debianRoot = '/usr/lib/postgresql';
  if (fs.existsSync(debianRoot)) {
    const versions = fs.readdirSync(debianRoot).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(debianRoot, v, 'bin')));
  }
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (pgConfig.status === 0) candidates.push(pgConfig.stdout.trim());
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) candidates.push(dir);
  const found = candidates.find(
    (dir) => dir && ['initdb', 'pg_ctl', 'psql'].every((tool) => fs.existsSync(path.join(dir, tool))),
  );
  if (!found) {
    throw new Error(
      'PostgreSQL is required by the server tests but initdb/pg_ctl/psql were not found. Install it ' +
        '(Debian: apt-get install postgresql, or run .ci/ensure-system-deps.sh), set PG_BIN to its bin directory, ' +
        'or set DATABASE_URL to a server where the tests may create databases.',
    );
  }
  return found;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function startCluster(port: number): Cluster {
  const bin = findBinDir();
  const isRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xaso-pg-'));
  const dataDir = path.join(dir, 'data');
  // PostgreSQL will not run as root: hand the directory to the postgres user and run as it.
  const run = (tool: string, args: string[]) => {
    const [cmd, fullArgs] = isRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]]
      : [path.join(bin, tool), args];
    execFileSync(cmd as string, fullArgs as string[], { stdio: 'pipe' });
  };
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    fs.chownSync(dir, uid, gid);
  }
  run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
  // Durability is irrelevant for a throwaway test cluster; speed is not.
  const options = `-k ${dir} -h 127.0.0.1 -p ${port} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  const pgCtl = (args: string[]) => {
    const start = args[0] === 'start' || args[0] === 'restart';
    run('pg_ctl', ['-D', dataDir, ...(start ? ['-o', options, '-l', path.join(dir, 'server.log')] : []), '-w', ...args]);
  };
  pgCtl(['start']);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  // A test run that dies must not leave a postgres behind.
  process.once('exit', stop);
  run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-qc', 'CREATE DATABASE xaso_tests']);
  const tool = (name: string, args: string[]) =>
    execFileSync(path.join(bin, name), args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { url: `postgres://postgres@127.0.0.1:${port}/xaso_tests`, stop, pgCtl, tool };
}

function externalCluster(url: string): Cluster {
  const unavailable = () => {
    throw new Error('this test needs its own PostgreSQL cluster (unset DATABASE_URL)');
  };
  return { url, stop: () => undefined, pgCtl: unavailable, tool: unavailable };
}

/**
 * A cluster of the test's own, which it may stop, restart or kill (the shared one may not be):
 * always a throwaway cluster, even with DATABASE_URL set. Call stop() when done.
 */
export async function startPrivateCluster(): Promise<Cluster> {
  return startCluster(await freePort());
}

/** Runs a PostgreSQL client tool (pg_dump, pg_restore) of the shared cluster's version. */
export async function postgresTool(name: string, args: string[]): Promise<string> {
  if (!cluster) throw new Error('acquirePostgres() first');
  const c = await cluster;
  if (process.env.DATABASE_URL) return execFileSync(name, args, { encoding: 'utf8' });
  return c.tool(name, args);
}

let cluster: Promise<Cluster> | undefined;
let users = 0;

/** Starts (or reuses) the cluster; pair every call with releasePostgres(). */
export async function acquirePostgres(): Promise<void> {
  users++;
  cluster ??= process.env.DATABASE_URL
    ? Promise.resolve(externalCluster(process.env.DATABASE_URL))
    : freePort().then(startCluster);
  await cluster;
}

export async function releasePostgres(): Promise<void> {
  users--;
  if (users > 0 || !cluster) return;
  const c = await cluster;
  cluster = undefined;
  c.stop();
}

async function query(sql: string): Promise<void> {
  if (!cluster) throw new Error('acquirePostgres() first');
  const client = new pg.Client({ connectionString: (await cluster).url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

let counter = 0;

/** A new empty schema; the URL connects with it as the search path, so unqualified names land in it. */
export async function createTestSchema(): Promise<{ url: string; schema: string }> {
  if (!cluster) throw new Error('acquirePostgres() first');
  const schema = `xaso_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  await query(`CREATE SCHEMA ${schema}`);
  const url = new URL((await cluster).url);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { url: url.toString(), schema };
}

export async function dropTestSchema(schema: string): Promise<void> {
  if (!/^xaso_test_[a-z0-9_]+$/.test(schema)) throw new Error(`refusing to drop ${schema}`);
  await query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}
