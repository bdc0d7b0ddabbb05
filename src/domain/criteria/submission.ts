/**
 * A submission scored under a criteria set: which of its answers belong to the set's own
 * indicators (values, and statuses of uncoded questions) rather than to catalogue components,
 * and what the server refuses in them. Component answers stay with validateSubmission.
 */
import type { Answer, AreaType, Catalogue, Methodology } from '../types';
import { criteriaPlan } from './plan';
import { answerCode, checkValue } from './rules';
import type { CriteriaSet } from './schema';
import { checkEvidence } from '../evidence';
import { validateSubmission } from '../submission';
import type { Submission, SubmissionCheck, SubmissionProblem } from '../submission';

/** Codes answered by the set's own indicators (not a catalogue component's code). */
export function ownAnswerCodes(set: CriteriaSet): Set<string> {
  return new Set(set.indicators.filter((ind) => answerCode(ind) === ind.code).map((ind) => ind.code));
}

/** The key a set is known by: "template-commune-index@2026.1". */
export const criteriaSetKey = (ref: { id: string; version: string }): string => `${ref.id}@${ref.version}`;

export function validateCriteriaAnswers(
  set: CriteriaSet,
  catalogue: Catalogue,
  areaTypes: readonly AreaType[],
  answers: readonly Answer[],
): SubmissionProblem[] {
  const plan = criteriaPlan(set, catalogue, areaTypes);
  const byCode = new Map(answers.map((a) => [a.code, a]));
  const problems: SubmissionProblem[] = [];
  set.indicators.forEach((ind, i) => {
    const a = byCode.get(answerCode(ind));
    const own = answerCode(ind) === ind.code;
    if (!plan.applicable[i]) {
      if (own && a) problems.push({ code: ind.code, problem: 'not-applicable' });
      return;
    }
    let answered: boolean;
    if (ind.input.kind === 'measured') {
      // Measured by the server from the community tally: nothing to answer, nothing required.
      if (own && a) problems.push({ code: ind.code, problem: 'value-not-expected' });
      return;
    }
    if (ind.input.kind === 'status') {
      const status: unknown = a?.status;
      if (own && a?.value !== undefined) problems.push({ code: ind.code, problem: 'value-not-expected' });
      if (status === 'na' && !ind.input.naAllowed) problems.push({ code: ind.code, problem: 'na-not-allowed' });
      answered = status !== null && status !== undefined;
    } else {
      if (a && a.status !== null) problems.push({ code: ind.code, problem: 'status-not-expected' });
      const problem = a?.value === undefined ? null : checkValue(ind, a.value);
      if (problem) problems.push({ code: ind.code, problem });
      answered = a?.value !== undefined && problem === null;
    }
    if (ind.required && !answered) problems.push({ code: ind.code, problem: 'required-unanswered' });
  });
  return problems;
}

/** The submission without the set's own answers: what the catalogue's checks apply to. */
export function componentPart(submission: Submission, set: CriteriaSet): Submission {
  const own = ownAnswerCodes(set);
  const part: Submission = { ...submission, answers: submission.answers.filter((a) => !own.has(a.code)) };
  if (submission.evidence) part.evidence = submission.evidence.filter((e) => !own.has(e.code));
  return part;
}

/**
 * Everything refused in a submission, with or without a criteria set. One definition for the
 * phone (before queueing) and the server: component answers are checked as always; the set's own
 * indicators by validateCriteriaAnswers; what must be answered is the set's rule (its required
 * indicators), not the methodology's.
 */
export function validateWithSet(
  submission: Submission,
  catalogue: Catalogue,
  methodology: Methodology,
  set: CriteriaSet | undefined,
): SubmissionCheck {
  if (!set) return validateSubmission(submission, catalogue, methodology);
  const own = ownAnswerCodes(set);
  const base = validateSubmission(componentPart(submission, set), catalogue, {
    ...methodology,
    submission: { requireEssentialAnswered: false },
  });
  const problems = [
    ...(base.ok ? [] : base.problems),
    ...validateCriteriaAnswers(set, catalogue, submission.areaTypes, submission.answers),
    // Evidence on the set's own indicators (componentPart checked the rest).
    ...checkEvidence(
      (submission.evidence ?? []).filter((e) => own.has(e.code)),
      (code) => own.has(code),
    ),
  ];
  if (!set.catalogueVersions.includes(catalogue.version)) problems.push({ problem: 'criteria-set-incompatible' });
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}
