/**
 * A team phone's survey (issue #15): GET /team/survey with the team token answers the survey its
 * members run — the province's own when its published criteria set carries one, else the default —
 * with an ETag. The phone sends the stored ETag back (If-None-Match); 304 keeps what it holds.
 * The answer is checked with SurveySchema before it is stored (setting `teamSurvey`): a bad body
 * is logged and ignored, the stored survey kept. No answer, a 5xx or a refusal keeps it too; the
 * triggers (triggers.ts) ask again at a later trigger, after a backoff. An officer's phone, or one
 * not enrolled, asks nothing.
 * Responses already saved keep the survey id and version they were answered on.
 */
import { getDb, type XasoDb } from '../db/database';
import { getSetting, setSetting, type TeamSurveySetting } from '../db/settings';
import { SurveySchema, type Survey } from '../domain/community/schemas';
import { getEnrollment, isTeamPhone } from './enrollment';
import { apiRequest, type FetchLike } from './http';

export interface TeamSurveyPullOptions {
  db?: XasoDb;
  fetch?: FetchLike;
  now?: () => number;
  timeoutMs?: number;
}

export type TeamSurveyPull =
  /** Not a team phone (or not enrolled): nothing was asked. */
  | { outcome: 'not-asked' }
  /** A new survey (or a new ETag) is stored. */
  | { outcome: 'stored'; survey: Survey }
  /** 304: the stored survey is current. */
  | { outcome: 'unchanged' }
  /** The server's answer was not a survey: logged, the stored one kept. */
  | { outcome: 'invalid' }
  /** No answer, a 5xx, a refusal: the stored one kept; ask again later. */
  | { outcome: 'failed'; message: string };

/**
 * SurveySchema checks each field; a survey the screen can run also has distinct question ids and
 * an overall question among them on the 1–5 scale (the tallies' satisfaction rests on it).
 */
export function isRunnable(survey: Survey): boolean {
  const ids = survey.questions.map((q) => q.id);
  const overall = survey.questions.find((q) => q.id === survey.overallQuestion);
  return new Set(ids).size === ids.length && overall?.type === 'scale5';
}

/** The stored survey when it was given to this phone's commune; undefined otherwise. */
export async function storedTeamSurvey(db: XasoDb = getDb()): Promise<TeamSurveySetting | undefined> {
  const [stored, enrollment] = await Promise.all([getSetting('teamSurvey', db), getEnrollment(db)]);
  return stored && enrollment && stored.communeCode === enrollment.communeCode ? stored : undefined;
}

export async function pullTeamSurvey(opts: TeamSurveyPullOptions = {}): Promise<TeamSurveyPull> {
  const db = opts.db ?? getDb();
  const enrollment = await getEnrollment(db);
  if (!enrollment || !isTeamPhone(enrollment)) return { outcome: 'not-asked' };
  const stored = await storedTeamSurvey(db);
  const got = await apiRequest({
    method: 'GET',
    path: '/team/survey',
    token: enrollment.deviceToken,
    fetch: opts.fetch,
    timeoutMs: opts.timeoutMs,
    ...(stored?.etag ? { ifNoneMatch: stored.etag } : {}),
  });
  if (got.kind !== 'ok') return { outcome: 'failed', message: got.message };
  if (got.status === 304) return { outcome: 'unchanged' };
  const parsed = SurveySchema.safeParse((got.body as { survey?: unknown }).survey);
  if (!parsed.success || !isRunnable(parsed.data)) {
    const why = parsed.success ? 'no distinct questions or no 1–5 overall question' : parsed.error;
    console.warn('[xaso] team survey: the server sent a survey this phone cannot run; keeping the stored one', why);
    return { outcome: 'invalid' };
  }
  const value: TeamSurveySetting = {
    survey: parsed.data,
    communeCode: enrollment.communeCode,
    fetchedAt: new Date((opts.now ?? Date.now)()).toISOString(),
    ...(got.etag ? { etag: got.etag } : {}),
  };
  await setSetting('teamSurvey', value, db);
  return { outcome: 'stored', survey: parsed.data };
}
