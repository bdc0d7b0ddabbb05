/**
 * The one IndexedDB transaction of `saveAnswer` (./answers.ts), on the raw IDBDatabase under Dexie.
 * It runs on every tap of the checklist (issue #16: p95 ≤ 16 ms from the tap to the commit at 4×
 * CPU), and on a slow phone Dexie's transaction set-up, zones and middleware cost the tap several
 * milliseconds of main thread for five requests. Same stores, same rows, same semantics as the
 * Dexie transaction it replaces: the writes go out with the reads that confirm them (one round
 * trip), the confirming code runs in the last read's callback, still inside the transaction, and
 * either lets it commit at once (`commit()`: IndexedDB need not wait for the main thread to see
 * the writes' results), rewrites the answer from what is stored, or aborts it.
 *
 * Dexie is bypassed, so its change events are not fired for these rows: no live query reads
 * `answers` or `touches` (the live views watch `sync`, `outbox`, `assessments` and `evidenceLinks`).
 */
import type { AnswerRow } from '../domain/answer-row';
import type { Assessment } from '../domain/types';
import type { XasoDb } from './database';
import type { TouchRow } from './touch';

/** What the confirming reads found, before this transaction wrote anything. */
export interface StoredRows {
  assessment: Assessment | undefined;
  answer: AnswerRow | undefined;
  touch: TouchRow | undefined;
}

/**
 * Given the rows as stored, returns the rows to write again (the assumed write was wrong) or
 * nothing (it was right); throws to abort the transaction (nothing is written).
 */
export type Confirm = (stored: StoredRows) => { answer: AnswerRow; touch: TouchRow } | undefined;

export interface Committed {
  /** The `complete` event's timeStamp: when the edit was on disk (performance.now() clock). */
  committedAt: number;
  /** True when `confirm` asked for the rows to be written again. */
  rewritten: boolean;
}

/**
 * The open connection. When there is none yet (never on the checklist), a Dexie read opens it as
 * any first use would; one closed for good by another tab's upgrade rejects (DatabaseClosedError).
 */
async function connection(db: XasoDb): Promise<IDBDatabase> {
  await db.touches.get('');
  return db.backendDB();
}

/**
 * Writes `answer` and `touch` blindly, reads the three rows `confirm` checks, all in one
 * read-write transaction; resolves once it has committed, rejects with what `confirm` threw or
 * with IndexedDB's error (the transaction aborted: nothing written).
 */
export function writeConfirmed(
  idb: IDBDatabase,
  assessmentId: string,
  answer: AnswerRow,
  touch: TouchRow,
  confirm: Confirm,
): Promise<Committed> {
  return new Promise((resolve, reject) => {
    let failure: unknown;
    let rewritten = false;
    const tx = idb.transaction(['answers', 'assessments', 'touches'], 'readwrite');
    // A request refused at once (a put that throws) aborts the whole transaction: both or neither.
    const refuse = (error: unknown) => {
      failure ??= error;
      try {
        tx.abort();
      } catch {
        // Already finished: onabort or oncomplete has settled the promise.
      }
    };
    try {
      issue();
    } catch (error) {
      refuse(error);
    }
    tx.oncomplete = (e) => resolve({ committedAt: e.timeStamp, rewritten });
    tx.onabort = () => reject(failure ?? tx.error ?? new DOMException('The transaction was aborted.', 'AbortError'));

    function issue() {
      const answers = tx.objectStore('answers');
      const touches = tx.objectStore('touches');
      // Requests run in order: the reads see the rows as they were before this edit.
      const assessmentRead = tx.objectStore('assessments').get(assessmentId) as IDBRequest<Assessment | undefined>;
      const answerRead = answers.get([assessmentId, answer.code]) as IDBRequest<AnswerRow | undefined>;
      const touchRead = touches.get(assessmentId) as IDBRequest<TouchRow | undefined>;
      answers.put(answer);
      touches.put(touch);
      // The last read: the two before it have their results too.
      touchRead.onsuccess = () => {
        try {
          const again = confirm({ assessment: assessmentRead.result, answer: answerRead.result, touch: touchRead.result });
          if (again) {
            rewritten = true;
            answers.put(again.answer);
            touches.put(again.touch);
          }
          // Nothing more will be asked of this transaction: IndexedDB may commit once the puts are done.
          tx.commit?.();
        } catch (error) {
          refuse(error);
        }
      };
    }
  });
}

/** `writeConfirmed` on `db`'s own connection; a closed or failed connection rejects. */
export async function writeAnswerConfirmed(
  db: XasoDb,
  assessmentId: string,
  answer: AnswerRow,
  touch: TouchRow,
  confirm: Confirm,
): Promise<Committed> {
  const idb = db.isOpen() ? db.backendDB() : await connection(db);
  return writeConfirmed(idb, assessmentId, answer, touch, confirm);
}
