import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../api';
import type { VerificationView } from '../types';
import type { VerificationState } from './verification-context';

/** The verification of the submission shown: loaded with it, replaced by each step's answer. */
export function useVerificationState(
  assessmentId: string,
  loaded: VerificationView | null,
): VerificationState & { clearRequests: () => void } {
  const [view, setView] = useState<VerificationView | null>(loaded);
  const [requests, setRequests] = useState<Record<string, string>>({});
  useEffect(() => setView(loaded), [loaded]);
  return useMemo(
    () => ({
      view,
      requests,
      verify: async (step) => {
        const next = await api.verify(assessmentId, step);
        setView(next);
        return next;
      },
      setRequest: (code, note) =>
        setRequests((r) => {
          const copy = { ...r };
          if (note === undefined) delete copy[code];
          else copy[code] = note;
          return copy;
        }),
      clearRequests: () => setRequests({}),
    }),
    [assessmentId, view, requests],
  );
}
