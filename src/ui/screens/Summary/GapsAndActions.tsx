/**
 * The end of a summary, whatever the scoring: the prioritised gaps (each linking to its card), then
 * the way on to the report and back to the checklist. The provisional and a criteria set's summary share it.
 */
import type { Methodology } from '../../../domain/types';
import { useT } from '../../../i18n';
import { LinkButton } from '../../components/Button';
import { paths } from '../../router';
import { GAPS_SHOWN, GapList } from './GapList';
import type { GapRow } from './view-model';

interface Props {
  assessmentId: string;
  rows: GapRow[];
  methodology: Methodology;
  lang: string;
  /** The words under the gaps' heading: how the gain is counted. */
  hint: string;
  /** The label of the way back to the checklist. */
  toChecklist: string;
  /** What to say when nothing is left (default: the provisional method's words). */
  emptyText?: string;
}

export function GapsAndActions({ assessmentId, rows, methodology, lang, hint, toChecklist, emptyText }: Props) {
  const t = useT('summary');
  return (
    <>
      <section aria-labelledby="sum-gaps">
        <h2 id="sum-gaps">{t('gaps.title')}</h2>
        <p class="section-hint">{hint}</p>
        <GapList
          rows={rows}
          methodology={methodology}
          lang={lang}
          initial={GAPS_SHOWN}
          emptyText={emptyText}
          hrefFor={(code) => `#${paths.checklist(assessmentId)}?code=${encodeURIComponent(code)}`}
        />
      </section>
      <p class="summary-actions">
        <LinkButton variant="primary" href={`#${paths.report(assessmentId)}`}>
          {t('toReport')}
        </LinkButton>
        <LinkButton href={`#${paths.checklist(assessmentId)}`}>{toChecklist}</LinkButton>
      </p>
    </>
  );
}
