/** The radar's input and spoken description for a result: shared by the summary and the printed report. */
import { useMemo } from 'preact/hooks';
import type { Methodology, ScoreResult } from '../../../domain/types';
import { formatNumber, localeOf, useT } from '../../../i18n';
import type { RadarInput } from '../../charts/radar';
import { wrapLabel } from '../../charts/wrap-label';
import { radarSeries } from './view-model';

export function useRadar(score: ScoreResult, m: Methodology, lang: string): { input: RadarInput; ariaLabel: string } {
  const t = useT('summary');
  const series = useMemo(() => radarSeries(score, m, lang), [score, m, lang]);
  const input = useMemo(
    () => ({
      labels: series.labels.map((l) => wrapLabel(l, 14)),
      values: series.values,
      seriesLabel: t('radar.series'),
      locale: localeOf(lang),
    }),
    [series, lang, t],
  );
  const ariaLabel = t('radar.aria', {
    values: series.labels.map((l, i) => `${l} ${formatNumber(series.values[i] ?? 0)}`).join('; '),
  });
  return { input, ariaLabel };
}
