/**
 * Persistent storage. Without it the browser may evict IndexedDB under storage pressure, and
 * with it the officers' answers. We ask once (the UI decides when), remember the outcome in
 * settings, and report usage so the UI can warn before the phone is full.
 */
import { getDb } from './database';
import type { XasoDb } from './database';
import { setSetting } from './settings';
import type { PersistOutcome } from './settings';

/** The parts of navigator.storage we use; injectable for tests. */
export type StorageApi = Partial<Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>>;

function browserStorage(): StorageApi | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/** Ask the browser to keep our data; store and return what it said. Never throws. */
export async function requestPersistence(
  db: XasoDb = getDb(),
  storage: StorageApi | undefined = browserStorage(),
): Promise<PersistOutcome> {
  let outcome: PersistOutcome = 'unsupported';
  if (storage && typeof storage.persist === 'function') {
    try {
      // Already persistent: do not ask again (some browsers show a prompt each time).
      const already = typeof storage.persisted === 'function' && (await storage.persisted());
      outcome = already || (await storage.persist()) ? 'granted' : 'denied';
    } catch {
      outcome = 'denied';
    }
  }
  try {
    await setSetting('persist', outcome, db);
  } catch {
    // Remembering the outcome is a convenience; failing to store it must not hide the outcome.
  }
  return outcome;
}

/** Bytes used and available to this origin, or null when the browser does not say. */
export async function storageEstimate(
  storage: StorageApi | undefined = browserStorage(),
): Promise<{ usage: number; quota: number } | null> {
  if (!storage || typeof storage.estimate !== 'function') return null;
  try {
    const { usage, quota } = await storage.estimate();
    return typeof usage === 'number' && typeof quota === 'number' ? { usage, quota } : null;
  } catch {
    return null;
  }
}
