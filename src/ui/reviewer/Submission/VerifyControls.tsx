import { useState } from 'preact/hooks';
import type { Status } from '../../../domain/types';
import { formatDateTime, useLanguage, useT } from '../../../i18n';
import { Button } from '../../components/Button';
import { announce } from '../../components/announce';
import { errorText } from '../errors';
import { useVerification } from './verification-context';

interface Props {
  code: string;
  /** The officer's status, shown as the starting point of an adjustment. */
  status: Status | null;
  statusLabel: (s: Status | null | undefined) => string;
}

/**
 * Thẩm định of one status item: "Xác nhận" lets the officer's answer stand; "Điều chỉnh" sets
 * another status with a required reason. Also "Yêu cầu bổ sung minh chứng" for the next return.
 */
export function VerifyControls({ code, status, statusLabel }: Props) {
  const t = useT('reviewer');
  const lang = useLanguage();
  const state = useVerification();
  const [adjusting, setAdjusting] = useState(false);
  const [value, setValue] = useState<0 | 1 | 2 | 3 | undefined>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  if (!state) return null;
  const step = state.view?.items.find((i) => i.code === code);
  const requested = state.requests[code];
  const id = `rv-verify-${code}`;

  const send = async (outcome: 'verified' | 'adjusted') => {
    if (busy) return;
    setError('');
    if (outcome === 'adjusted' && value === undefined) return setError(t('verify.chooseValue'));
    if (outcome === 'adjusted' && !reason.trim()) return setError(t('verify.reasonRequired'));
    setBusy(true);
    try {
      await state.verify({
        code,
        outcome,
        revision: state.view?.revision,
        ...(outcome === 'adjusted' ? { adjusted: { status: value ?? 0 }, reason: reason.trim() } : {}),
      });
      announce(t(outcome === 'verified' ? 'verify.doneVerified' : 'verify.doneAdjusted', { code }));
      setAdjusting(false);
      setReason('');
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="rv-verify" role="group" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} class="rv-verify__state">
        <span class="rv-answer__field">{t('verify.title', { code })}</span>{' '}
        {step ? (
          step.outcome === 'verified' ? (
            <span class="rv-verify__badge rv-verify__badge--verified">
              {t('verify.verifiedBy', { by: step.by, at: formatDateTime(step.at, lang) })}
            </span>
          ) : (
            <span class="rv-verify__badge rv-verify__badge--adjusted">
              {t('verify.adjustedTo', {
                value: step.adjusted && 'status' in step.adjusted ? statusLabel(step.adjusted.status) : '',
                by: step.by,
                at: formatDateTime(step.at, lang),
              })}
            </span>
          )
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
      <div class="actions">
        <Button onClick={() => void send('verified')} busy={busy && !adjusting}>
          {t('verify.confirm')}
        </Button>
        <Button
          onClick={() => {
            setAdjusting(!adjusting);
            setValue(undefined);
          }}
          aria-expanded={adjusting}
        >
          {t('verify.adjust')}
        </Button>
      </div>
      {adjusting && (
        <div class="stack rv-verify__form">
          <fieldset>
            <legend>{t('verify.newValue', { current: statusLabel(status) })}</legend>
            {([0, 1, 2, 3] as const).map((v) => (
              <label key={v}>
                <input type="radio" name={`${id}-value`} value={v} checked={value === v} onChange={() => setValue(v)} />
                {v} — {statusLabel(v)}
              </label>
            ))}
          </fieldset>
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
            <Button variant="primary" onClick={() => void send('adjusted')} busy={busy}>
              {t('verify.saveAdjustment')}
            </Button>
          </div>
        </div>
      )}
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
    </div>
  );
}
