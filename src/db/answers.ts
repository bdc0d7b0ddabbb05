/**
 * Answers: reading an assessment's answers and saving one edit. `saveAnswer` is the hot path of
 * the checklist and the heart of "nothing is ever lost": it writes the answer and its
 * assessment's touch (./touch.ts) in ONE read-write transaction and resolves only after that
 * transaction has committed, so the UI shows "saved" only when the answer is on disk. On failure
 * the transaction is aborted and the previous answer stays as it was.
 */
import { answersByCode, fromAnswerRow, toAnswerRow } from '../domain/answer-row';
import { sameIndicatorValue } from '../domain/indicator-value';
import type { Answer, IndicatorValue, Status } from '../domain/types';
import { writeAnswerConfirmed } from './answer-write';
import type { Committed, Confirm } from './answer-write';
import { getDb } from './database';
import type { XasoDb } from './database';
import { AssessmentLockedError, AssessmentNotFoundError, guardWrite } from './errors';
import { nextEditTimestamp } from './time';
import type { TouchRow } from './touch';
import { checkCode, checkIndicatorValue, checkStatus, cleanText } from './validate';
import { isLocked } from '../domain/vocabulary';

/**
 * One edit. A field left out (or undefined) keeps its stored value; "" clears a text; status
 * null clears the status. Text is trimmed and NFC-normalised here, once, before it is stored.
 */
export interface AnswerPatch {
  status?: Status | null;
  note?: string;
  naReason?: string;
  openName?: string;
  /** A criteria-set indicator's value; null removes it. Its validity for the indicator is checked by the caller (checkValue). */
  value?: IndicatorValue | null;
}

const TEXT_FIELDS = ['note', 'naReason', 'openName'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

/** A checked patch: text NFC and trimmed, null = remove the field. */
interface CleanPatch {
  status?: Status | null;
  value?: IndicatorValue | null;
  text: Partial<Record<TextField, string | null>>;
}

export interface SaveAnswerOptions {
  /** The store to write to: the app's own by default (tests and the backup merge pass theirs). */
  db?: XasoDb;
  /**
   * Called, just before the promise resolves, with the `timeStamp` of IndexedDB's `complete`
   * event: the moment the edit was on disk (performance.now() clock), for the checklist's save
   * timing. Dexie's own `complete` listeners run first and re-run other widgets' live queries,
   * so the promise itself resolves some milliseconds later. Never called for a failed edit or
   * one that wrote nothing.
   */
  onCommit?: (committedAt: number) => void;
  /**
   * The answer the caller last saw stored for this code (null: none), e.g. what the card's last
   * save returned. The write is computed from it and goes out together with the reads that
   * confirm it: one IndexedDB round trip. Left out, none is assumed. When the reads disagree
   * (another tab, a save of the same card still in flight), the same transaction rewrites the
   * answer from what is stored, or aborts: never a broken or older row.
   */
  stored?: Answer | null;
}

/** The answers of one assessment, in the store's order (by component code). */
export async function listAnswers(assessmentId: string, db: XasoDb = getDb()): Promise<Answer[]> {
  const rows = await db.answers.where('assessmentId').equals(assessmentId).toArray();
  return rows.map(fromAnswerRow);
}

/** The answers of one assessment, keyed by component code. */
export async function getAnswers(assessmentId: string, db: XasoDb = getDb()): Promise<Record<string, Answer>> {
  return answersByCode(await listAnswers(assessmentId, db));
}

/** Everything but updatedAt is equal (whatever fields an answer carries). */
function sameContent(a: Answer, b: Answer): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete('updatedAt');
  keys.delete('value');
  for (const k of keys) if (a[k as keyof Answer] !== b[k as keyof Answer]) return false;
  return sameIndicatorValue(a.value, b.value);
}

function sameAnswer(a: Answer | undefined, b: Answer | undefined): boolean {
  return a === b || (!!a && !!b && a.updatedAt === b.updatedAt && sameContent(a, b));
}

