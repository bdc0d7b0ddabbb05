/**
 * The body of a measured indicator's card (issue #15): no input, the figure this phone computed
 * from its synced community tally (and population), labelled provisional, or why there is none.
 */
import type { MeasuredInputs, MeasuredMetric } from '../../../domain/criteria/measured';
import { formatNumber, useT } from '../../../i18n';
import { LinkButton } from '../../components/Button';
import { measuredDecimals, measuredLine } from './measured-view';

export interface MeasuredInputProps {
  idBase: string;
  metric: MeasuredMetric;
  /** undefined while the phone's figures are being read. */
  measured: { year: number; inputs: MeasuredInputs } | undefined;
  lang: string;
}

export function MeasuredInput({ idBase, metric, measured, lang }: MeasuredInputProps) {
  const t = useT('criteria');
  if (!measured) return null;
  const line = measuredLine(metric, measured.inputs);
  const d = measuredDecimals(metric);
  return (
    <section class="card-measured" aria-labelledby={`${idBase}-measured-input`} data-measured-input={metric}>
      <p class="card-measured__label" id={`${idBase}-measured-input`}>
        {t('measuredInput.label')}
      </p>
      <p class="ind-measured-value">
        {line.ok
          ? t(`measuredInput.${metric}`, {
              value: formatNumber(line.value, { maximumFractionDigits: d, minimumFractionDigits: d }, lang),
            })
          : t(`measuredInput.${line.reason}`)}
      </p>
      {!line.ok && line.reason === 'population-missing' && (
        <LinkButton href="#/settings?focus=population">{t('measuredInput.enterPopulation')}</LinkButton>
      )}
      <p class="field-hint">{t('measuredInput.note', { year: measured.year })}</p>
    </section>
  );
}
