/**
 * One verification step as the reviewer works on it, shared by a status item's VerifyControls and
 * a value indicator's ValueVerifyControls: whether the adjustment form is open, its reason, the
 * send in progress and the error shown, and the send itself ("Xác nhận" or "Lưu điều chỉnh").
 * Only the new value differs between the two: each says how to check and send its own.
 */
import { useState } from 'preact/hooks';
import { useT } from '../../../i18n';
import { announce } from '../../components/announce';
import { errorText } from '../errors';
import type { VerifyRequest } from '../types';
import type { VerificationState } from './verification-context';

/** The adjusted value to send, or why it cannot be sent (in words). */
export type Adjustment = { adjusted: NonNullable<VerifyRequest['adjusted']> } | { problem: string };

export interface VerifyStepOptions {
  code: string;
  state: VerificationState | null;
  /** Reads the value input: called on "Lưu điều chỉnh" before the reason is checked. */
  adjustment: () => Adjustment;
  /** Puts the value input back to its start when the form opens or closes. */
  resetValue: () => void;
}

export interface VerifyStep {
  adjusting: boolean;
  toggleAdjusting: () => void;
  reason: string;
  setReason: (reason: string) => void;
  busy: boolean;
  error: string;
  send: (outcome: 'verified' | 'adjusted') => Promise<void>;
}

export function useVerifyStep({ code, state, adjustment, resetValue }: VerifyStepOptions): VerifyStep {
  const t = useT('reviewer');
  const [adjusting, setAdjusting] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const send = async (outcome: 'verified' | 'adjusted') => {
    if (busy || !state) return;
    setError('');
    let adjusted: Adjustment | undefined;
    if (outcome === 'adjusted') {
      adjusted = adjustment();
      if ('problem' in adjusted) return setError(adjusted.problem);
      if (!reason.trim()) return setError(t('verify.reasonRequired'));
    }
    setBusy(true);
    try {
      await state.verify({
        code,
        outcome,
        revision: state.view?.revision,
        ...(adjusted && 'adjusted' in adjusted ? { adjusted: adjusted.adjusted, reason: reason.trim() } : {}),
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

  const toggleAdjusting = () => {
    setAdjusting(!adjusting);
    resetValue();
    setError('');
  };

  return { adjusting, toggleAdjusting, reason, setReason, busy, error, send };
}
