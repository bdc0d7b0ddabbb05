/**
 * "Hướng dẫn và tài liệu kiểm chứng" on an indicator card: one tap opens what the indicator means
 * (and, for a status, what each level looks like), the evidence that proves it, where the data
 * comes from and who verifies it — all from the set's data. A button with aria-expanded, as the
 * component card's guidance disclosure is; the panel is rendered only while open, so the card
 * stays compact. Text the set has only in Vietnamese is marked lang="vi" in the English UI.
 */
import { useState } from 'preact/hooks';
import type { CriteriaIndicator } from '../../../domain/criteria/schema';
import { useT } from '../../../i18n';

type Text = { vi: string; en?: string | undefined };

function Said({ text, lang, as: Tag = 'span' }: { text: Text; lang: string; as?: 'span' | 'p' }) {
  const en = lang === 'en' && text.en !== undefined;
  return <Tag lang={en ? 'en' : 'vi'}>{en ? text.en : text.vi}</Tag>;
}

interface Props {
  idBase: string;
  indicator: CriteriaIndicator;
  lang: string;
  /** Status labels 0–3 in the UI language, for the levels. */
  levelLabel: (value: number) => string;
}

export function IndicatorGuidance({ idBase, indicator, lang, levelLabel }: Props) {
  const t = useT('criteria');
  const [open, setOpen] = useState(false);
  const { guidance, evidence } = indicator;
  if (!guidance && !evidence) return null;
  const panelId = `${idBase}-guide`;
  return (
    <div class="ind-guide">
      <button
        type="button"
        class="btn btn--quiet ind-guide__toggle"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen(!open)}
      >
        {t('card.guidance')}
        <span aria-hidden="true">{open ? ' ▴' : ' ▾'}</span>
      </button>
      {open && (
        <div id={panelId} class="ind-guide__panel">
          {guidance && <Said as="p" text={guidance} lang={lang} />}
          {guidance?.levels && (
            <ul class="ind-guide__levels">
              {guidance.levels.map((text, value) => (
                <li key={value}>
                  <strong>
                    {value} – {levelLabel(value)}:
                  </strong>{' '}
                  <span lang="vi">{text}</span>
                </li>
              ))}
            </ul>
          )}
          {evidence && (
            <>
              <p class="ind-guide__title">{t(evidence.required ? 'card.evidenceRequired' : 'card.evidence')}</p>
              <ul>
                {evidence.items.map((item, i) => (
                  <li key={i}>
                    <Said text={item} lang={lang} />
                  </li>
                ))}
              </ul>
              {evidence.source && (
                <p>
                  {t('card.source')} <Said text={evidence.source} lang={lang} />
                </p>
              )}
              {evidence.verifiedBy && (
                <p>
                  {t('card.verifiedBy')} <Said text={evidence.verifiedBy} lang={lang} />
                </p>
              )}
            </>
          )}
        </div>
      )}
    </div>
  );
}
