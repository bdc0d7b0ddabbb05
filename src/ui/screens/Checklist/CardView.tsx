/** What one component card shows: heading, tier, who acts, status, text fields, save state. */
import { checkAnswer, LIMITS } from '../../../domain/answer-rules';
import type { AnswerProblem } from '../../../domain/answer-rules';
import type { ComponentGuidanceEntry } from '../../../domain/guidance';
import { guidanceText } from '../../../domain/guidance';
import type { CatalogueComponent, Methodology, Status } from '../../../domain/types';
import { getLanguage, useT } from '../../../i18n';
import { Button } from '../../components/Button';
import { useEvidenceSlot } from '../../evidence/EvidenceToggle';
import type { Draft, SaveState } from './card-saver';
import { CardFields } from './CardFields';
import { StatusPicker } from './StatusPicker';
import { disclosureLevels, GuidanceDisclosure } from './GuidanceDisclosure';
import { actorKey, scaleLabel, tierBadge } from './view-model';
import { cardId, saveErrorKey } from './card-ids';
import { MEASURED_CODES, MeasuredFacts } from './MeasuredFacts';
import './card.css';

interface Props {
  assessmentId: string;
  component: CatalogueComponent;
  label: string;
  labelLang: string;
  choices: readonly Status[];
  methodology: Methodology;
  readOnly: boolean;
  /** The province's comment on this component, if it left one. */
  reviewComment?: string | undefined;
  /** What the component means and its levels, behind "Hướng dẫn"; none when the guidance did not load. */
  guidance?: ComponentGuidanceEntry | undefined;
  draft: Draft;
  save: SaveState;
  /** How many saves this card has confirmed (data-saves: tests and the benchmark tell one confirmation from the next). */
  saves: number;
  noteOpen: boolean;
  /** `at`: the event's timeStamp, when the change was made. */
  onStatus: (s: Status, at: number) => void;
  onText: (field: 'note' | 'naReason' | 'openName', value: string, at: number) => void;
  onBlur: () => void;
  onRetry: () => void;
  onOpenNote: () => void;
  /** Brings the next unanswered component on screen. */
  onNext: () => void;
}

export function CardView(p: Props) {
  const t = useT('assess');
  const lang = getLanguage();
  const c = p.component;
  const id = cardId(c.code);
  const badge = tierBadge(c);
  const evidence = useEvidenceSlot(p.assessmentId, c.code, id, p.readOnly);
  const problems: AnswerProblem[] = checkAnswer(
    c,
    {
      code: c.code,
      status: p.draft.status,
      note: p.draft.note,
      naReason: p.draft.naReason,
      openName: p.draft.openName,
      updatedAt: '',
    },
    p.methodology,
  );
  const savedInvalid = p.save.kind === 'saved' && problems.length > 0;
  const labelFor = (s: Status) => scaleLabel(s, p.methodology, lang) ?? t(`status.${String(s)}`);
  const unnamed = c.open && p.draft.status !== null && p.draft.status !== 'na' && p.draft.openName.trim() === '';
  const metaWords = (
    <>
      <span class={`tier-badge tier-badge--${badge.kind}`}>
        {badge.kind === 'area'
          ? t('checklist.tier.area', { area: t(`areaType.${badge.areaType}`) })
          : t(`checklist.tier.${badge.kind}`)}
      </span>{' '}
      <span class="card-actor">{t(`checklist.actor.${actorKey(c)}`)}</span>
    </>
  );

  return (
    <article
      class={`comp-card${p.draft.status === null ? ' comp-card--unanswered' : ''}`}
      id={id}
      tabIndex={-1}
      aria-labelledby={`${id}-title`}
    >
      <h4 class="card-title" id={`${id}-title`}>
        <span class="card-code">{c.code}</span> <span lang={p.labelLang}>{p.label}</span>
      </h4>
      {p.guidance ? (
        <GuidanceDisclosure
          idBase={id}
          lead={metaWords}
          rowClass="card-meta"
          explanation={guidanceText(p.guidance, lang)}
          levels={disclosureLevels(p.guidance.levels, lang, (v) => labelFor(v as Status))}
          current={typeof p.draft.status === 'number' ? p.draft.status : null}
          trail={evidence.button}
        />
      ) : (
        <p class="guidance-row card-meta">
          {metaWords} {evidence.button}
        </p>
      )}
      {evidence.panel}
      {MEASURED_CODES.has(c.code) && <MeasuredFacts assessmentId={p.assessmentId} code={c.code} idBase={id} />}
      {p.reviewComment && (
        // Text node, never markup: the comment is whatever the reviewer typed.
        <div class="card-review" role="note" aria-labelledby={`${id}-review`}>
          <p class="card-review__label" id={`${id}-review`}>
            {t('checklist.reviewComment')}
          </p>
          <p class="card-review__text">{p.reviewComment}</p>
        </div>
      )}
      <StatusPicker
        idBase={id}
        legend={t('checklist.statusLegend', { code: c.code })}
        choices={p.choices}
        value={p.draft.status}
        labelFor={labelFor}
        disabled={p.readOnly}
        onChange={p.onStatus}
      />
      <CardFields
        id={id}
        open={c.open}
        draft={p.draft}
        readOnly={p.readOnly}
        noteOpen={p.noteOpen}
        problems={problems}
        unnamed={unnamed}
        limits={LIMITS}
        onText={p.onText}
        onBlur={p.onBlur}
      />
      {p.save.kind === 'error' && (
        <div class="card-error" role="alert">
          <p>{t(saveErrorKey(p.save.error))}</p>
          {!p.readOnly && <Button onClick={p.onRetry}>{t('checklist.save.retry')}</Button>}
        </div>
      )}
      {/* One row under the fields: the chosen option's words and the save state, then the actions. */}
      <div class="card-foot">
        <div class="card-foot__state">
          {/* The radios carry these words for assistive technology. */}
          <span class="status-meaning" aria-hidden="true">
            {p.draft.status !== null && p.draft.status !== 'na' ? `${p.draft.status} – ${labelFor(p.draft.status)}` : ''}
          </span>
          {p.save.kind !== 'error' && (
            // Saved on the phone but not a valid answer: say both, and which one stands in the way (issue #10).
            <p
              class={`save-state save-state--${savedInvalid ? 'saved-invalid' : p.save.kind}`}
              data-saves={p.saves}
              aria-live="polite"
            >
              {p.save.kind === 'idle' ? '' : t(savedInvalid ? 'checklist.save.savedInvalid' : `checklist.save.${p.save.kind}`)}
            </p>
          )}
        </div>
        {!p.readOnly && !p.noteOpen && (
          <Button variant="quiet" class="card-action" onClick={p.onOpenNote}>
            {t('checklist.note.add')}
          </Button>
        )}
        {!p.readOnly && p.draft.status !== null && (
          <Button variant="quiet" class="card-action card-action--next" onClick={p.onNext}>
            {t('checklist.next')} <span aria-hidden="true">↓</span>
          </Button>
        )}
      </div>
    </article>
  );
}
