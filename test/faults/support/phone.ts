/**
 * A phone for the Vitest fault tests: the real store (src/db, on fake-indexeddb) and the real
 * sync client (src/sync), talking to the real server over a real socket with Node's fetch.
 * Its clock is moved by hand (offline for days); requests go to `target()` so that a test can
 * put a fault proxy in between or point it at a restarted server.
 */
import 'fake-indexeddb/auto';
import type { XasoDb } from '../../../src/db/database';
import type { Assessment } from '../../../src/domain/types';
import { enroll } from '../../../src/sync/enrollment';
import type { FetchLike } from '../../../src/sync/http';
import { flushOutbox, type FlushReport } from '../../../src/sync/outbox';
import { pullReviews } from '../../../src/sync/reviews';
import { retrySubmission, submitAssessment, withdrawSubmission, type SubmitOptions } from '../../../src/sync/submit';
import { answersOf, freshDb, loadRef, seedAssessment } from '../../sync/helpers';

export class Phone {
  readonly db: XasoDb = freshDb();
  now = Date.now();
  /** Every request the sync client made, with its outcome. */
  readonly calls: { method: string; path: string; status: number | 'network-error' }[] = [];

  constructor(private readonly target: () => string) {}

  readonly fetch: FetchLike = async (input, init) => {
    const url = new URL(input, this.target());
    const method = init?.method ?? 'GET';
    try {
      const res = await fetch(url, init);
      this.calls.push({ method, path: url.pathname, status: res.status });
      return res;
    } catch (err) {
      this.calls.push({ method, path: url.pathname, status: 'network-error' });
      throw err;
    }
  };

  get options(): SubmitOptions {
    // Jitter fixed at its maximum so that backoff delays are predictable; short timeout on loopback.
    return {
      db: this.db,
      fetch: this.fetch,
      now: () => this.now,
      random: () => 0.999,
      loadReference: loadRef,
      kick: () => undefined,
      timeoutMs: 10_000,
    };
  }

  advance(ms: number): void {
    this.now += ms;
  }

  async enroll(code: string): Promise<void> {
    const result = await enroll(code, { db: this.db, fetch: this.fetch, now: () => this.now });
    if (!result.ok) throw new Error(`enroll failed: ${JSON.stringify(result.error)}`);
  }

  /** A complete draft of Phường Ba Đình (urban), every required component at status 3. */
  seed(): Promise<Assessment> {
    return seedAssessment(this.db);
  }

  async submit(id: string): Promise<number> {
    const result = await submitAssessment(id, this.options);
    if (!result.ok) throw new Error(`submit refused: ${JSON.stringify(result)}`);
    return result.revision;
  }

  flush(): Promise<FlushReport> {
    return flushOutbox(this.options);
  }

  pull() {
    return pullReviews(this.options);
  }

  retry(id: string) {
    return retrySubmission(id, this.options);
  }

  withdraw(id: string) {
    return withdrawSubmission(id, this.db);
  }

  sync(id: string) {
    return this.db.sync.get(id);
  }

  answers(id: string) {
    return answersOf(this.db, id);
  }

  puts(): number {
    return this.calls.filter((c) => c.method === 'PUT').length;
  }

  close(): Promise<void> {
    return this.db.delete();
  }
}
