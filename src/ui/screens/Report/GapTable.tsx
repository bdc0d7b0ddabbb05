/** The top gaps as a compact table for the printed page. */
import type { Methodology } from '../../../domain/types';
import { formatNumber, useT } from '../../../i18n';
import type { GapRow } from '../Summary/view-model';
import { gainDigits, statusKey, statusName } from '../Summary/view-model';

interface Props {
  rows: readonly GapRow[];
  methodology: Methodology;
  lang: string;
  /** A criteria set's gaps are indicators, not components: its own words for the empty state, caption and column. */
  words?: { none: string; caption: string; item: string };
}

export function GapTable({ rows, methodology, lang, words }: Props) {
  const t = useT('summary');
  const currentText = (r: GapRow) =>
    r.earned && t('gaps.earned', { points: formatNumber(r.earned.points), max: formatNumber(r.earned.max) });
  if (rows.length === 0) return <p>{words?.none ?? t('gaps.none')}</p>;
  return (
    <table class="report-gaps">
      <caption class="visually-hidden">{words?.caption ?? t('report.gapsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('report.col.code')}</th>
          <th scope="col">{words?.item ?? t('report.col.component')}</th>
          <th scope="col">{t('report.col.current')}</th>
          <th scope="col" class="num">
            {t('report.col.gain')}
          </th>
          <th scope="col">{t('report.col.actor')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.code}>
            <th scope="row" class="code">
              {r.code}
              {r.gate && <span class="gate-mark"> {t('report.gateMark')}</span>}
            </th>
            <td lang={r.labelLang}>{r.label}</td>
            <td>{currentText(r) ?? statusName(methodology, r.status, lang) ?? t(`gaps.status.${statusKey(r.status)}`)}</td>
            <td class="num">
              +{formatNumber(r.gain, { minimumFractionDigits: gainDigits(r.gain), maximumFractionDigits: gainDigits(r.gain) })}
            </td>
            <td>{t(`gaps.actor.${r.actor}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
