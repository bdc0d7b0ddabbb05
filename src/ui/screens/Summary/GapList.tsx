/** The prioritised gap list: what to do next, how much it adds, and who acts. */
import { useState } from 'preact/hooks';
import type { Methodology } from '../../../domain/types';
import { formatNumber, useT } from '../../../i18n';
import { Button } from '../../components/Button';
import type { GapRow } from './view-model';
import { gainDigits, statusKey, statusName } from './view-model';

/** How many gaps a summary shows before "show all". */
export const GAPS_SHOWN = 10;

interface Props {
  rows: readonly GapRow[];
  methodology: Methodology;
  lang: string;
  /** How many show before "show all"; all when undefined. */
  initial?: number;
  /** Link to a component in the checklist; none in print. */
  hrefFor?: (code: string) => string;
  /** What to say when nothing is left (a criteria set speaks of indicators, not components). */
  emptyText?: string;
}

export function GapList({ rows, methodology, lang, initial, hrefFor, emptyText }: Props) {
  const t = useT('summary');
  const currentText = (r: GapRow) =>
    r.earned && t('gaps.earned', { points: formatNumber(r.earned.points), max: formatNumber(r.earned.max) });
  const [all, setAll] = useState(false);
  if (rows.length === 0) return <p class="gap-empty">{emptyText ?? t('gaps.none')}</p>;
  const shown = all || initial === undefined ? rows : rows.slice(0, initial);
  return (
    <>
      <ol class="gap-list" id="gap-list">
        {shown.map((r) => {
          const gain = formatNumber(r.gain, {
            minimumFractionDigits: gainDigits(r.gain),
            maximumFractionDigits: gainDigits(r.gain),
          });
          return (
            <li key={r.code} class={`gap${r.gate ? ' gap--gate' : ''}`}>
              <p class="gap-title">
                {hrefFor ? (
                  <a href={hrefFor(r.code)} class="gap-code tap-link">
                    {r.code}
                  </a>
                ) : (
                  <span class="gap-code">{r.code}</span>
                )}{' '}
                <span lang={r.labelLang}>{r.label}</span>
              </p>
              <p class="gap-facts">
                <span>
                  {t('gaps.current')}{' '}
                  <strong>
                    {currentText(r) ?? statusName(methodology, r.status, lang) ?? t(`gaps.status.${statusKey(r.status)}`)}
                  </strong>
                </span>
                <span>{t('gaps.gain', { gain })}</span>
                <span class={`actor actor--${r.actor}`}>{t(`gaps.actor.${r.actor}`)}</span>
                {r.gate && <span class="gate-flag">{t('gaps.gate')}</span>}
              </p>
            </li>
          );
        })}
      </ol>
      {initial !== undefined && rows.length > initial && (
        <Button aria-controls="gap-list" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('gaps.showFewer', { n: initial }) : t('gaps.showAll', { n: rows.length })}
        </Button>
      )}
    </>
  );
}
