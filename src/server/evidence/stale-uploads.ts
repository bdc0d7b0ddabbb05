/**
 * Unfinished tus uploads are dropped once older than their lifetime (UPLOAD_LIFETIME_MS, 7 days):
 * a phone resumes within it or starts a new upload (the old URL answers 404, tus-transfer.ts
 * "expired"). A new upload of a commune already sweeps that commune's (tus.ts); this sweeps every
 * commune's at start and then daily, so a commune whose phones never upload again leaves no chunks.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { deleteAllStaleUploads, UPLOAD_LIFETIME_MS } from '../repositories/evidence';

export const STALE_UPLOAD_SWEEP_MS = 24 * 60 * 60 * 1000;

/** One sweep: deletes every unfinished upload created more than the lifetime before `now`. */
export function sweepStaleUploads(db: Kysely<Database>, now: Date): Promise<number> {
  return deleteAllStaleUploads(db, new Date(now.getTime() - UPLOAD_LIFETIME_MS).toISOString());
}

/**
 * Sweeps now, then every `everyMs`, on a timer that never keeps the process alive. A failing sweep
 * is logged and tried again at the next tick. Returns a stop function (shutdown, tests).
 */
export function scheduleStaleUploadSweep(db: Kysely<Database>, options: { now?: () => Date; everyMs?: number } = {}): () => void {
  const now = options.now ?? (() => new Date());
  const sweep = () =>
    sweepStaleUploads(db, now()).then(
      (n) => n > 0 && console.log(`[xaso] Deleted ${n} unfinished evidence upload(s) older than 7 days`),
      (error: unknown) => console.error('[xaso] evidence upload sweep failed:', error),
    );
  void sweep();
  const timer = setInterval(() => void sweep(), options.everyMs ?? STALE_UPLOAD_SWEEP_MS);
  timer.unref();
  return () => clearInterval(timer);
}
