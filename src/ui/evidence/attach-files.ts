/**
 * Attaching what the officer picked, one file after the other (a cheap phone holds one decoded
 * 12-MP photo, ~48 MB, at a time), each prepared off the click handler and stored with its link
 * in one transaction. Reports each file's outcome for the panel's live line.
 */
import { getDb, StorageWriteError } from '../../db';
import { attachEvidence, EvidenceRefusedError } from '../../db/evidence';
import { AssessmentLockedError } from '../../db/errors';
import { prepareEvidence } from './prepare';

export type AttachOutcome =
  | { kind: 'processing'; name: string }
  | { kind: 'attached' | 'alreadyAttached'; name: string }
  | { kind: 'error'; name: string; key: string };

/** The evidence.json key that words why a file was not stored. */
export function errorKey(err: unknown): string {
  if (err instanceof EvidenceRefusedError) return `error.${err.reason}`;
  if (err instanceof AssessmentLockedError) return 'error.locked';
  if (err instanceof StorageWriteError)
    return err.reason === 'quota' || err.reason === 'closed' ? `error.${err.reason}` : 'error.unknown';
  return 'error.unknown';
}

export async function attachFiles(
  files: readonly File[],
  to: { assessmentId: string; code: string; keepOriginal: boolean },
  report: (o: AttachOutcome) => void,
): Promise<void> {
  for (const file of files) {
    const name = file.name || '—';
    report({ kind: 'processing', name });
    try {
      const prepared = await prepareEvidence(file, to.keepOriginal);
      const { alreadyAttached } = await attachEvidence(getDb(), { assessmentId: to.assessmentId, code: to.code, ...prepared });
      report({ kind: alreadyAttached ? 'alreadyAttached' : 'attached', name });
    } catch (err) {
      report({ kind: 'error', name, key: errorKey(err) });
    }
  }
}
