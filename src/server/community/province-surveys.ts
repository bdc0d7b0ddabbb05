/**
 * The satisfaction surveys a province publishes with its criteria sets (issue #15): what its team
 * phones are given to run, and what their responses are checked against. One indexed query
 * (criteria_sets_province_idx) lists the province's published rows, newest first; each row's set is
 * parsed once per process by the criteria-set store, since a published row never changes. Nothing
 * else is kept in memory, so an instance sees a set another instance published at once, and a
 * draft's survey is never among them.
 */
import type { Kysely } from 'kysely';
import type { Survey } from '../../domain/community/schemas';
import { DEFAULT_SURVEY_ID } from '../../domain/criteria';
import type { Database } from '../db/schema';
import { findCriteriaSet } from '../repositories/criteria-sets';
import type { CriteriaSetStore } from '../services/criteria-set-store';
import { surveyKey, type CommunityReference } from './reference';

interface Deps {
  db: Kysely<Database>;
  criteriaSets: CriteriaSetStore;
}

/** The surveys of the province's published sets, by "id@version"; the most recently published first. */
export async function publishedSurveys(deps: Deps, provinceCode: string): Promise<Map<string, Survey>> {
  const rows = await deps.db
    .selectFrom('criteria_sets')
    .select('id')
    .where('province_code', '=', provinceCode)
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const surveys = new Map<string, Survey>();
  for (const { id } of rows) {
    let held = deps.criteriaSets.cachedRow(id);
    if (!held) {
      const row = await findCriteriaSet(deps.db, id);
      if (row?.status !== 'published') continue;
      held = deps.criteriaSets.remember(row);
    }
    const survey = held.set.survey;
    // Two sets carrying the same id@version: the newer one's questions are the ones asked.
    if (survey && !surveys.has(surveyKey(survey.id, survey.version))) surveys.set(surveyKey(survey.id, survey.version), survey);
  }
  return surveys;
}

/**
 * A set's survey clashes when the province already published another survey under the same
 * id@version with other questions: responses name only id@version, so the two could not be told
 * apart, and the tally would mix answers to different questions.
 */
export async function surveyClash(deps: Deps, provinceCode: string, survey: Survey | undefined): Promise<boolean> {
  if (!survey) return false;
  const held = (await publishedSurveys(deps, provinceCode)).get(surveyKey(survey.id, survey.version));
  return held !== undefined && JSON.stringify(held) !== JSON.stringify(survey);
}

const versionParts = (v: string) => v.split('.').map(Number);
const newerVersion = (a: string, b: string): boolean => {
  const [ay = 0, an = 0] = versionParts(a);
  const [by = 0, bn = 0] = versionParts(b);
  return ay !== by ? ay > by : an > bn;
};

/** The bundled default survey (data/community/survey-default-*.json), its newest version. */
export function defaultSurvey(reference: CommunityReference): Survey {
  let newest: Survey | undefined;
  for (const survey of reference.surveys.values())
    if (survey.id === DEFAULT_SURVEY_ID && (!newest || newerVersion(survey.version, newest.version))) newest = survey;
  if (!newest) throw new Error(`data/community holds no ${DEFAULT_SURVEY_ID} survey`);
  return newest;
}

/** The survey a team phone of the province runs: its newest published set's, else the default. */
export async function surveyForProvince(deps: Deps, reference: CommunityReference, provinceCode: string): Promise<Survey> {
  const surveys = await publishedSurveys(deps, provinceCode);
  return surveys.values().next().value ?? defaultSurvey(reference);
}
