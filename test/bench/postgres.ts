/**
 * A throwaway PostgreSQL 15 cluster: initdb in a temp dir as the `postgres` user, pg_ctl on
 * 127.0.0.1 with a free port (socket in the same dir), default settings otherwise; stopped and
 * deleted by stop(). Needs root (to act as `postgres`) or to already be `postgres`.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './server-process';

const run = promisify(execFile);
const BIN = '/usr/lib/postgresql/15/bin';

export interface PostgresHandle {
  url: string;
  stop: () => Promise<void>;
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

export async function startPostgres(): Promise<PostgresHandle> {
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
    const options = `-p ${port} -h 127.0.0.1 -k ${dir} -c max_connections=200`;
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
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
  } catch (error) {
    removeDir();
    throw error;
  }
}
