import { useState } from 'preact/hooks';
import type { Status } from '../../../domain/types';
import { useT } from '../../../i18n';
import { Button } from '../../components/Button';
import { announce } from '../../components/announce';
import { errorText } from '../errors';
import { useVerification } from './verification-context';
import { ErrorAndRequest, ReasonAndSave, StepState } from './VerifyParts';

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
  const state = useVerification();
  const [adjusting, setAdjusting] = useState(false);
  const [value, setValue] = useState<0 | 1 | 2 | 3 | undefined>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  if (!state) return null;
  const step = state.view?.items.find((i) => i.code === code);
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
      <StepState
        id={id}
        code={code}
        step={step}
        adjustedTo={step?.adjusted && 'status' in step.adjusted ? statusLabel(step.adjusted.status) : ''}
      />
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
          <ReasonAndSave
            id={id}
            reason={reason}
            setReason={setReason}
            error={error}
            busy={busy}
            onSave={() => void send('adjusted')}
          />
        </div>
      )}
      <ErrorAndRequest id={id} code={code} error={error} state={state} />
    </div>
  );
}
