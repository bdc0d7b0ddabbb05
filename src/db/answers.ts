/**
 * Answers: reading an assessment's answers and saving one edit. `saveAnswer` is the hot path of
 * the checklist and the heart of "nothing is ever lost": it writes the answer and touches its
 * assessment in ONE read-write transaction and resolves only after that transaction has
 * committed, so the UI shows "saved" only when the answer is on disk. On failure the
 * transaction is aborted and the previous answer stays as it was.
 */
import type { Answer, Status } from '../domain/types';
import { getDb } from './database';
import type { XasoDb } from './database';
import { AssessmentLockedError, AssessmentNotFoundError, guardWrite } from './errors';
import { nextTimestamp } from './time';
import { checkCode, checkStatus, cleanText, isLocked } from './validate';

/**
 * One edit. A field left out (or undefined) keeps its stored value; "" clears a text; status
 * null clears the status. Text is trimmed and NFC-normalised before it is stored.
 */
export interface AnswerPatch {
  status?: Status | null;
  note?: string;
  naReason?: string;
  openName?: string;
}

const TEXT_FIELDS = ['note', 'naReason', 'openName'] as const;

/** The answers of one assessment, keyed by component code. */
export async function getAnswers(assessmentId: string, db: XasoDb = getDb()): Promise<Record<string, Answer>> {
  const rows = await db.answers.where('assessmentId').equals(assessmentId).toArray();
  const out: Record<string, Answer> = {};
  for (const { assessmentId: _, ...answer } of rows) out[answer.code] = answer;
  return out;
}

function sameContent(a: Answer, b: Answer): boolean {
  return a.status === b.status && TEXT_FIELDS.every((f) => a[f] === b[f]);
}

/** The stored answer with the patch applied (updatedAt still the old one). */
function applyPatch(code: string, prev: Answer | undefined, patch: AnswerPatch): Answer {
  const next: Answer = prev ? { ...prev } : { code, status: null, updatedAt: '' };
  if (patch.status !== undefined) next.status = checkStatus(patch.status);
  for (const field of TEXT_FIELDS) {
    const value = patch[field];
    if (value === undefined) continue;
    const clean = cleanText(value, field);
    if (clean === undefined) delete next[field];
    else next[field] = clean;
  }
  return next;
}

/**
 * Save one edit of one answer. Resolves with the stored answer once the transaction has
 * committed. Rejects with AssessmentLockedError (submitted/accepted), AssessmentNotFoundError,
 * InvalidInputError (nothing written) or StorageWriteError (nothing written, earlier data intact).
 * A naReason is kept when the status moves away from "na", so switching back loses nothing.
 */
export async function saveAnswer(
  assessmentId: string,
  code: string,
  patch: AnswerPatch,
  db: XasoDb = getDb(),
): Promise<Answer> {
  checkCode(code);
  // Validate before opening the transaction: a bad edit never reaches IndexedDB.
  applyPatch(code, undefined, patch);
  return guardWrite(
    db.transaction('rw', db.answers, db.assessments, async () => {
      const assessment = await db.assessments.get(assessmentId);
      if (!assessment) throw new AssessmentNotFoundError(assessmentId);
      if (isLocked(assessment.status)) throw new AssessmentLockedError(assessmentId, assessment.status);
      const stored = await db.answers.get([assessmentId, code]);
      const prev = stored && stripRow(stored);
      const next = applyPatch(code, prev, patch);
      if (prev && sameContent(prev, next)) return prev; // nothing changed: no write, no newer timestamp
      const updatedAt = nextTimestamp([prev?.updatedAt, assessment.updatedAt]);
      const answer: Answer = { ...next, updatedAt };
      await db.answers.put({ ...answer, assessmentId });
      await db.assessments.update(assessmentId, { updatedAt, lastCode: code });
      return answer;
    }),
  );
}

function stripRow({ assessmentId: _, ...answer }: Answer & { assessmentId: string }): Answer {
  return answer;
}
