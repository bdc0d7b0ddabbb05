/**
 * The real server as a child process on loopback, started as `npm start` starts it: the server
 * bundled by src/server/build.ts (the build step of `npm run build`) run by plain node. The bundle
 * is built from the current sources once per process, into its own folder under .tmp/ (inside the
 * repository, where it finds data/ and node_modules/), so the tests never run a stale dist-server/
 * nor race another process rebuilding it. Each server gets its own port, its own data directory
 * (or DATABASE_URL), and everything it prints is kept for the log checks. The fault tests stop it
 * gracefully, kill it with SIGKILL and start it again on the same port and data.
 * Used by the Vitest fault tests and the Playwright fault specs alike (no test-runner imports).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { buildThrowawayServer } from '../../../src/server/build';
import { SQLITE_FILE } from '../../../src/server/db/connect';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const serverBundle = () => buildThrowawayServer('faults-server-');

export const ADMIN_PASSWORD = 'fault-admin-password-7Q';

export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `xaso-faults-${prefix}-`));
}

export interface ServerOptions {
  /** SQLite folder (also holds the "no static" path); a fresh temp folder, removed on dispose, when not given. */
  dataDir?: string;
  /** PostgreSQL instead of SQLite. */
  databaseUrl?: string;
  /** A built PWA to host; the API only when absent. */
  staticDir?: string;
  port?: number;
  adminPassword?: string;
  /** Extra environment (e.g. XASO_TRUST_PROXY). */
  env?: Record<string, string>;
  startTimeoutMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs the same bundle as an operator command (`backup FILE`, `restore FILE`) with the given
 * environment (XASO_DATA_DIR or DATABASE_URL); resolves with its exit code and output.
 */
export async function runServerCommand(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const bundle = await serverBundle();
  const base: NodeJS.ProcessEnv = { ...process.env };
  delete base.DATABASE_URL;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, ...args], {
      cwd: REPO_ROOT,
      env: { ...base, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

export class ServerProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private log = '';
  private readonly ownDataDir: boolean;
  readonly dataDir: string;

  private constructor(
    readonly port: number,
    private readonly options: ServerOptions,
  ) {
    this.ownDataDir = !options.dataDir;
    this.dataDir = options.dataDir ?? tempDir('data');
  }

  static async start(options: ServerOptions = {}): Promise<ServerProcess> {
    const server = new ServerProcess(options.port ?? (await freePort()), options);
    await server.launch();
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  /** Reads the server's own SQLite file, read-only, while it runs (WAL lets readers in). */
  readSqlite<T>(read: (db: SqliteDatabase.Database) => T): T {
    const db = new SqliteDatabase(path.join(this.dataDir, SQLITE_FILE), { readonly: true });
    try {
      return read(db);
    } finally {
      db.close();
    }
  }

  /** Everything the server printed on stdout and stderr, over every start. */
  output(): string {
    return this.log;
  }

  private async launch(): Promise<void> {
    if (this.child) throw new Error('already running');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(this.port),
      HOST: '127.0.0.1',
      XASO_DATA_DIR: this.dataDir,
      XASO_ADMIN_PASSWORD: this.options.adminPassword ?? ADMIN_PASSWORD,
      // A folder that does not exist means "API only" (see src/server/main.ts).
      XASO_STATIC_DIR: this.options.staticDir ?? path.join(this.dataDir, 'no-static'),
      ...this.options.env,
    };
    delete env.DATABASE_URL;
    if (this.options.databaseUrl) env.DATABASE_URL = this.options.databaseUrl;
    const child = spawn(process.execPath, [await serverBundle()], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    child.stdout?.on('data', (d: Buffer) => (this.log += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.log += d.toString()));
    this.exited = new Promise((resolve) => {
      child.once('exit', () => {
        if (this.child === child) this.child = undefined;
        resolve();
      });
    });
    const deadline = Date.now() + (this.options.startTimeoutMs ?? 30_000);
    while (Date.now() < deadline) {
      if (!this.child) throw new Error(`server exited during start:\n${this.log}`);
      try {
        const res = await fetch(`${this.url}/api/v1/health`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(50);
    }
    await this.kill();
    throw new Error(`server did not start within the timeout:\n${this.log}`);
  }

  /** SIGKILL: no shutdown code runs, as when the machine loses power or the OOM killer strikes. */
  async kill(): Promise<void> {
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM: the graceful stop of src/server/main.ts. */
  async stop(): Promise<void> {
    this.child?.kill('SIGTERM');
    await this.exited;
  }

  /** Start again with the same port, data and options. */
  async restart(): Promise<void> {
    await this.launch();
  }

  async dispose(): Promise<void> {
    await this.kill();
    if (this.ownDataDir) fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}
