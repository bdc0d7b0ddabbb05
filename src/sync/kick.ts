/**
 * "Something was queued: try to send now." Fire-and-forget by design: the officer's action is
 * already safe in the outbox, and whatever happens on the network is shown by the sync state.
 */
import { registerBackgroundSync } from './background';
import { flushOutbox, type FlushOptions } from './outbox';

export function kickOutbox(opts: FlushOptions = {}): void {
  void registerBackgroundSync();
  flushOutbox(opts).catch((err: unknown) => console.error('[xaso] outbox flush', err));
}
