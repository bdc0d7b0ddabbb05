/**
 * Anonymous survey responses on a team phone (issue #15): one per resident, stored in one
 * transaction before the screen thanks the resident. Only the survey's own questions are kept,
 * each with an answer of its type (1–5 or yes/no); the overall question must be answered.
 * A response is never edited: a resident's answers are theirs.
 */
import { SurveyResponseSchema, type Survey } from '../domain/community/schemas';
import type { XasoDb } from './database';
import { guardWrite, InvalidInputError } from './errors';
import type { SurveyResponseRow } from './team-rows';

export type SurveyAnswers = Record<string, number | boolean>;

export function checkAnswers(survey: Survey, answers: SurveyAnswers): SurveyAnswers {
  const kept: SurveyAnswers = {};
  for (const q of survey.questions) {
    const a = answers[q.id];
    if (a === undefined) continue;
    const ok = q.type === 'scale5' ? Number.isInteger(a) && Number(a) >= 1 && Number(a) <= 5 : typeof a === 'boolean';
    if (!ok) throw new InvalidInputError(q.id, `Invalid answer to ${q.id}.`);
    kept[q.id] = a;
  }
  for (const id of Object.keys(answers)) {
    if (!(id in kept)) throw new InvalidInputError(id, `The survey has no question ${id}.`);
  }
  if (kept[survey.overallQuestion] === undefined) {
    throw new InvalidInputError(survey.overallQuestion, 'The overall question is not answered.');
  }
  return kept;
}

export async function saveSurveyResponse(
  db: XasoDb,
  survey: Survey,
  answers: SurveyAnswers,
  now: () => number = Date.now,
): Promise<SurveyResponseRow> {
  const at = new Date(now()).toISOString();
  const response = SurveyResponseSchema.parse({
    id: crypto.randomUUID(),
    surveyId: survey.id,
    surveyVersion: survey.version,
    answeredAt: at,
    answers: checkAnswers(survey, answers),
  });
  const row: SurveyResponseRow = { ...response, syncState: 'queued', attempts: 0, nextAttemptAt: at };
  await guardWrite(db.surveyResponses.add(row));
  return row;
}
