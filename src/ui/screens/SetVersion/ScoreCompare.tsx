/** The score under the version the draft is on and under the newer one, side by side (computed offline). */
import type { CriteriaScore } from '../../../domain/criteria/score';
import type { CriteriaSet } from '../../../domain/criteria/schema';
import { formatNumber, useLanguage, useT } from '../../../i18n';

interface Props {
  from: CriteriaSet;
  to: CriteriaSet;
  before: CriteriaScore;
  after: CriteriaScore;
}

export function ScoreCompare({ from, to, before, after }: Props) {
  const t = useT('criteria');
  const lang = useLanguage();
  const num = (n: number, decimals: number) => formatNumber(n, { maximumFractionDigits: decimals }, lang);
  const row = (set: CriteriaSet, score: CriteriaScore, label: string) => {
    const level = set.levels.find((l) => l.level === score.level);
    return (
      <tr>
        <th scope="row">{label}</th>
        <td>{t('version.points', { total: num(score.total, set.total.decimals), max: num(score.max, 0) })}</td>
        <td>{level ? t('result.level', { n: score.level, name: lang === 'en' ? level.en : level.vi }) : '—'}</td>
        <td>
          {t('version.required', { answered: score.completeness.requiredAnswered, total: score.completeness.requiredTotal })}
        </td>
      </tr>
    );
  };
  return (
    <table>
      <caption class="visually-hidden">{t('version.scoreHeading')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('version.colVersion')}</th>
          <th scope="col">{t('version.colTotal')}</th>
          <th scope="col">{t('version.colLevel')}</th>
          <th scope="col">{t('version.colRequired')}</th>
        </tr>
      </thead>
      <tbody>
        {row(from, before, t('version.current', { version: from.version }))}
        {row(to, after, t('version.newer', { version: to.version }))}
      </tbody>
    </table>
  );
}
