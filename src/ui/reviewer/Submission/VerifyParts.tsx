/**
 * The parts a status item's VerifyControls and a value indicator's ValueVerifyControls share: the
 * step's state (badge, carried mark, reason), the reason field with its save button, and the
 * error line with "Yêu cầu bổ sung minh chứng". Only the new value's input differs between them.
 */
import { formatDateTime, useLanguage, useT } from '../../../i18n';
import { Button } from '../../components/Button';
import type { VerificationItem } from '../types';
import type { VerificationState } from './verification-context';

/** "Thẩm định NT2: …" with who verified or adjusted it and when, whether it was carried, and why. */
export function StepState({
  id,
  code,
  step,
  adjustedTo,
}: {
  id: string;
  code: string;
  step: VerificationItem | undefined;
  adjustedTo: string;
}) {
  const t = useT('reviewer');
  const lang = useLanguage();
  return (
    <>
      <p id={`${id}-title`} class="rv-verify__state">
        <span class="rv-answer__field">{t('verify.title', { code })}</span>{' '}
        {step ? (
          <span class={`rv-verify__badge rv-verify__badge--${step.outcome}`}>
            {step.outcome === 'verified'
              ? t('verify.verifiedBy', { by: step.by, at: formatDateTime(step.at, lang) })
              : t('verify.adjustedTo', { value: adjustedTo, by: step.by, at: formatDateTime(step.at, lang) })}
          </span>
        ) : (
          <span class="muted">{t('verify.notYet')}</span>
        )}
        {step?.carriedFrom !== undefined && (
          <span class="rv-verify__carried"> {t('verify.carried', { revision: step.carriedFrom })}</span>
        )}
      </p>
      {step?.reason && (
        <p>
          <span class="rv-answer__field">{t('verify.reason')}</span> <span class="rv-user-text">{step.reason}</span>
        </p>
      )}
    </>
  );
}

interface ReasonProps {
  id: string;
  reason: string;
  setReason: (reason: string) => void;
  error: string;
  busy: boolean;
  onSave: () => void;
}

/** The required reason of an adjustment and "Lưu điều chỉnh". */
export function ReasonAndSave({ id, reason, setReason, error, busy, onSave }: ReasonProps) {
  const t = useT('reviewer');
  return (
    <>
      <div class="rv-field">
        <label for={`${id}-reason`}>{t('verify.reasonLabel')}</label>
        <textarea
          id={`${id}-reason`}
          maxLength={1000}
          value={reason}
          aria-invalid={error && !reason.trim() ? true : undefined}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
      </div>
      <div class="actions">
        <Button variant="primary" onClick={onSave} busy={busy}>
          {t('verify.saveAdjustment')}
        </Button>
      </div>
    </>
  );
}

/** The step's error (announced), then the request for evidence sent with the next return. */
export function ErrorAndRequest({
  id,
  code,
  error,
  state,
}: {
  id: string;
  code: string;
  error: string;
  state: VerificationState;
}) {
  const t = useT('reviewer');
  const requested = state.requests[code];
  return (
    <>
      <p class="error-text" role="alert">
        {error}
      </p>
      <label class="rv-verify__request">
        <input
          type="checkbox"
          checked={requested !== undefined}
          onChange={(e) => state.setRequest(code, e.currentTarget.checked ? '' : undefined)}
        />
        {t('verify.requestEvidence')}
      </label>
      {requested !== undefined && (
        <div class="rv-field">
          <label for={`${id}-request`}>{t('verify.requestNote', { code })}</label>
          <textarea
            id={`${id}-request`}
            maxLength={1000}
            value={requested}
            onInput={(e) => state.setRequest(code, e.currentTarget.value)}
          />
        </div>
      )}
    </>
  );
}
