/**
 * The submission screen's verification state, shared by the score panel (verified total), each
 * answer's VerifyControls and the review form (evidence requests) without threading props
 * through the answer list: the latest VerificationView, how to record a step, and the items the
 * reviewer is about to ask evidence for (sent with a return).
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { VerificationView, VerifyRequest } from '../types';

export interface VerificationState {
  view: VerificationView | null;
  /** Records one step; resolves with the new view, rejects with the API's error. */
  verify: (step: VerifyRequest) => Promise<VerificationView>;
  /** Code → note of the items to ask evidence for with the next return. */
  requests: Readonly<Record<string, string>>;
  setRequest: (code: string, note: string | undefined) => void;
}

export const VerificationContext = createContext<VerificationState | null>(null);

export function useVerification(): VerificationState | null {
  return useContext(VerificationContext);
}
