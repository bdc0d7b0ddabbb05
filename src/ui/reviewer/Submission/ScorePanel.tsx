import { useLanguage, useT } from '../../../i18n';
import type { ScoreResult } from '../../../domain/types';
import { formatIndex } from '../format';
import { LayerGroupTable } from '../LayerGroupTable';
import { CriteriaPanel } from './CriteriaPanel';
import { levelName, type Reference } from '../use-reference';

/** The server's score: index, level (and the gate that capped it), completeness, layer/group table. */
export function ScorePanel({ score, reference }: { score: ScoreResult; reference: Reference | undefined }) {
  const t = useT('reviewer');
  const lang = useLanguage();
  const c = score.completeness;
  return (
    <section class="rv-sub__score" aria-labelledby="rv-score-title">
      <h2 id="rv-score-title">{t('score.title')}</h2>
      <div class="rv-sub__headline">
        <p>
          <span class="rv-sub__big">{formatIndex(score.index, lang)}</span>
          <span class="muted">{t('score.outOf')}</span>
          <span class="rv-sub__label">{t('columns.index')}</span>
        </p>
        <p>
          <span class="rv-sub__big">{score.level}</span>
          <span class="rv-sub__label">{t('score.level', { name: levelName(reference, score.level) })}</span>
        </p>
      </div>
      {score.gatesApplied.length > 0 && (
        <div class="rv-sub__gate">
          <p>{t('score.capped', { level: score.indexLevel, name: levelName(reference, score.indexLevel) })}</p>
          {score.gatesApplied.map((id) => {
            const gate = reference?.methodology.gates.find((g) => g.id === id);
            return gate && <p key={id}>{reference?.lang === 'vi' ? gate.vi : gate.en}</p>;
          })}
        </div>
      )}
      <p class="muted">
        {t('score.completeness', {
          answered: c.answered,
          counted: c.counted,
          essentialAnswered: c.essentialAnswered,
          essentialTotal: c.essentialTotal,
        })}
      </p>
      <LayerGroupTable
        caption={t('score.caption')}
        columns={[t('score.score'), t('score.answered')]}
        layers={score.layers}
        groups={score.groups}
        layerCells={(l) => [formatIndex(l.score, lang), null]}
        groupCells={(g) => [
          g.score === null ? t('score.notApplicable') : formatIndex(g.score, lang),
          t('score.answeredOf', { answered: g.answered, total: g.applicable }),
        ]}
        reference={reference}
      />
      {score.criteria && <CriteriaPanel criteria={score.criteria} />}
    </section>
  );
}
