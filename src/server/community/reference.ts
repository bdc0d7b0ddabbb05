/**
 * The community-team data the server checks entries and responses against (issue #15): every
 * support-kinds file and every survey under data/community, read and validated once at start.
 * Kinds of every version are accepted, so a phone still on last year's list is not refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SupportKindsFileSchema, SurveySchema, type Survey } from '../../domain/community/schemas';
import { DEFAULT_DATA_DIR } from '../reference-data';

export interface CommunityReference {
  kindIds: readonly string[];
  /** By "id@version". */
  surveys: ReadonlyMap<string, Survey>;
}

export const surveyKey = (id: string, version: string): string => `${id}@${version}`;

let loaded: CommunityReference | undefined;

export function communityReference(dataDir: string = DEFAULT_DATA_DIR): CommunityReference {
  if (loaded && dataDir === DEFAULT_DATA_DIR) return loaded;
  const dir = path.join(dataDir, 'community');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
  const read = (f: string): unknown => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  const kindIds = new Set<string>();
  const surveys = new Map<string, Survey>();
  for (const f of files) {
    if (f.startsWith('support-kinds-')) for (const k of SupportKindsFileSchema.parse(read(f)).kinds) kindIds.add(k.id);
    else if (f.startsWith('survey-')) {
      const survey = SurveySchema.parse(read(f));
      surveys.set(surveyKey(survey.id, survey.version), survey);
    }
  }
  const reference = { kindIds: [...kindIds], surveys };
  if (dataDir === DEFAULT_DATA_DIR) loaded = reference;
  return reference;
}
