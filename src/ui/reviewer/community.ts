/** A commune's community-team tally (issue #15) as lines for the reviewer's commune list. */
import { formatNumber, type TFn } from '../../i18n';
import { formatShare } from './format';
import type { CommuneRow } from './types';

export type CommunityTallyView = NonNullable<CommuneRow['community']>;

/**
 * Residents helped, sessions, survey responses, then satisfaction: the mean on 1–5 and the share
 * satisfied with the n they rest on, or "too few to report" when the server withheld it (under 5
 * responses). Empty when the commune's teams sent nothing this year (the cell shows "—").
 */
export function communityLines(c: CommuneRow['community'], t: TFn, lang: string): string[] {
  if (!c) return [];
  const n = (v: number) => formatNumber(v, { maximumFractionDigits: 0 }, lang);
  const s = c.satisfaction;
  const satisfaction =
    'tooFew' in s || s.mean === null || s.shareSatisfied === null
      ? t('community.tooFew')
      : t('community.satisfaction', {
          mean: formatNumber(s.mean, { maximumFractionDigits: 1, minimumFractionDigits: 1 }, lang),
          share: formatShare(s.shareSatisfied, lang),
          n: n(s.n),
        });
  return [
    t('community.residents', { n: n(c.residentsHelped) }),
    t('community.sessions', { n: n(c.sessions) }),
    t('community.responses', { n: n(c.responses) }),
    satisfaction,
  ];
}
