import { useLanguage, useT } from '../../../i18n';
import { levelCounts, levelShares, LEVELS } from '../chart-data';
import { formatIndex, formatShare } from '../format';
import type { LevelCount, ProvinceSummary } from '../types';
import { LayerGroupTable } from '../LayerGroupTable';
import { levelName, type Reference } from '../use-reference';

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
            <th scope="col" class="rv-num">
              {t('dashboard.communes')}
            </th>
            <th scope="col" class="rv-num">
              {t('dashboard.share')}
            </th>
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
    <LayerGroupTable
      caption={t('dashboard.layersCaption')}
      columns={[t('dashboard.province'), t('dashboard.national')]}
      layers={summary.layers}
      groups={summary.groups}
      layerCells={(l) => [formatIndex(l.province, lang), formatIndex(l.national, lang)]}
      groupCells={(g) => [formatIndex(g.province, lang), formatIndex(g.national, lang)]}
      reference={reference}
    />
  );
}
