/**
 * What the server knows about its storage, shared by the database driver, the error handler and
 * /api/v1/health:
 * - which problem the last failed database call showed (unreachable, corrupt, read-only, disk
 *   full, I/O error), so that health stops saying "ok" and a failing request answers 503 (the
 *   phone keeps and retries what it sent) instead of an anonymous 500;
 * - when a write is durable. On SQLite a commit returns once it is in the WAL (synchronous =
 *   NORMAL, no fsync on the event loop); `durable()` then waits for one fdatasync of the WAL on the
 *   thread pool that started after it, so every write acknowledged to a client is on disk, and
 *   the commits of all requests in flight share that one fsync (group commit). PostgreSQL syncs
 *   every commit itself (synchronous_commit = on), so there `durable()` has nothing to wait for.
 */
import fs from 'node:fs';

export type StorageProblem = 'unreachable' | 'corrupt' | 'read_only' | 'disk_full' | 'io_error';

/** A problem noted from a failed call is reported this long unless a success clears it sooner. */
export const PROBLEM_REPORTED_MS = 30_000;

const SQLITE_PROBLEMS: [RegExp, StorageProblem][] = [
  [/^SQLITE_(CORRUPT|NOTADB)/, 'corrupt'],
  [/^SQLITE_READONLY/, 'read_only'],
  [/^SQLITE_FULL/, 'disk_full'],
  [/^SQLITE_(IOERR|CANTOPEN)/, 'io_error'],
];
const NODE_UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);

/** The storage problem an error from better-sqlite3, pg or the network stands for, if any. */
export function storageProblemOf(error: unknown): StorageProblem | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = 'code' in error ? String((error as { code: unknown }).code) : '';
  const message = error instanceof Error ? error.message : '';
  for (const [pattern, problem] of SQLITE_PROBLEMS) if (pattern.test(code)) return problem;
  if (code === 'ENOSPC') return 'disk_full';
  if (code === 'EROFS') return 'read_only';
  if (code === 'EIO') return 'io_error';
  if (NODE_UNREACHABLE.has(code)) return 'unreachable';
  // PostgreSQL SQLSTATEs: class 08 connection exception, 57P01–57P03 shutdown/starting up,
  // 53100 disk full, 25006 read-only transaction (a standby), XX001/XX002 corrupted data or index.
  if (/^08/.test(code) || /^57P0[1-3]$/.test(code)) return 'unreachable';
  if (code === '53100') return 'disk_full';
  if (code === '25006') return 'read_only';
  if (code === 'XX001' || code === 'XX002') return 'corrupt';
  // pg's own errors when the socket goes away or no connection can be had carry no code.
  if (
    /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
      message,
    )
  ) {
    return 'unreachable';
  }
  return undefined;
}

export interface StorageReport {
  problem: StorageProblem;
  /** The driver's own words, for the log and the operator (no data in it). */
  detail: string;
  since: string;
}

export class Storage {
  private noted: (StorageReport & { at: number }) | undefined;
  private committed = 0;
  private synced = 0;
  private syncing: Promise<void> | undefined;
  private readonly waiters: { upTo: number; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private walHandle: Promise<fs.promises.FileHandle> | undefined;

  constructor(
    /** SQLite only: the WAL file to fdatasync before a write is acknowledged. */
    private readonly walFile?: string,
    /** Tests replace it to hold or fail the sync. */
    private readonly syncFile: (handle: fs.promises.FileHandle) => Promise<void> = (handle) => handle.datasync(),
    private readonly clock: () => number = Date.now,
  ) {}

  /** The problem to report now, if any. */
  problem(): StorageReport | undefined {
    if (!this.noted) return undefined;
    // Corruption does not heal by itself: it is reported until the server is restarted (and the
    // integrity check at start refuses the file).
    if (this.noted.problem !== 'corrupt' && this.clock() - this.noted.at > PROBLEM_REPORTED_MS) this.noted = undefined;
    return this.noted;
  }

  /** Notes the problem a failed call shows; returns it (undefined for an error that is not about storage). */
  noteFailure(error: unknown): StorageProblem | undefined {
    const problem = storageProblemOf(error);
    if (!problem) return undefined;
    const detail = error instanceof Error ? error.message : String(error);
    const since = this.noted?.problem === problem ? this.noted.since : new Date(this.clock()).toISOString();
    this.noted = { problem, detail, since, at: this.clock() };
    return problem;
  }

  /** A call that needed the storage went through: what it could have hit is over. */
  noteSuccess(kind: 'read' | 'write'): void {
    const problem = this.noted?.problem;
    if (problem === 'unreachable' || (kind === 'write' && problem !== 'corrupt')) this.noted = undefined;
  }

  /** The SQLite driver calls this after every commit (explicit or autocommit write). */
  noteCommit(): void {
    this.committed++;
    if (this.noted && this.noted.problem !== 'corrupt' && this.noted.problem !== 'unreachable') this.noted = undefined;
  }

  /** Resolves once every write committed before the call is on disk. */
  durable(): Promise<void> {
    const upTo = this.committed;
    if (!this.walFile || this.synced >= upTo) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ upTo, resolve, reject });
      this.syncing ??= this.syncLoop();
    });
  }

  private async syncLoop(): Promise<void> {
    try {
      while (this.waiters.length > 0) {
        // Everything committed before this fsync starts is covered by it.
        const upTo = this.committed;
        try {
          this.walHandle ??= fs.promises.open(this.walFile ?? '', 'r');
          await this.syncFile(await this.walHandle);
          this.synced = Math.max(this.synced, upTo);
          this.noteSuccess('write');
          this.settle(
            (w) => w.upTo <= this.synced,
            (w) => w.resolve(),
          );
        } catch (error) {
          this.walHandle = undefined;
          this.noteFailure(error);
          this.settle(
            () => true,
            (w) => w.reject(error),
          );
        }
      }
    } finally {
      this.syncing = undefined;
    }
  }

  private settle(which: (w: (typeof this.waiters)[number]) => boolean, how: (w: (typeof this.waiters)[number]) => void): void {
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const waiter = this.waiters[i];
      if (waiter && which(waiter)) {
        this.waiters.splice(i, 1);
        how(waiter);
      }
    }
  }

  async close(): Promise<void> {
    const handle = this.walHandle;
    this.walHandle = undefined;
    if (handle) await (await handle).close().catch(() => undefined);
  }
}
