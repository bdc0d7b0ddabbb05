/**
 * What changed between two revisions of a submission, for the reviewer's history view:
 * top-level fields (area types, period, versions, helpers) and answers (status, note, N/A
 * reason, named item). The device's edit times are not content and are ignored.
 */
import type { Submission } from '../../domain/submission';
import type { Answer } from '../../domain/types';
import type { RevisionChanges } from '../schemas/assessments';

type AnswerSnapshot = Pick<Answer, 'status' | 'note' | 'naReason' | 'openName'>;

const FIELDS = ['areaTypes', 'period', 'catalogueVersion', 'methodologyId', 'helpers'] as const;

function snapshot(a: Answer | undefined): AnswerSnapshot | null {
  if (!a) return null;
  const s: AnswerSnapshot = { status: a.status };
  if (a.note !== undefined) s.note = a.note;
  if (a.naReason !== undefined) s.naReason = a.naReason;
  if (a.openName !== undefined) s.openName = a.openName;
  return s;
}

function sameSnapshot(a: AnswerSnapshot | null, b: AnswerSnapshot | null): boolean {
  return a?.status === b?.status && a?.note === b?.note && a?.naReason === b?.naReason && a?.openName === b?.openName;
}

export function diffSubmissions(previous: Submission | null, next: Submission): RevisionChanges {
  const fields: RevisionChanges['fields'] = [];
  for (const field of FIELDS) {
    const from = previous ? previous[field] : undefined;
    const to = next[field];
    if (JSON.stringify(from) !== JSON.stringify(to)) fields.push({ field, from: from ?? null, to: to ?? null });
  }
  const before = new Map((previous?.answers ?? []).map((a) => [a.code, a]));
  const after = new Map(next.answers.map((a) => [a.code, a]));
  const answers: RevisionChanges['answers'] = [];
  // Next revision's order first, then answers that disappeared.
  for (const code of [...after.keys(), ...[...before.keys()].filter((c) => !after.has(c))]) {
    const from = snapshot(before.get(code));
    const to = snapshot(after.get(code));
    if (!sameSnapshot(from, to)) answers.push({ code, from, to });
  }
  return { fields, answers };
}
