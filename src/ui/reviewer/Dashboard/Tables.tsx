import { useLanguage, useT } from '../../../i18n';
import { levelCounts, levelShares, LEVELS } from '../chart-data';
import { formatIndex, formatShare } from '../format';
import type { LevelCount, ProvinceSummary } from '../types';
import { LayerGroupTable } from '../LayerGroupTable';
import { levelName, type Reference } from '../use-reference';

/** One row of a table of communes per level: its label, how many communes, and their share. */
export interface LevelCountRow {
  key: string | number;
  label: string;
  count: number;
  share: number;
}

/** Communes per level, with their share: the provisional levels and a criteria set's alike. */
export function LevelCountTable({ caption, rows }: { caption: string; rows: LevelCountRow[] }) {
  const t = useT('reviewer');
  const lang = useLanguage();
  return (
    <div class="rv-table-wrap">
      <table class="rv-table">
        <caption>{caption}</caption>
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
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td class="rv-num">{r.count}</td>
              <td class="rv-num">{formatShare(r.share, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Communes per maturity level: the numbers behind the level chart. */
export function LevelTable({ levels, reference }: { levels: LevelCount[]; reference: Reference | undefined }) {
  const t = useT('reviewer');
  const counts = levelCounts(levels);
  const shares = levelShares(levels);
  const rows = LEVELS.map((l, i) => ({
    key: l,
    label: `${l} · ${levelName(reference, l)}`,
    count: counts[i] ?? 0,
    share: shares[i] ?? 0,
  }));
  return <LevelCountTable caption={t('dashboard.levelsCaption')} rows={rows} />;
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
