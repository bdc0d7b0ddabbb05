/**
 * "Something was queued: try to send now." Fire-and-forget by design: the officer's action is
 * already safe in the outbox, and whatever happens on the network is shown by the sync state.
 * Once the submission is delivered its evidence files follow (evidence-upload.ts).
 */
import { registerBackgroundSync } from './background';
import { flushOutbox, type FlushOptions } from './outbox';

export function kickOutbox(opts: FlushOptions = {}): void {
  void registerBackgroundSync();
  flushOutbox(opts)
    .then(async (report) => {
      if (report.sent === 0) return;
      const { uploadEvidence } = await import('./evidence-upload');
      await uploadEvidence({ db: opts.db, fetch: opts.fetch, now: opts.now, random: opts.random });
    })
    .catch((err: unknown) => console.error('[xaso] outbox flush', err));
}
