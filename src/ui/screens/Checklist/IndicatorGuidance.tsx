/**
 * "Hướng dẫn và tài liệu kiểm chứng" on an indicator card: the component card's GuidanceDisclosure
 * (one button, aria-expanded, the panel rendered only while open) with what the indicator means, for
 * a status what each level looks like (the chosen one marked), and after them the evidence that
 * proves it, where the data comes from and who verifies it — all from the set's data. Text the set
 * has only in Vietnamese is marked lang="vi" in the English UI.
 */
import type { ComponentChildren } from 'preact';
import { guidanceText } from '../../../domain/guidance';
import type { CriteriaIndicator } from '../../../domain/criteria/schema';
import { useT } from '../../../i18n';
import { GuidanceDisclosure, disclosureLevels } from './GuidanceDisclosure';

type Text = { vi: string; en?: string | undefined };

function Said({ text, lang }: { text: Text; lang: string }) {
  const said = guidanceText(text, lang);
  return <span lang={said.lang}>{said.text}</span>;
}

function Evidence({ evidence, lang }: { evidence: NonNullable<CriteriaIndicator['evidence']>; lang: string }) {
  const t = useT('criteria');
  return (
    <>
      <p class="guidance-panel__title">{t(evidence.required ? 'card.evidenceRequired' : 'card.evidence')}</p>
      <ul class="ind-guide__evidence">
        {evidence.items.map((item, i) => (
          <li key={i}>
            <Said text={item} lang={lang} />
          </li>
        ))}
      </ul>
      {evidence.source && (
        <p class="guidance-panel__text">
          {t('card.source')} <Said text={evidence.source} lang={lang} />
        </p>
      )}
      {evidence.verifiedBy && (
        <p class="guidance-panel__text">
          {t('card.verifiedBy')} <Said text={evidence.verifiedBy} lang={lang} />
        </p>
      )}
    </>
  );
}

interface Props {
  idBase: string;
  indicator: CriteriaIndicator;
  lang: string;
  /** Status labels 0–3 in the UI language, for the levels. */
  levelLabel: (value: number) => string;
  /** The status chosen (a status input), marked among the levels. */
  current?: number | null | undefined;
  /** What follows the button on its line (the card's "Minh chứng" button). */
  trail?: ComponentChildren;
}

export function IndicatorGuidance({ idBase, indicator, lang, levelLabel, current, trail }: Props) {
  const t = useT('criteria');
  const { guidance, evidence } = indicator;
  if (!guidance && !evidence) return trail ? <p class="guidance-row ind-guide">{trail}</p> : null;
  return (
    <GuidanceDisclosure
      idBase={idBase}
      label={t('card.guidance')}
      rowClass="ind-guide"
      explanation={guidance && guidanceText(guidance, lang)}
      levels={guidance?.levels && disclosureLevels(guidance.levels, lang, levelLabel)}
      current={current}
      extra={evidence && <Evidence evidence={evidence} lang={lang} />}
      trail={trail}
    />
  );
}
