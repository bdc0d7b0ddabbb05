/**
 * One indicator of a criteria set on the checklist. A status indicator linked to a catalogue
 * component reads and writes that component's answer (the same save path, the same status
 * picker); an uncoded question its own status; any other input a value (indicator-inputs.tsx).
 * A value the engine refuses (checkValue) is not written: the card keeps what was typed and says
 * why. "Đã lưu" shows only once IndexedDB committed; a failed save keeps the entry and offers a
 * retry. The points the answer earns are the engine's ("12/20 điểm").
 */
import { Component } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AnswerPatch } from '../../../db';
import { checkValue } from '../../../domain/criteria/rules';
import type { CriteriaSet } from '../../../domain/criteria/schema';
import type { Answer, IndicatorValue, Status } from '../../../domain/types';
import { formatNumber, useT } from '../../../i18n';
import { Button } from '../../components/Button';
import type { SaveState } from './card-saver';
import { MEASURED_CODES, MeasuredFacts } from './MeasuredFacts';
import { MeasuredInput } from './MeasuredInput';
import type { MeasuredInputs } from '../../../domain/criteria/measured';
import { cardId, saveErrorKey } from './card-ids';
import { indicatorStatusChoices, parseTyped, typedFromValue } from './criteria-view';
import type { EntryProblem, IndicatorItem, TypedDraft } from './criteria-view';
import { useEvidenceSlot } from '../../evidence/EvidenceToggle';
import { IndicatorGuidance } from './IndicatorGuidance';
import { ValueInput } from './indicator-inputs';
import { PatchSaver } from './patch-saver';
import { StatusPicker } from './StatusPicker';
import './card.css';

export interface IndicatorCardProps {
  assessmentId: string;
  item: IndicatorItem;
  set: CriteriaSet;
  lang: string;
  readOnly: boolean;
  /** The stored answer when the card mounts (under the linked component's code for a linked status). */
  stored: Answer | undefined;
  save: (code: string, patch: AnswerPatch, stored: Answer | undefined) => Promise<Answer>;
  onSaved: (a: Answer) => void;
  /** The engine's points for this indicator, rounded as the set says; `answered`: a valid answer is stored. */
  points: number;
  answered: boolean;
  reviewComment: string | undefined;
  /** For a measured input: the figures this phone holds (issue #15). */
  measured?: { year: number; inputs: MeasuredInputs } | undefined;
}

/** Re-rendered only when what it shows changed, not on every save elsewhere in the checklist. */
export class IndicatorCard extends Component<IndicatorCardProps> {
  override shouldComponentUpdate(next: IndicatorCardProps) {
    const p = this.props;
    return (
      next.points !== p.points ||
      next.answered !== p.answered ||
      next.lang !== p.lang ||
      next.readOnly !== p.readOnly ||
      next.reviewComment !== p.reviewComment ||
      next.set !== p.set ||
      next.measured !== p.measured
    );
  }

  override render() {
    return <IndicatorCardView {...this.props} />;
  }
}

/** Which box a refusal is about, so only that one is marked invalid. */
function invalidBox(problem: EntryProblem | null): 'a' | 'b' | 'both' | null {
  if (problem === null) return null;
  if (problem === 'b-missing') return 'b';
  if (problem === 'a-missing') return 'a';
  return 'both';
}

