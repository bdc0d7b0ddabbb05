/**
 * "Sync everything now", for triggers.ts. A phone that has just enrolled asks at once for what its
 * start could not ask for (it was not enrolled then): the province's criteria sets, verdicts and
 * tallies, or a team's survey. Without it they waited for the next trigger, up to 10 minutes,
 * while the officer was already starting an assessment. Its own module: the triggers must not
 * load the outbox (zod) to hear it.
 */
export const SYNC_RUN_EVENT = 'xaso-sync-run';

export function requestSyncRun(): void {
  if (typeof dispatchEvent === 'function') dispatchEvent(new Event(SYNC_RUN_EVENT));
}
