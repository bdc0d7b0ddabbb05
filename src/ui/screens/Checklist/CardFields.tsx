/** The text fields of a card: open-item name, not-applicable reason (required), note. */
import type { AnswerProblem } from '../../../domain/answer-rules';
import { useT } from '../../../i18n';
import type { Draft } from './card-saver';

type Field = 'note' | 'naReason' | 'openName';

interface Props {
  id: string;
  open: boolean;
  draft: Draft;
  readOnly: boolean;
  /** The note is shown once asked for ("Thêm ghi chú") or when it has text. */
  noteOpen: boolean;
  problems: readonly AnswerProblem[];
  unnamed: boolean;
  limits: { note: number; naReason: number; openName: number };
  /** `at`: the input event's timeStamp, for the save timing. */
  onText: (field: Field, value: string, at: number) => void;
  onBlur: () => void;
}

export function CardFields({ id, open, draft, readOnly, noteOpen, problems, unnamed, limits, onText, onBlur }: Props) {
  const t = useT('assess');
  const na = draft.status === 'na';
  const reasonMissing = problems.includes('na-reason-required');
  const msg = (p: AnswerProblem, max: number) => (problems.includes(p) ? t(`checklist.problem.${p}`, { max }) : '');
  const nameError = msg('open-name-too-long', limits.openName) || (unnamed ? t('checklist.openName.unnamed') : '');
  const reasonError = reasonMissing ? t('checklist.problem.na-reason-required') : msg('na-reason-too-long', limits.naReason);
  const noteError = msg('note-too-long', limits.note);
  const input = (f: Field) => (e: Event) =>
    onText(f, (e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value, e.timeStamp);

  return (
    <div class="card-fields">
      {open && (
        <div class="card-field">
          <label for={`${id}-name`}>{t('checklist.openName.label')}</label>
          <p id={`${id}-name-hint`} class="field-hint">
            {t('checklist.openName.hint')}
          </p>
          <input
            id={`${id}-name`}
            type="text"
            value={draft.openName}
            maxLength={limits.openName}
            readOnly={readOnly}
            aria-describedby={`${id}-name-hint${nameError ? ` ${id}-name-error` : ''}`}
            onInput={input('openName')}
            onBlur={onBlur}
          />
          {nameError && (
            <p id={`${id}-name-error`} class="field-error">
              {nameError}
            </p>
          )}
        </div>
      )}
      {na && (
        <div class="card-field">
          <label for={`${id}-reason`}>{t('checklist.naReason.label')}</label>
          <textarea
            id={`${id}-reason`}
            rows={2}
            value={draft.naReason}
            maxLength={limits.naReason}
            readOnly={readOnly}
            required
            aria-invalid={reasonError ? 'true' : undefined}
            aria-describedby={reasonError ? `${id}-reason-error` : undefined}
            onInput={input('naReason')}
            onBlur={onBlur}
          />
          {reasonError && (
            <p id={`${id}-reason-error`} class="field-error">
              {reasonError}
            </p>
          )}
        </div>
      )}
      {(readOnly ? draft.note !== '' : noteOpen || draft.note !== '') && (
        <div class="card-field">
          <label for={`${id}-note`}>{t('checklist.note.label')}</label>
          <textarea
            id={`${id}-note`}
            rows={2}
            value={draft.note}
            maxLength={limits.note}
            readOnly={readOnly}
            aria-invalid={noteError ? 'true' : undefined}
            aria-describedby={noteError ? `${id}-note-error` : undefined}
            onInput={input('note')}
            onBlur={onBlur}
          />
          {noteError && (
            <p id={`${id}-note-error`} class="field-error">
              {noteError}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
