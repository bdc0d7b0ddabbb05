/**
 * What a status item's VerifyControls and a value indicator's ValueVerifyControls show alike
 * (VerifyStepFrame): the step's state (badge, carried mark, reason), "Xác nhận" and "Điều chỉnh",
 * the adjustment's reason with its save button, and the error line with "Yêu cầu bổ sung minh
 * chứng". Only the new value's input differs between them: it is the frame's children.
 */
import type { ComponentChildren } from 'preact';
import { formatDateTime, useLanguage, useT } from '../../../i18n';
import { Button } from '../../components/Button';
import type { VerificationItem } from '../types';
import type { VerificationState } from './verification-context';
import type { VerifyStep } from './use-verify-step';

interface FrameProps {
  id: string;
  code: string;
  /** The step recorded on the server, if any. */
  item: VerificationItem | undefined;
  /** The recorded adjustment's value in words. */
  adjustedTo: string;
  state: VerificationState;
  step: VerifyStep;
  /** The new value's input, shown above the reason while adjusting. */
  children: ComponentChildren;
}

export function VerifyStepFrame({ id, code, item, adjustedTo, state, step, children }: FrameProps) {
  return (
    <div class="rv-verify" role="group" aria-labelledby={`${id}-title`}>
      <StepState id={id} code={code} step={item} adjustedTo={adjustedTo} />
      <VerifyButtons step={step} />
      {step.adjusting && (
        <div class="stack rv-verify__form">
          {children}
          <ReasonAndSave id={id} step={step} />
        </div>
      )}
      <ErrorAndRequest id={id} code={code} error={step.error} state={state} />
    </div>
  );
}

/** "Xác nhận" sends the step at once; "Điều chỉnh" opens or closes the adjustment form. */
export function VerifyButtons({ step }: { step: VerifyStep }) {
  const t = useT('reviewer');
  return (
    <div class="actions">
      <Button onClick={() => void step.send('verified')} busy={step.busy && !step.adjusting}>
        {t('verify.confirm')}
      </Button>
      <Button onClick={step.toggleAdjusting} aria-expanded={step.adjusting}>
        {t('verify.adjust')}
      </Button>
    </div>
  );
}

/** "Thẩm định NT2: …" with who verified or adjusted it and when, whether it was carried, and why. */
function StepState({
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

/** The required reason of an adjustment and "Lưu điều chỉnh". */
function ReasonAndSave({ id, step }: { id: string; step: VerifyStep }) {
  const t = useT('reviewer');
  const { reason, setReason, error, busy } = step;
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
        <Button variant="primary" onClick={() => void step.send('adjusted')} busy={busy}>
          {t('verify.saveAdjustment')}
        </Button>
      </div>
    </>
  );
}

/** The step's error (announced), then the request for evidence sent with the next return. */
function ErrorAndRequest({ id, code, error, state }: { id: string; code: string; error: string; state: VerificationState }) {
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
