/**
 * The key to the status numbers, once at the top of each group: the cards show 0–3 as numbers
 * only, so that the whole choice fits on one row (issue #10 item 5). The short Vietnamese labels of
 * 1 and 2 get what the English ones say in full ("approved plan or budget", "partly working"),
 * so that both languages carry one meaning (issue #11 item 4); English needs no qualifier.
 */
import type { Methodology } from '../../../domain/types';
import { useT } from '../../../i18n';
import { scaleLabel } from './view-model';

export function ScaleKey({ methodology, lang }: { methodology: Methodology; lang: string }) {
  const t = useT('assess');
  const qualifier = (v: number) => (v === 1 || v === 2 ? t(`checklist.scaleQualifier.${v}`) : '');
  return (
    <p class="scale-key">
      <span class="scale-key__title">{t('checklist.scaleKey')}</span>{' '}
      {methodology.statusScale.map((d, i) => (
        <span key={d.value} class="scale-key__item">
          {i > 0 && ' · '}
          <b>{d.value}</b> {scaleLabel(d.value, methodology, lang)}
          {qualifier(d.value) && ` (${qualifier(d.value)})`}
        </span>
      ))}
    </p>
  );
}
