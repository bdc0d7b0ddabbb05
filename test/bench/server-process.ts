/**
 * The real server as a child process on 127.0.0.1, started as `npm start` starts it: the server
 * bundled by src/server/build.ts (the build step of `npm run build`), run by plain node, with its
 * own data directory or DATABASE_URL. The bundle is built once per bench process into its own
 * folder under .tmp/ (inside the repository, where it finds data/ and node_modules/), so the bench
 * always measures the current sources and never races another process writing dist-server/.
 * Its memory is read from /proc/<pid>/status: VmHWM is the peak resident set since start.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { buildThrowawayServer } from '../../src/server/build';
import { sleep } from './stats';

const serverBundle = () => buildThrowawayServer('bench-server-');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface ServerHandle {
  url: string;
  pid: number;
  /** Resident set size right after the server first answered /api/v1/health, bytes. */
  idleRss: number;
  /** Peak resident set size since start (VmHWM), bytes. */
  peakRss: () => number;
  /** CPU time (user + system, all threads) the server process has used so far, ms. */
  cpuMs: () => number;
  /** Everything the server printed (for error messages). */
  output: () => string;
  stop: () => Promise<void>;
}

export interface StartOptions {
  root: string;
  dataDir: string;
  databaseUrl?: string;
  staticDir?: string;
  adminPassword: string;
  timeoutMs?: number;
  /** Extra node flags before the bundle (profile-ingest.ts passes --cpu-prof). */
  nodeArgs?: string[];
}

function statusKb(pid: number, field: string): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** utime + stime from /proc/<pid>/stat (fields 14 and 15, in clock ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

export async function startServer(opts: StartOptions): Promise<ServerHandle> {
  if (!existsSync(join(opts.root, 'src/server/main.ts'))) throw new Error('src/server/main.ts does not exist yet');
  const main = await serverBundle();
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    XASO_DATA_DIR: opts.dataDir,
    XASO_ADMIN_PASSWORD: opts.adminPassword,
    XASO_STATIC_DIR: opts.staticDir ?? join(opts.dataDir, 'no-static'),
  };
  delete env.DATABASE_URL;
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), main], {
    cwd: opts.root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const pid = child.pid;
  if (pid === undefined) throw new Error('server did not start');
  let lastPeak = 0;
  const peakRss = () => {
    lastPeak = Math.max(lastPeak, statusKb(pid, 'VmHWM'));
    return lastPeak;
  };
  const stop = async () => {
    peakRss();
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await Promise.race([exited(child), sleep(12_000)]);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited(child);
    }
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${output.trim().slice(-600)}`);
    try {
      const res = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `server did not answer /api/v1/health within ${Math.round((opts.timeoutMs ?? 60_000) / 1000)} s: ${output.trim().slice(-600)}`,
      );
    }
    await sleep(200);
  }
  return { url, pid, idleRss: statusKb(pid, 'VmRSS'), peakRss, cpuMs: () => cpuMsOf(pid), output: () => output, stop };
}
