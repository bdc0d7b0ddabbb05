import { useState } from 'preact/hooks';
import type { CriteriaIndicator } from '../../../domain/criteria/schema';
import type { IndicatorValue } from '../../../domain/types';
import { useT } from '../../../i18n';
import { Button } from '../../components/Button';
import { announce } from '../../components/announce';
import { errorText } from '../errors';
import { draftOf, draftValue, isProblem, type ValueDraft } from '../indicator-values';
import { useVerification } from './verification-context';
import { ValueInput } from './ValueInput';
import { ErrorAndRequest, ReasonAndSave, StepState } from './VerifyParts';

interface Props {
  indicator: CriteriaIndicator;
  /** The officer's value: the adjustment starts from it. */
  value: IndicatorValue | undefined;
  /** A value in words, as the list shows it. */
  describe: (v: IndicatorValue) => string;
}

/**
 * Thẩm định of one value indicator of a criteria set: "Xác nhận" lets the officer's value stand;
 * "Điều chỉnh" sets a value of the same kind with a required reason. The server checks the value
 * again and scores it; the screen shows what the server answered.
 */
export function ValueVerifyControls({ indicator, value, describe }: Props) {
  const t = useT('reviewer');
  const state = useVerification();
  const [adjusting, setAdjusting] = useState(false);
  const [draft, setDraft] = useState<ValueDraft>(draftOf(value));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  if (!state) return null;
  const code = indicator.code;
  const step = state.view?.items.find((i) => i.code === code);
  const id = `rv-verify-${code}`;
  const problemText = (p: string) =>
    t(`verify.problem.${p}`, {
      defaultValue: t('verify.problem.wrong-kind'),
      max: indicator.input.kind === 'number' ? (indicator.input.max ?? '') : '',
    });

  const send = async (outcome: 'verified' | 'adjusted') => {
    if (busy) return;
    setError('');
    const adjusted = outcome === 'adjusted' ? draftValue(indicator, draft) : undefined;
    if (adjusted !== undefined && isProblem(adjusted)) return setError(problemText(adjusted));
    if (outcome === 'adjusted' && !reason.trim()) return setError(t('verify.reasonRequired'));
    setBusy(true);
    try {
      await state.verify({
        code,
        outcome,
        revision: state.view?.revision,
        ...(adjusted ? { adjusted: { value: adjusted }, reason: reason.trim() } : {}),
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
  const adjustedTo = step?.adjusted && 'value' in step.adjusted ? describe(step.adjusted.value) : '';

  return (
    <div class="rv-verify" role="group" aria-labelledby={`${id}-title`}>
      <StepState id={id} code={code} step={step} adjustedTo={adjustedTo} />
      <div class="actions">
        <Button onClick={() => void send('verified')} busy={busy && !adjusting}>
          {t('verify.confirm')}
        </Button>
        <Button
          onClick={() => {
            setAdjusting(!adjusting);
            setDraft(draftOf(value));
            setError('');
          }}
          aria-expanded={adjusting}
        >
          {t('verify.adjust')}
        </Button>
      </div>
      {adjusting && (
        <div class="stack rv-verify__form">
          <p class="muted">{t('verify.officerValue', { value: value ? describe(value) : t('verify.noValue') })}</p>
          <ValueInput
            id={id}
            indicator={indicator}
            draft={draft}
            onChange={setDraft}
            invalid={error !== '' && reason.trim() !== ''}
          />
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
