import { componentLabel } from '../../../domain/catalogue';
import type { Status } from '../../../domain/types';
import { useT } from '../../../i18n';
import type { AnswerItem as Item } from '../answer-groups';
import type { Reference } from '../use-reference';
import { EvidenceList } from './EvidenceList';
import { VerifyControls } from './VerifyControls';

/** "Đã triển khai, sử dụng thường xuyên" for 3, "Không áp dụng" for na, "Chưa trả lời" for none. */
export function useStatusLabel(reference: Reference | undefined): (s: Status | null | undefined) => string {
  const t = useT('reviewer');
  return (s) => {
    if (s === 'na') return t('status.na');
    if (s === null || s === undefined) return t('status.none');
    const def = reference?.methodology.statusScale.find((d) => d.value === s);
    if (!def) return String(s);
    return reference?.lang === 'vi' ? def.vi : def.en;
  };
}

interface Props {
  item: Item;
  reference: Reference;
  changed: boolean;
  priorComment: string | undefined;
  comment: string;
  onComment: (text: string) => void;
}

/** One component: what it is, the commune's answer (their words as plain text), a comment box. */
export function AnswerItem({ item, reference, changed, priorComment, comment, onComment }: Props) {
  const t = useT('reviewer');
  const statusLabel = useStatusLabel(reference);
  const { component: c, answer: a } = item;
  const status = a?.status ?? null;
  const inputId = `rv-comment-${c.code}`;
  return (
    <li class={`rv-answer${changed ? ' rv-answer--changed' : ''}`}>
      <div class="rv-answer__head">
        <span class="rv-answer__code">{c.code}</span>
        <span class="rv-answer__label">{componentLabel(c, reference.translation)}</span>
        {changed && <span class="rv-answer__badge">{t('answers.changed')}</span>}
      </div>
      <p class="rv-answer__meta">
        <span class={`rv-status rv-status--${status === null ? 'none' : String(status)}`}>{statusLabel(status)}</span>
        <span class="muted">{t(`tier.${c.tier}`)}</span>
      </p>
      {a?.openName && (
        <p>
          <span class="rv-answer__field">{t('answers.openName')}</span> <span class="rv-user-text">{a.openName}</span>
        </p>
      )}
      {a?.naReason && (
        <p>
          <span class="rv-answer__field">{t('answers.naReason')}</span> <span class="rv-user-text">{a.naReason}</span>
        </p>
      )}
      {a?.note && (
        <p>
          <span class="rv-answer__field">{t('answers.note')}</span> <span class="rv-user-text">{a.note}</span>
        </p>
      )}
      {priorComment && (
        <p class="rv-answer__prior">
          <span class="rv-answer__field">{t('answers.priorComment')}</span> <span class="rv-user-text">{priorComment}</span>
        </p>
      )}
      <EvidenceList code={c.code} />
      <VerifyControls code={c.code} status={status} statusLabel={statusLabel} />
      <details class="rv-answer__comment">
        <summary>{t('answers.addComment')}</summary>
        <div class="rv-field">
          <label for={inputId}>{t('answers.commentLabel', { code: c.code })}</label>
          <textarea id={inputId} maxLength={1000} value={comment} onInput={(e) => onComment(e.currentTarget.value)} />
        </div>
      </details>
    </li>
  );
}
