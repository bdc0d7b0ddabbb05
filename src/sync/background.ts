/**
 * Background Sync: asks the browser to wake the service worker when a connection returns, even
 * if the officer has switched to another app; the worker then posts {type:'flush-outbox'} to
 * the open pages (src/sw/sw.ts). Best effort only: Chrome on Android supports it, others do not,
 * and the page flushes on start, on `online` and on a timer anyway.
 */

export const OUTBOX_SYNC_TAG = 'xaso-outbox';

interface SyncManagerLike {
  register(tag: string): Promise<void>;
}

export async function registerBackgroundSync(): Promise<boolean> {
  try {
    const container = typeof navigator === 'undefined' ? undefined : (navigator as Partial<Navigator>).serviceWorker;
    // getRegistration, not `ready`: with no worker (development, first visit) `ready` never settles.
    const registration = await container?.getRegistration();
    const sync = (registration as (ServiceWorkerRegistration & { sync?: SyncManagerLike }) | undefined)?.sync;
    if (!sync) return false;
    await sync.register(OUTBOX_SYNC_TAG);
    return true;
  } catch {
    return false; // permission denied or unsupported: the other triggers still work
  }
}
