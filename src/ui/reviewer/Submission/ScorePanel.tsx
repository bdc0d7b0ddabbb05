import { useLanguage, useT } from '../../../i18n';
import type { ScoreResult } from '../../../domain/types';
import { formatIndex } from '../format';
import { layerName, levelName, scoreGroupName, type Reference } from '../use-reference';

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
      <div class="rv-table-wrap">
        <table class="rv-table">
          <caption>{t('score.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('score.part')}</th>
              <th scope="col" class="rv-num">{t('score.score')}</th>
              <th scope="col" class="rv-num">{t('score.answered')}</th>
            </tr>
          </thead>
          <tbody>
            {score.layers.map((l) => [
              <tr key={`l${l.layer}`} class="rv-layer-row">
                <th scope="row">{t('score.layer', { n: l.layer, name: layerName(reference, l.layer) })}</th>
                <td class="rv-num">{formatIndex(l.score, lang)}</td>
                <td />
              </tr>,
              ...score.groups
                .filter((g) => g.layer === l.layer)
                .map((g) => (
                  <tr key={`g${g.id}`}>
                    <th scope="row" class="rv-group-cell">
                      {scoreGroupName(reference, g.id)}
                    </th>
                    <td class="rv-num">{g.score === null ? t('score.notApplicable') : formatIndex(g.score, lang)}</td>
                    <td class="rv-num">{t('score.answeredOf', { answered: g.answered, total: g.applicable })}</td>
                  </tr>
                )),
            ])}
          </tbody>
        </table>
      </div>
    </section>
  );
}
