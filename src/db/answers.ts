/**
 * Answers: reading an assessment's answers and saving one edit. `saveAnswer` is the hot path of
 * the checklist and the heart of "nothing is ever lost": it writes the answer and touches its
 * assessment in ONE read-write transaction and resolves only after that transaction has
 * committed, so the UI shows "saved" only when the answer is on disk. On failure the
 * transaction is aborted and the previous answer stays as it was.
 */
import { Dexie } from 'dexie';
import type { Answer, Assessment, Status } from '../domain/types';
import { getDb } from './database';
import type { StoredAnswer, XasoDb } from './database';
import { AssessmentLockedError, AssessmentNotFoundError, guardWrite } from './errors';
import { nextTimestamp } from './time';
import { checkCode, checkStatus, cleanText } from './validate';
import { isLocked } from '../domain/vocabulary';

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

export interface SaveAnswerOptions {
  /**
   * Called, just before the promise resolves, with the `timeStamp` of IndexedDB's `complete`
   * event: the moment the edit was on disk (performance.now() clock), for the checklist's save
   * timing. Dexie's own `complete` listeners run first and re-run other widgets' live queries,
   * so the promise itself resolves some milliseconds later. Never called for a failed edit.
   */
  onCommit?: (committedAt: number) => void;
}

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
  options: SaveAnswerOptions = {},
): Promise<Answer> {
  checkCode(code);
  // Validate before opening the transaction: a bad edit never reaches IndexedDB.
  applyPatch(code, undefined, patch);
  // Created out here, outside Dexie's zone: a plain promise, settled by our `complete` listener.
  let onComplete: ((e: Event) => void) | undefined;
  const committed = options.onCommit && new Promise<number>((resolve) => (onComplete = (e) => resolve(e.timeStamp)));
  const saved = await guardWrite(
    // Not an async function: a chain of Dexie promises runs inside each IndexedDB callback,
    // where `await` would make Dexie carry its zone through extra microtasks (zone echoes).
    db.transaction('rw', db.answers, db.assessments, (tx) => {
      // Ours runs after Dexie's listeners (registered first); the event's timeStamp is the commit.
      if (onComplete) tx.idbtrans.addEventListener('complete', onComplete);
      // Both reads go out together: one round trip to IndexedDB instead of two. Each round trip
      // costs a task on a busy main thread, and this runs on every tap (issue #4: p95 ≤ 16 ms).
      const reads = Dexie.Promise.all([db.assessments.get(assessmentId), db.answers.get([assessmentId, code])]);
      return reads.then(([assessment, stored]: [Assessment | undefined, StoredAnswer | undefined]) => {
        if (!assessment) throw new AssessmentNotFoundError(assessmentId);
        if (isLocked(assessment.status)) throw new AssessmentLockedError(assessmentId, assessment.status);
        const prev = stored && stripRow(stored);
        const next = applyPatch(code, prev, patch);
        if (prev && sameContent(prev, next)) return prev; // nothing changed: no write, no newer timestamp
        const updatedAt = nextTimestamp([prev?.updatedAt, assessment.updatedAt]);
        const answer: Answer = { ...next, updatedAt };
        // The assessment row read above is written back whole: update() would read it again
        // (a query and a get) before its put. The transaction keeps the read and the write atomic.
        const writes: Promise<unknown>[] = [db.answers.put({ ...answer, assessmentId }), db.assessments.put({ ...assessment, updatedAt, lastCode: code })];
        return Dexie.Promise.all(writes).then(() => answer);
      });
    }),
  );
  // Settles within the same dispatch of `complete` that let the transaction above resolve.
  if (committed) options.onCommit?.(await committed);
  return saved;
}

function stripRow({ assessmentId: _, ...answer }: Answer & { assessmentId: string }): Answer {
  return answer;
}
