/**
 * What every team screen needs: the kinds of help and the default survey (data files), the
 * strings, and the survey its server gave this phone (issue #15 item 3), when it holds one.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { loadDefaultSurvey, loadSupportKinds } from '../../../data/load';
import { SurveySchema, type Survey, type SupportKindsFile } from '../../../domain/community/schemas';
import { getLanguage } from '../../../i18n';
import { isRunnable, storedTeamSurvey } from '../../../sync/team-survey';
import { useLive } from '../../sync/use-live';
import { ensureTeamStrings } from './strings';

export type Kind = SupportKindsFile['kinds'][number];

export interface TeamData {
  kinds: readonly Kind[];
  kindIds: readonly string[];
  survey: Survey;
}

/** undefined while loading; 'failed' when a chunk could not be fetched. */
export function useTeamData(): TeamData | 'failed' | undefined {
  const [data, setData] = useState<TeamData | 'failed'>();
  useEffect(() => {
    let alive = true;
    Promise.all([loadSupportKinds(), loadDefaultSurvey(), ensureTeamStrings()]).then(
      ([file, survey]) => alive && setData({ kinds: file.kinds, kindIds: file.kinds.map((k) => k.id), survey }),
      () => alive && setData('failed'),
    );
    return () => {
      alive = false;
    };
  }, []);
  return data;
}

/**
 * The survey to run: the one the server gave this phone's commune, else the bundled default
 * (`fallback`). Live: a survey that comes down while a screen is open replaces it there (the
 * survey screen keeps a response begun on the old one, Survey.tsx). undefined while reading.
 * The stored row is checked again: one written by an older or broken build is not run.
 */
export function useTeamSurvey(fallback: Survey | undefined): Survey | undefined {
  const stored = useLive(async () => (await storedTeamSurvey()) ?? null, []);
  return useMemo(() => {
    if (stored === undefined || !fallback) return undefined;
    const parsed = stored && SurveySchema.safeParse(stored.survey);
    return parsed && parsed.success && isRunnable(parsed.data) ? parsed.data : fallback;
  }, [stored, fallback]);
}

export function kindLabel(kinds: readonly Kind[], id: string): string {
  const k = kinds.find((x) => x.id === id);
  if (!k) return id;
  return getLanguage() === 'en' ? k.en : k.vi;
}