/** Validates and normalises a patch: the only place an edit's text is checked and made NFC. */
function cleanPatch(patch: AnswerPatch): CleanPatch {
  const clean: CleanPatch = { text: {} };
  if (patch.status !== undefined) clean.status = checkStatus(patch.status);
  if (patch.value !== undefined) clean.value = patch.value === null ? null : { ...checkIndicatorValue(patch.value) };
  for (const field of TEXT_FIELDS) {
    const value = patch[field];
    if (value !== undefined) clean.text[field] = cleanText(value, field) ?? null;
  }
  return clean;
}

/** The answer with a checked patch applied (updatedAt still the old one). */
function applyPatch(code: string, prev: Answer | undefined, patch: CleanPatch): Answer {
  const next: Answer = prev ? { ...prev } : { code, status: null, updatedAt: '' };
  if (patch.status !== undefined) next.status = patch.status;
  if (patch.value === null) delete next.value;
  else if (patch.value !== undefined) next.value = patch.value;
  for (const field of TEXT_FIELDS) {
    const value = patch.text[field];
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  return next;
}

/** The assessment's touch for an edit (./touch.ts). */
function touchOf(assessmentId: string, answer: Answer): TouchRow {
  return { assessmentId, updatedAt: answer.updatedAt, lastCode: answer.code };
}

/** Thrown inside the transaction to abort it: the stored answer already says what the edit says. */
class Unchanged {
  constructor(readonly answer: Answer) {}
}

const isNewer = (t: string, than: string | undefined) => than === undefined || Date.parse(t) > Date.parse(than);

/**
 * Save one edit of one answer. Resolves with the stored answer once the transaction has
 * committed. Rejects with AssessmentLockedError (submitted/accepted), AssessmentNotFoundError,
 * InvalidInputError (nothing written) or StorageWriteError (nothing written, earlier data intact).
 * A naReason is kept when the status moves away from "na", so switching back loses nothing.
 * An edit that changes nothing writes nothing.
 */
export async function saveAnswer(
  assessmentId: string,
  code: string,
  patch: AnswerPatch,
  options: SaveAnswerOptions = {},
): Promise<Answer> {
  const db = options.db ?? getDb();
  checkCode(code);
  // Checked before the transaction opens: a bad edit never reaches IndexedDB.
  const clean = cleanPatch(patch);
  const base = options.stored ?? undefined;
  const merged = applyPatch(code, base, clean);
  if (base && sameContent(base, merged)) return base;
  const ours: Answer = { ...merged, updatedAt: nextEditTimestamp([base?.updatedAt]) };
  const row = toAnswerRow(assessmentId, ours);
  const touch = touchOf(assessmentId, ours);
  let answer = ours;
  // Runs inside the transaction, on the rows as they were before this edit (see answer-write.ts).
  const confirm: Confirm = ({ assessment, answer: storedRow, touch: storedTouch }) => {
    if (!assessment) throw new AssessmentNotFoundError(assessmentId);
    if (isLocked(assessment.status)) throw new AssessmentLockedError(assessmentId, assessment.status);
    const stored = storedRow && fromAnswerRow(storedRow);
    // The patch is applied again only when the stored answer is not the one assumed.
    const expected = sameAnswer(stored, base) ? merged : applyPatch(code, stored, clean);
    if (stored && sameContent(stored, expected)) throw new Unchanged(stored);
    const after = [stored?.updatedAt, assessment.updatedAt, storedTouch?.updatedAt];
    if (sameContent(expected, ours) && after.every((t) => isNewer(ours.updatedAt, t))) return undefined;
    // Rare (another tab edited, or the clock went back): rewrite within this transaction.
    answer = { ...expected, updatedAt: nextEditTimestamp(after) };
    return { answer: toAnswerRow(assessmentId, answer), touch: touchOf(assessmentId, answer) };
  };
  const outcome = await guardWrite(
    writeAnswerConfirmed(db, assessmentId, row, touch, confirm).catch((error: unknown): Unchanged => {
      if (error instanceof Unchanged) return error;
      throw error;
    }),
  );
  if (outcome instanceof Unchanged) return outcome.answer;
  const committed: Committed = outcome;
  options.onCommit?.(committed.committedAt);
  return answer;
}
