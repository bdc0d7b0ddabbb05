/** DOM ids of checklist cards and the i18n key of a save error. Pure. */

/** A component code ("ƯDCQS6") as a DOM id; codes are letters and digits, so this is stable. */
export function cardId(code: string): string {
  return `c-${code}`;
}

/**
 * The locale key (under "checklist.save") for a failed save, chosen by the error's name and,
 * for storage failures, its reason (src/db/errors.ts). Names, not classes: this stays pure.
 */
export function saveErrorKey(e: unknown): string {
  const err = (typeof e === 'object' && e !== null ? e : {}) as { name?: unknown; reason?: unknown };
  switch (err.name) {
    case 'AssessmentLockedError':
      return 'checklist.save.locked';
    case 'AssessmentNotFoundError':
      return 'checklist.save.missing';
    case 'InvalidInputError':
      return 'checklist.save.invalid';
    case 'StorageWriteError':
      if (err.reason === 'unavailable') return 'common:storage.unavailable';
      return err.reason === 'quota' || err.reason === 'closed'
        ? `checklist.save.storage-${err.reason}`
        : 'checklist.save.storage-unknown';
    default:
      return 'checklist.save.failed';
  }
}
