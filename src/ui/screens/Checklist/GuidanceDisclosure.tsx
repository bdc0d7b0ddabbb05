/**
 * "Hướng dẫn" on a card (issue #11 item 4): a button (aria-expanded) that shows what the item
 * means and what each status level looks like for it, the chosen level marked. Closed by default
 * so the compact card stays compact; the panel is rendered only while open. Takes plain texts, so
 * a component card and a criteria-set indicator card can both use it.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useT } from '../../../i18n';
import type { GuidanceLevel } from './guidance-levels';
import './guidance.css';

export { disclosureLevels, type GuidanceLevel } from './guidance-levels';

interface Props {
  /** Unique per card: the panel's id derives from it. */
  idBase: string;
  /** The button's words; "Hướng dẫn" unless the card says more (an indicator: "…và tài liệu kiểm chứng"). */
  label?: string | undefined;
  /** What the item means; an indicator with evidence but no explanation has none. */
  explanation?: { text: string; lang: string } | undefined;
  levels?: readonly GuidanceLevel[] | undefined;
  /** The chosen level's value, marked in the list; null or undefined when none is chosen. */
  current?: number | null | undefined;
  /** Phrasing content the button follows on its line (the card's tier and actor words). */
  lead?: ComponentChildren;
  /** Class of that line (the card's own `card-meta`). */
  rowClass?: string;
  /** More of the panel after the levels (an indicator's evidence, its source and who verifies it). */
  extra?: ComponentChildren;
  /** What follows the button on its line (the card's "Minh chứng" button). */
  trail?: ComponentChildren;
}

export function GuidanceDisclosure({ idBase, label, explanation, levels, current, lead, rowClass, extra, trail }: Props) {
  const t = useT('assess');
  const [open, setOpen] = useState(false);
  const panelId = `${idBase}-guidance`;
  return (
    <>
      {/* The button flows at the end of the line's words, so it takes no line of its own. */}
      <p class={`guidance-row${rowClass ? ` ${rowClass}` : ''}`}>
        {lead}{' '}
        <button
          type="button"
          class="btn btn--quiet guidance-toggle"
          aria-expanded={open}
          aria-controls={open ? panelId : undefined}
          onClick={() => setOpen(!open)}
        >
          {label ?? t('checklist.guidance.button')}
          <span class="guidance-toggle__mark" aria-hidden="true">
            {open ? '▴' : '▾'}
          </span>
        </button>
        {trail}
      </p>
      {open && (
        <div id={panelId} class="guidance-panel">
          {explanation && (
            <p class="guidance-panel__text" lang={explanation.lang}>
              {explanation.text}
            </p>
          )}
          {levels && levels.length > 0 && (
            <>
              <p class="guidance-panel__title" id={`${panelId}-levels`}>
                {t('checklist.guidance.levels')}
              </p>
              <ul class="guidance-levels" aria-labelledby={`${panelId}-levels`}>
                {levels.map((l) => {
                  const chosen = l.value === current;
                  return (
                    <li key={l.value} class={`guidance-level${chosen ? ' is-current' : ''}`} aria-current={chosen || undefined}>
                      <span class="guidance-level__label">
                        {l.value} – {l.label}
                        {chosen && <span class="guidance-level__chosen"> ({t('checklist.guidance.current')})</span>}
                      </span>{' '}
                      <span lang={l.lang}>{l.text}</span>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
          {extra}
        </div>
      )}
    </>
  );
}
