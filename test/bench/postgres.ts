/**
 * A throwaway PostgreSQL 15 cluster: initdb in a temp dir as the `postgres` user, pg_ctl on
 * 127.0.0.1 with a free port (socket in the same dir), default settings otherwise; stopped and
 * deleted by stop(). Needs root (to act as `postgres`) or to already be `postgres`.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './server-process';

const run = promisify(execFile);
const BIN = '/usr/lib/postgresql/15/bin';

export interface PostgresHandle {
  url: string;
  /** CPU time (user + system) the cluster has used so far, ms: its postmaster, live and ended backends. */
  cpuMs: () => number;
  stop: () => Promise<void>;
}

/** Fields after the command name in /proc/<pid>/stat (field 3 onward), or undefined. */
function statFields(pid: string): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/**
 * The cluster's CPU from /proc (clock ticks of 10 ms): the postmaster's own and that of the children
 * it has reaped (cutime, cstime), plus every live child's (backends, WAL writer, checkpointer).
 */
function clusterCpuMs(dataDir: string): number {
  const postmaster = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]?.trim() ?? '';
  const own = statFields(postmaster);
  if (!own) return Number.NaN;
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const fields = statFields(pid);
    if (fields?.[1] === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * 10;
}

async function asPostgres(file: string, args: string[], timeout: number): Promise<void> {
  const me = userInfo().username;
  if (me === 'postgres') await run(file, args, { timeout });
  else await run('/usr/sbin/runuser', ['-u', 'postgres', '--', file, ...args], { timeout });
}

async function idOf(flag: '-u' | '-g'): Promise<number> {
  const { stdout } = await run('id', [flag, 'postgres']);
  return Number(stdout.trim());
}

/** `settings`: extra server settings (`-c name=value`), for experiments (profile-ingest.ts --pg=…). */
export async function startPostgres(settings: string[] = []): Promise<PostgresHandle> {
  if (!existsSync(join(BIN, 'initdb'))) throw new Error(`PostgreSQL binaries not found in ${BIN}`);
  const dir = mkdtempSync(join(tmpdir(), 'xaso-bench-pg-'));
  const data = join(dir, 'data');
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  try {
    if (userInfo().uid === 0) chownSync(dir, await idOf('-u'), await idOf('-g'));
    await asPostgres(
      join(BIN, 'initdb'),
      ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync'],
      120_000,
    );
    const port = await freePort();
    const options = [`-p ${port} -h 127.0.0.1 -k ${dir} -c max_connections=200`, ...settings.map((x) => `-c ${x}`)].join(' ');
    await asPostgres(
      join(BIN, 'pg_ctl'),
      ['-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start'],
      90_000,
    );
    const stop = async () => {
      try {
        await asPostgres(join(BIN, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop'], 40_000);
      } catch {
        // already stopped, or stuck: the directory goes anyway
      }
      removeDir();
    };
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, cpuMs: () => clusterCpuMs(data), stop };
  } catch (error) {
    removeDir();
    throw error;
  }
}
