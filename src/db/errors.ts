/**
 * The typed errors of the local store. The UI tells them apart by class (or `reason`) and
 * translates them; their messages are plain sentences for logs and for a last-resort display.
 * Every write goes through `guardWrite`, so a failure of IndexedDB itself (storage full, database
 * closed by an upgrade in another tab, browser bug) always surfaces as one StorageWriteError.
 */
import type { AssessmentStatus } from '../domain/types';

/** Base class: an error the store raised on purpose, passed through `guardWrite` untouched. */
export class XasoDbError extends Error {
  override name = 'XasoDbError';
}

/** A submitted or accepted assessment is frozen until the province returns it. */
export class AssessmentLockedError extends XasoDbError {
  override name = 'AssessmentLockedError';
  constructor(
    readonly assessmentId: string,
    readonly status: AssessmentStatus,
  ) {
    super(`This assessment is ${status} and can no longer be edited on this phone.`);
  }
}

export class AssessmentNotFoundError extends XasoDbError {
  override name = 'AssessmentNotFoundError';
  constructor(readonly assessmentId: string) {
    super(`There is no assessment ${assessmentId} on this phone.`);
  }
}

/** Input the store refuses before touching IndexedDB; `field` names the culprit. */
export class InvalidInputError extends XasoDbError {
  override name = 'InvalidInputError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * quota: the phone is full · closed: another tab opened a newer schema and this tab must reload ·
 * unavailable: the browser will not open IndexedDB at all (private browsing, site storage blocked,
 * a broken profile) · unknown: anything else.
 */
export type StorageFailure = 'quota' | 'closed' | 'unavailable' | 'unknown';

/** IndexedDB refused a write. The transaction was aborted: earlier data is intact. */
export class StorageWriteError extends XasoDbError {
  override name = 'StorageWriteError';
  constructor(
    readonly reason: StorageFailure,
    cause?: unknown,
  ) {
    super(
      reason === 'quota'
        ? "The phone's storage is full, so this change was not saved. Free some space or export a backup, then try again; earlier answers are safe."
        : reason === 'closed'
          ? 'A newer version of the app was opened in another tab, so this tab can no longer save. Reload the page; earlier answers are safe.'
          : reason === 'unavailable'
            ? 'The browser does not let this app open its storage (private browsing, storage blocked for the site, or a browser fault): nothing can be read or saved.'
            : "This change could not be saved in the phone's storage. Earlier answers are safe; please try again.",
      { cause },
    );
  }
}

/** Errors nest (Dexie wraps DOMExceptions in `inner`, AbortError in `cause`): look all the way down. */
function names(err: unknown, depth = 0): string[] {
  if (typeof err !== 'object' || err === null || depth > 5) return [];
  const e = err as { name?: unknown; inner?: unknown; cause?: unknown };
  return [typeof e.name === 'string' ? e.name : '', ...names(e.inner, depth + 1), ...names(e.cause, depth + 1)];
}

/**
 * Dexie reports a database that could not be opened as DatabaseClosedError carrying the open's
 * error (InvalidStateError, UnknownError…) in `inner`; one closed by another tab's upgrade
 * (db.close) carries another DatabaseClosedError there.
 */
function failedToOpen(err: unknown, depth = 0): boolean {
  if (typeof err !== 'object' || err === null || depth > 5) return false;
  const e = err as { name?: unknown; inner?: unknown; cause?: unknown };
  const inner = e.inner as { name?: unknown } | null | undefined;
  if (e.name === 'DatabaseClosedError' && typeof inner === 'object' && inner !== null && inner.name !== 'DatabaseClosedError')
    return true;
  return failedToOpen(e.inner, depth + 1) || failedToOpen(e.cause, depth + 1);
}

export function classifyStorageError(err: unknown): StorageFailure {
  const all = names(err);
  if (all.some((n) => n.includes('QuotaExceeded'))) return 'quota';
  // Checked before 'closed': a database that never opened is not one an upgrade closed (an
  // InvalidStateError inside an OpenFailedError is Firefox's private mode, not another tab).
  if (all.some((n) => n === 'OpenFailedError' || n === 'MissingAPIError') || failedToOpen(err)) return 'unavailable';
  if (all.some((n) => n === 'DatabaseClosedError' || n === 'VersionChangeError' || n === 'InvalidStateError')) return 'closed';
  return 'unknown';
}

/** Await a write; our own errors pass through, anything from IndexedDB becomes a StorageWriteError. */
export async function guardWrite<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (err) {
    if (err instanceof XasoDbError) throw err;
    throw new StorageWriteError(classifyStorageError(err), err);
  }
}
