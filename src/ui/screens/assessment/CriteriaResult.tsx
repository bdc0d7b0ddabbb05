/**
 * The result under a criteria set (Summary and Report): the total in points, the level, a gate
 * that caps it, and the points of each group (earned / maximum). The provisional method's result
 * keeps its own screens; this is shown instead for an assessment that names a set.
 */
import type { CriteriaScore } from '../../../domain/criteria/score';
import type { CriteriaSet } from '../../../domain/criteria/schema';
import { formatNumber, useT } from '../../../i18n';
import { criteriaGroupLines } from './criteria-result';
import './criteria-result.css';

interface Props {
  set: CriteriaSet;
  score: CriteriaScore;
  lang: string;
}

export function CriteriaResult({ set, score, lang }: Props) {
  const t = useT('criteria');
  const text = (x: { vi: string; en: string }) => (lang === 'en' ? x.en : x.vi);
  const num = (n: number) => formatNumber(n, { maximumFractionDigits: set.total.decimals }, lang);
  const levelOf = (n: number) => set.levels.find((l) => l.level === n);
  const level = levelOf(score.level);
  const indexLevel = levelOf(score.indexLevel);
  const gates = set.gates.filter((g) => score.gatesApplied.includes(g.id));
  return (
    <>
      <div class="criteria-headline">
        <p class="criteria-total">
          <span class="criteria-total__label">{t('result.total')}</span>{' '}
          <span class="criteria-total__num">{num(score.total)}</span>
          <span class="criteria-total__max">/{num(score.max)}</span> {t('result.points')}
        </p>
        <p class="criteria-level">
          {t('result.level', { n: score.level, name: level ? text(level) : '' })}
          {!score.complete && <span class="criteria-provisional"> · {t('result.provisional')}</span>}
        </p>
        {gates.map((g) => (
          <p key={g.id} class="criteria-gate">
            {text(g)} {indexLevel && t('result.indexLevel', { n: score.indexLevel, name: text(indexLevel) })}
          </p>
        ))}
        <p class="criteria-complete">
          {score.complete
            ? t('result.complete')
            : t('result.missing', {
                n: score.completeness.requiredTotal - score.completeness.requiredAnswered,
                total: score.completeness.requiredTotal,
              })}
        </p>
      </div>
      <table class="score-table criteria-table">
        <caption>{t('result.caption', { max: num(score.max) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('result.group')}</th>
            <th scope="col" class="num">
              {t('result.groupPoints')}
            </th>
            <th scope="col" class="num">
              {t('result.answered')}
            </th>
          </tr>
        </thead>
        <tbody>
          {criteriaGroupLines(set, score).map((g) => (
            <tr key={g.id} class="score-group" data-group={g.id}>
              <th scope="row" style={g.depth > 0 ? { paddingLeft: `${g.depth}rem` } : undefined}>
                {text(g.name)}
              </th>
              <td class="num">{g.points === null ? t('result.notCounted') : `${num(g.points)}/${num(g.max)}`}</td>
              <td class="num">{`${g.answered}/${g.counted}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
