/**
 * Which items a verification step carries forward across a resubmission (issue #14): a step
 * verifies an answer, so it still holds on a newer revision whose answer to that item (status or
 * value) and evidence files (by content) are the same; any other item is verified afresh.
 */
import type { Submission } from './submission';

function answerKey(s: Submission, code: string): string | undefined {
  const a = s.answers.find((x) => x.code === code);
  if (!a) return undefined;
  const files = (s.evidence ?? [])
    .filter((e) => e.code === code)
    .map((e) => e.sha256)
    .sort();
  return JSON.stringify([a.status ?? null, a.value ?? null, files]);
}

/** True when the item's answer and evidence are the same in both revisions. */
export function itemUnchanged(before: Submission, after: Submission, code: string): boolean {
  const key = answerKey(before, code);
  return key !== undefined && key === answerKey(after, code);
}
