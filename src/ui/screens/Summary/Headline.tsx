/** Index, level, gate notices and completeness: the first thing the result says. */
import type { Gap, Methodology, ScoreResult } from '../../../domain/types';
import { formatNumber, useT } from '../../../i18n';
import { levelName } from '../../../domain/vocabulary';
import { gateNotices } from './view-model';
import { gateCappedText } from './gate-text';

interface Props {
  score: ScoreResult;
  gaps: readonly Gap[];
  methodology: Methodology;
  lang: string;
}

export function Headline({ score, gaps, methodology, lang }: Props) {
  const t = useT('summary');
  const c = score.completeness;
  const index = formatNumber(score.index, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const pct = formatNumber(c.ratio, { percent: true, maximumFractionDigits: 0 });
  return (
    <div class="headline">
      <div class="headline-score">
        <p class="index">
          <span class="index-label">{t('index.label')}</span>
          <span class="index-value">{index}</span>
          <span class="index-max">{t('index.outOf')}</span>
        </p>
        <p class="level">{t('level', { n: score.level, name: levelName(methodology, score.level, lang) })}</p>
        {!score.complete && <p class="provisional">{t('provisional.badge')}</p>}
      </div>
      {gateNotices(score, methodology, gaps, lang).map((g) => (
        <div key={g.id} class="gate-notice">
          <p>{gateCappedText(t, g)}</p>
          <p>{t('gate.indexLevel', { n: score.indexLevel, name: levelName(methodology, score.indexLevel, lang) })}</p>
          {g.codes.length > 0 && <p>{t('gate.codes', { codes: g.codes.join(', ') })}</p>}
        </div>
      ))}
      <p class="completeness">
        {t('completeness.answered', { answered: c.answered, total: c.counted, percent: pct })}{' '}
        {score.complete
          ? t('completeness.complete')
          : t('completeness.essentialMissing', { n: c.essentialTotal - c.essentialAnswered, total: c.essentialTotal })}
      </p>
    </div>
  );
}
