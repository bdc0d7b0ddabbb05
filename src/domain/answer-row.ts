/**
 * An answer as the phone's store keeps it (one row per answered component, tagged with its
 * assessment) and the two shapes the layers above use: a list (sync payload, backup file) and a
 * map by component code (checklist, scoring). These conversions are written once, here, so the
 * store, the sync layer, the backup and the screens cannot drift apart. Pure, no zod.
 */
import type { Answer } from './types';

/** An answer as the store keeps it: the answer plus the assessment it belongs to. */
export type AnswerRow = Answer & { assessmentId: string };

export function toAnswerRow(assessmentId: string, answer: Answer): AnswerRow {
  return { ...answer, assessmentId };
}

export function fromAnswerRow({ assessmentId: _, ...answer }: AnswerRow): Answer {
  return answer;
}

/** Answers keyed by component code (a later duplicate replaces an earlier one). */
export function answersByCode(answers: Iterable<Answer>): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  for (const a of answers) out[a.code] = a;
  return out;
}

/** Rows grouped by assessment, each group as plain answers in store order. */
export function answersByAssessment(rows: Iterable<AnswerRow>): Map<string, Answer[]> {
  const out = new Map<string, Answer[]>();
  for (const row of rows) {
    const list = out.get(row.assessmentId);
    if (list) list.push(fromAnswerRow(row));
    else out.set(row.assessmentId, [fromAnswerRow(row)]);
  }
  return out;
}
