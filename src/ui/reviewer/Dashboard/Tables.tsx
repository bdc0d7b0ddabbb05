import { useLanguage, useT } from '../../../i18n';
import { levelCounts, levelShares, LEVELS } from '../chart-data';
import { formatIndex, formatShare } from '../format';
import type { LevelCount, ProvinceSummary } from '../types';
import { layerName, levelName, scoreGroupName, type Reference } from '../use-reference';

/** Communes per maturity level: the numbers behind the level chart. */
export function LevelTable({ levels, reference }: { levels: LevelCount[]; reference: Reference | undefined }) {
  const t = useT('reviewer');
  const lang = useLanguage();
  const counts = levelCounts(levels);
  const shares = levelShares(levels);
  return (
    <div class="rv-table-wrap">
      <table class="rv-table">
        <caption>{t('dashboard.levelsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columns.level')}</th>
            <th scope="col" class="rv-num">{t('dashboard.communes')}</th>
            <th scope="col" class="rv-num">{t('dashboard.share')}</th>
          </tr>
        </thead>
        <tbody>
          {LEVELS.map((l, i) => (
            <tr key={l}>
              <th scope="row">
                {l} · {levelName(reference, l)}
              </th>
              <td class="rv-num">{counts[i]}</td>
              <td class="rv-num">{formatShare(shares[i] ?? 0, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Province vs national averages per layer and score group. */
export function LayerTable({ summary, reference }: { summary: ProvinceSummary; reference: Reference | undefined }) {
  const t = useT('reviewer');
  const lang = useLanguage();
  return (
    <div class="rv-table-wrap">
      <table class="rv-table">
        <caption>{t('dashboard.layersCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('score.part')}</th>
            <th scope="col" class="rv-num">{t('dashboard.province')}</th>
            <th scope="col" class="rv-num">{t('dashboard.national')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.layers.map((l) => [
            <tr key={`l${l.layer}`} class="rv-layer-row">
              <th scope="row">{t('score.layer', { n: l.layer, name: layerName(reference, l.layer) })}</th>
              <td class="rv-num">{formatIndex(l.province, lang)}</td>
              <td class="rv-num">{formatIndex(l.national, lang)}</td>
            </tr>,
            ...summary.groups
              .filter((g) => g.layer === l.layer)
              .map((g) => (
                <tr key={`g${g.id}`}>
                  <th scope="row" class="rv-group-cell">
                    {scoreGroupName(reference, g.id)}
                  </th>
                  <td class="rv-num">{formatIndex(g.province, lang)}</td>
                  <td class="rv-num">{formatIndex(g.national, lang)}</td>
                </tr>
              )),
          ])}
        </tbody>
      </table>
    </div>
  );
}
