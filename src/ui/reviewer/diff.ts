/**
 * Revision history for display. The server says what changed between consecutive revisions
 * (src/server/services/revision-diff.ts); these helpers turn that into rows a reviewer reads:
 * one row per changed field of an answer, "before → after", and the set of components to
 * highlight in the answer list.
 */
import type { AnswerSnapshot, RevisionChanges, RevisionEntry } from './types';

export type AnswerField = 'status' | 'note' | 'naReason' | 'openName';
export const ANSWER_FIELDS: readonly AnswerField[] = ['status', 'note', 'naReason', 'openName'];

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface FieldChange {
  field: AnswerField;
  kind: ChangeKind;
  from: unknown;
  to: unknown;
}

export interface AnswerChangeRow {
  code: string;
  changes: FieldChange[];
}

function fieldValue(s: AnswerSnapshot, field: AnswerField): unknown {
  if (!s) return undefined;
  const v = s[field];
  // An empty text and no text read the same to a reviewer; null status is "not answered".
  return v === '' || v === null ? undefined : v;
}

/** The fields of one answer that differ, in a fixed order (status first). */
export function fieldChanges(from: AnswerSnapshot, to: AnswerSnapshot): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of ANSWER_FIELDS) {
    const a = fieldValue(from, field);
    const b = fieldValue(to, field);
    if (a === b) continue;
    const kind: ChangeKind = a === undefined ? 'added' : b === undefined ? 'removed' : 'changed';
    out.push({ field, kind, from: a, to: b });
  }
  return out;
}

/** One row per component whose answer changed in a way a reviewer can see. */
export function answerChangeRows(changes: RevisionChanges): AnswerChangeRow[] {
  return changes.answers.map((a) => ({ code: a.code, changes: fieldChanges(a.from, a.to) })).filter((r) => r.changes.length > 0);
}

/** The first revision of an assessment: its "changes" are the whole submission, not news. */
export function isInitialRevision(entry: Pick<RevisionEntry, 'baseRevision' | 'revision'>): boolean {
  return entry.baseRevision === null || entry.revision === 1;
}

/** Components changed by the latest revision (nothing for a first submission). */
export function changedInLatest(revisions: readonly RevisionEntry[]): Set<string> {
  const latest = [...revisions].sort((a, b) => b.revision - a.revision)[0];
  if (!latest || isInitialRevision(latest)) return new Set();
  return new Set(answerChangeRows(latest.changes).map((r) => r.code));
}

/** Newest first, as the history is read. */
export function historyOrder(revisions: readonly RevisionEntry[]): RevisionEntry[] {
  return [...revisions].sort((a, b) => b.revision - a.revision);
}

/** Index movement since the previous revision, one decimal; undefined for the first. */
export function indexDelta(revisions: readonly RevisionEntry[], revision: number): number | undefined {
  const sorted = [...revisions].sort((a, b) => a.revision - b.revision);
  const i = sorted.findIndex((r) => r.revision === revision);
  const prev = i > 0 ? sorted[i - 1] : undefined;
  const cur = sorted[i];
  if (!prev || !cur) return undefined;
  return Math.round((cur.index - prev.index) * 10) / 10;
}
