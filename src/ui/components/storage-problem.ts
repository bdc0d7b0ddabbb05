/**
 * Which storage failure an error is, for reads as well as writes (reads are not wrapped in
 * StorageWriteError): the screens then say the true cause in the user's language (common.storage.*)
 * instead of showing the English message of an IndexedDB error. Pure: names, not classes.
 */
import { classifyStorageError, type StorageFailure } from '../../db/errors';

export function storageProblem(err: unknown): StorageFailure | undefined {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { name?: unknown; reason?: unknown };
  if (e.name === 'StorageWriteError' && typeof e.reason === 'string') return e.reason as StorageFailure;
  const kind = classifyStorageError(err);
  return kind === 'unknown' ? undefined : kind;
}

/** The localized sentence for a storage failure, or undefined when the error is something else. */
export function storageProblemText(err: unknown, t: (key: string) => string): string | undefined {
  const kind = storageProblem(err);
  return kind && kind !== 'unknown' ? t(`common:storage.${kind}`) : undefined;
}
