/**
 * The key to the status numbers, once at the top of each group: the cards show 0–3 as numbers
 * only, so that the whole choice fits on one row (issue #10 item 5).
 */
import type { Methodology } from '../../../domain/types';
import { useT } from '../../../i18n';
import { scaleLabel } from './view-model';

export function ScaleKey({ methodology, lang }: { methodology: Methodology; lang: string }) {
  const t = useT('assess');
  return (
    <p class="scale-key">
      <span class="scale-key__title">{t('checklist.scaleKey')}</span>{' '}
      {methodology.statusScale.map((d, i) => (
        <span key={d.value} class="scale-key__item">
          {i > 0 && ' · '}
          <b>{d.value}</b> {scaleLabel(d.value, methodology, lang)}
        </span>
      ))}
    </p>
  );
}
