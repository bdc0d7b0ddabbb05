/** What every team screen needs: the kinds of help and the survey (data files), the strings, the enrollment. */
import { useEffect, useState } from 'preact/hooks';
import { loadDefaultSurvey, loadSupportKinds } from '../../../data/load';
import type { Survey, SupportKindsFile } from '../../../domain/community/schemas';
import { getLanguage } from '../../../i18n';
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

export function kindLabel(kinds: readonly Kind[], id: string): string {
  const k = kinds.find((x) => x.id === id);
  if (!k) return id;
  return getLanguage() === 'en' ? k.en : k.vi;
}
