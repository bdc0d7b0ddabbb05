/**
 * Connection alerts the UI must show: the store cannot keep saving in this tab, or an upgrade
 * waits for other tabs. Kept apart from database.ts so that screens can subscribe without
 * opening the database.
 */

export type DbAlert =
  /** Another tab opened a newer version of the app (or deleted the data): this tab must reload. */
  | { kind: 'stale'; dbName: string; newVersion: number | null }
  /** Our upgrade waits for an older tab of the app to close. */
  | { kind: 'blocked'; dbName: string };

type Listener = (alert: DbAlert) => void;
const listeners = new Set<Listener>();

/** Subscribe to connection alerts; returns the unsubscribe function. */
export function onDbBlockedOrStale(cb: Listener): () => void {
  listeners.add(cb);
  return () => {
    listeners.delete(cb);
  };
}

export function emitDbAlert(alert: DbAlert): void {
  for (const cb of [...listeners]) {
    try {
      cb(alert);
    } catch (err) {
      // One broken listener must not keep the others from hearing about it.
      console.error(err);
    }
  }
}
