/**
 * The submission body, built from what the phone stores. Built again at every send, never
 * frozen in the outbox: a retry after the officer fixed something sends the fix, and the
 * outbox row stays tiny. While queued the assessment is locked, so replays carry the same
 * content and the server recognises them (same revision, same content hash).
 */
import { listAnswers } from '../db/answers';
import type { XasoDb } from '../db/database';
import { answersByCode } from '../domain/answer-row';
import { criteriaPlan } from '../domain/criteria/plan';
import type { CriteriaSet } from '../domain/criteria/schema';
import { scoreCriteria } from '../domain/criteria/score';
import { ownAnswerCodes, validateWithSet } from '../domain/criteria/submission';
import { askedComponents, effectiveAnswers } from '../domain/same-items';
import { scoreAssessment } from '../domain/scoring';
import { type Submission, type SubmissionProblem } from '../domain/submission';
import type { Answer, Assessment } from '../domain/types';
import { evidenceRefs, type StoredEvidence } from './evidence-payload';
import { criteriaSetIn, type Reference } from './reference';
import { baseOf } from './revisions';

/** Reads the answers of one assessment (call inside a transaction that includes `answers`). */
export function readAnswers(db: XasoDb, assessmentId: string): Promise<Answer[]> {
  return listAnswers(assessmentId, db);
}

function wireAnswer(a: Answer): Answer {
  // Only defined fields: the content hash must not depend on how absence is spelled.
  const out: Answer = { code: a.code, status: a.status, updatedAt: a.updatedAt };
  if (a.note !== undefined) out.note = a.note;
  if (a.naReason !== undefined) out.naReason = a.naReason;
  if (a.openName !== undefined) out.openName = a.openName;
  if (a.value !== undefined) out.value = { ...a.value };
  return out;
}

/** The set's own answers (values, uncoded questions) of the indicators that apply, in set order. */
function ownAnswers(set: CriteriaSet, ref: Reference, assessment: Assessment, answers: readonly Answer[]): Answer[] {
  const own = ownAnswerCodes(set);
  const plan = criteriaPlan(set, ref.catalogue, assessment.areaTypes);
  const byCode = answersByCode(answers);
  return set.indicators.flatMap((ind, i) => (own.has(ind.code) && plan.applicable[i] ? (byCode[ind.code] ?? []) : []));
}

/** The answers of the asked components, same items carried under the code asked (catalogue order). */
function askedAnswers(
  catalogue: Reference['catalogue'],
  areaTypes: Assessment['areaTypes'],
  answers: readonly Answer[],
): Answer[] {
  const effective = effectiveAnswers(catalogue, areaTypes, answersByCode(answers));
  return askedComponents(catalogue, areaTypes).flatMap((c) => effective[c.code] ?? []);
}

export function buildSubmission(
  assessment: Assessment,
  answers: readonly Answer[],
  opts: { revision: number; submittedAt: string; ref: Reference; evidence?: readonly StoredEvidence[] },
): Submission {
  // Answers left over from an area type the officer later unticked are not part of this
  // assessment (the server would refuse them as not applicable); they stay on the phone. A same
  // item asked once goes up once, under the code asked; the server gives it to every member.
  // Under a criteria set, its own answers go up too (the server scores them with that set).
  const sameCatalogue = opts.ref.catalogue.version === assessment.catalogueVersion;
  const set = criteriaSetIn(opts.ref, assessment.criteriaSet);
  const sent = !sameCatalogue
    ? answers
    : [
        ...askedAnswers(opts.ref.catalogue, assessment.areaTypes, answers),
        ...(set ? ownAnswers(set, opts.ref, assessment, answers) : []),
      ];
  const submission: Submission = {
    revision: opts.revision,
    baseRevision: baseOf(opts.revision),
    communeCode: assessment.communeCode,
    areaTypes: [...assessment.areaTypes],
    period: assessment.period,
    catalogueVersion: assessment.catalogueVersion,
    methodologyId: assessment.methodologyId,
    ...(assessment.criteriaSet ? { criteriaSet: { ...assessment.criteriaSet } } : {}),
    submittedAt: opts.submittedAt,
    answers: sent.map(wireAnswer),
  };
  if (assessment.helpers !== undefined) submission.helpers = assessment.helpers;
  // Only when there is some: a submission without evidence stays byte-identical to before.
  const evidence = evidenceRefs(opts.evidence ?? [], new Set(sent.map((a) => a.code)), set);
  if (evidence.length > 0) submission.evidence = evidence;
  return submission;
}

export type Readiness = { ok: true } | { ok: false; missing: number; problems: SubmissionProblem[] };

/**
 * Is this assessment ready to go up? Complete per its rule (the methodology's required components,
 * or its criteria set's required indicators), and what the server accepts (the same checks).
 */
export function checkReadiness(assessment: Assessment, answers: readonly Answer[], ref: Reference): Readiness {
  const payload = buildSubmission(assessment, answers, { revision: 1, submittedAt: new Date().toISOString(), ref });
  if (assessment.criteriaSet) {
    const set = criteriaSetIn(ref, assessment.criteriaSet);
    if (!set) return { ok: false, missing: 0, problems: [{ problem: 'unknown-criteria-set' }] };
    const check = validateWithSet(payload, ref.catalogue, ref.methodology, set);
    const score = scoreCriteria({
      set,
      catalogue: ref.catalogue,
      areaTypes: assessment.areaTypes,
      answers: answersByCode(answers),
    });
    if (score.complete && check.ok) return { ok: true };
    const missing = score.completeness.requiredTotal - score.completeness.requiredAnswered;
    return { ok: false, missing: Math.max(0, missing), problems: check.ok ? [] : check.problems };
  }
  const score = scoreAssessment({
    catalogue: ref.catalogue,
    methodology: ref.methodology,
    areaTypes: assessment.areaTypes,
    answers: answersByCode(answers),
  });
  const check = validateWithSet(payload, ref.catalogue, ref.methodology, undefined);
  const missing = score.completeness.essentialTotal - score.completeness.essentialAnswered;
  if (score.complete && check.ok) return { ok: true };
  return { ok: false, missing: Math.max(0, missing), problems: check.ok ? [] : check.problems };
}
