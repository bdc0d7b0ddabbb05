/**
 * "An entry or a response was saved: try to send now." Fire-and-forget: the item is already safe
 * in IndexedDB, and whatever happens on the network shows in the team home's send state.
 */
import { registerBackgroundSync } from './background';

export function kickTeamOutbox(): void {
  void registerBackgroundSync();
  void import('./team-outbox').then((m) => m.flushTeamOutbox()).catch((err: unknown) => console.error('[xaso] team outbox', err));
}