function IndicatorCardView(p: IndicatorCardProps) {
  const t = useT('criteria');
  const ta = useT('assess');
  const ind = p.item.indicator;
  const id = cardId(ind.code);
  // Kept under the code the answer is stored under: a linked status shares its component's evidence.
  const evidence = useEvidenceSlot(p.assessmentId, p.item.answerCode, id, p.readOnly);
  const text = (x: { vi: string; en: string }) => (p.lang === 'en' ? x.en : x.vi);
  const [status, setStatus] = useState<Status | null>(p.stored?.status ?? null);
  const [value, setValue] = useState<IndicatorValue | undefined>(p.stored?.value);
  const [typed, setTyped] = useState<TypedDraft>(() => typedFromValue(p.stored?.value, p.lang));
  const [problem, setProblem] = useState<EntryProblem | null>(null);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const saver = useRef<PatchSaver | undefined>(undefined);
  saver.current ??= new PatchSaver({
    save: (patch, stored) => p.save(p.item.answerCode, patch, stored),
    stored: p.stored,
    onState: setSaveState,
    onSaved: p.onSaved,
  });
  useEffect(() => () => saver.current?.dispose(), []);

  const levelLabel = (v: number) => {
    const def = p.set.statusScale.find((s) => s.value === v);
    return def ? text(def) : ta(`status.${v}`);
  };
  const statusLabel = (s: Status) => (s === 'na' ? ta('status.na') : levelLabel(s));

  const onStatus = (s: Status) => {
    if (p.readOnly) return;
    setStatus(s);
    saver.current?.save({ status: s });
  };
  const onValue = (v: IndicatorValue) => {
    if (p.readOnly) return;
    const refused = checkValue(ind, v);
    setProblem(refused);
    if (refused) return;
    setValue(v);
    saver.current?.save({ value: v });
  };
  const onTyped = (d: TypedDraft) => {
    if (p.readOnly) return;
    setTyped(d);
    const parsed = parseTyped(ind, d);
    if (!parsed.ok) {
      // Refused: nothing is written, the stored value stays; the card says why.
      setProblem(parsed.problem);
      return;
    }
    setProblem(null);
    saver.current?.save({ value: parsed.value });
  };

  const input = ind.input;
  const errorId = problem ? `${id}-problem` : undefined;
  const pairLabels = input.kind === 'pair' ? { a: text(input.a), b: text(input.b) } : { a: '', b: '' };
  const max = input.kind === 'number' ? input.max : undefined;
  return (
    <article
      class={`comp-card ind-card${p.answered ? '' : ' comp-card--unanswered'}`}
      id={id}
      tabIndex={-1}
      aria-labelledby={`${id}-title`}
    >
      <h4 class="card-title" id={`${id}-title`}>
        <span class="card-code">{ind.code}</span> <span>{text(ind)}</span>
      </h4>
      <p class="card-meta">
        <span class="ind-points">
          {p.answered
            ? t('card.points', { points: formatNumber(p.points, {}, p.lang), max: ind.points })
            : t('card.maxPoints', { max: ind.points })}
        </span>
        {ind.ownQuestion && (
          <>
            {' '}
            <span class="tier-badge">{t('card.ownQuestion')}</span>
          </>
        )}
      </p>
      {p.reviewComment && (
        <div class="card-review" role="note" aria-labelledby={`${id}-review`}>
          <p class="card-review__label" id={`${id}-review`}>
            {ta('checklist.reviewComment')}
          </p>
          <p class="card-review__text">{p.reviewComment}</p>
        </div>
      )}
      {input.kind === 'measured' ? (
        <MeasuredInput idBase={id} metric={input.metric} measured={p.measured} lang={p.lang} />
      ) : input.kind === 'status' ? (
        <StatusPicker
          idBase={id}
          legend={ta('checklist.statusLegend', { code: ind.code })}
          choices={indicatorStatusChoices(ind)}
          value={status}
          labelFor={statusLabel}
          disabled={p.readOnly}
          onChange={onStatus}
        />
      ) : (
        <ValueInput
          idBase={id}
          code={ind.code}
          input={input}
          lang={p.lang}
          value={value}
          typed={typed}
          invalid={invalidBox(problem)}
          errorId={errorId}
          disabled={p.readOnly}
          onValue={onValue}
          onTyped={onTyped}
        />
      )}
      {problem && (
        <p class="field-error ind-problem" id={errorId} role="alert">
          {t(`problem.${problem}`, { ...pairLabels, max })}
        </p>
      )}
      {saveState.kind === 'error' && (
        <div class="card-error" role="alert">
          <p>{ta(saveErrorKey(saveState.error))}</p>
          {!p.readOnly && <Button onClick={() => saver.current?.retry()}>{ta('checklist.save.retry')}</Button>}
        </div>
      )}
      <div class="card-foot">
        <div class="card-foot__state">
          <span class="status-meaning" aria-hidden="true">
            {status !== null && status !== 'na' ? `${status} – ${levelLabel(status)}` : ''}
          </span>
          {saveState.kind !== 'error' && (
            <p class={`save-state save-state--${saveState.kind}`} aria-live="polite">
              {saveState.kind === 'idle' ? '' : ta(`checklist.save.${saveState.kind}`)}
            </p>
          )}
        </div>
      </div>
      <IndicatorGuidance
        idBase={id}
        indicator={ind}
        lang={p.lang}
        levelLabel={levelLabel}
        current={status === 'na' ? null : status}
        trail={evidence.button}
      />
      {evidence.panel}
      {MEASURED_CODES.has(p.item.answerCode) && (
        <MeasuredFacts assessmentId={p.assessmentId} code={p.item.answerCode} idBase={id} />
      )}
    </article>
  );
}
