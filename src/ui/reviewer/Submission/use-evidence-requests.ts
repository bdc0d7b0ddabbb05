import { useT } from '../../../i18n';
import type { Verdict } from '../types';
import { useVerification } from './verification-context';

/**
 * The evidence requests ticked beside the answers, as the review form sends them: a line for its
 * hint, and what stops the verdict (a request without its note, or requests with an acceptance).
 */
export function useEvidenceRequests() {
  const t = useT('reviewer');
  const requests = useVerification()?.requests ?? {};
  const list = Object.entries(requests).map(([code, note]) => ({ code, note: note.trim() }));
  const codes = list.map((r) => r.code).join(', ');
  const missing = list.filter((r) => r.note === '').map((r) => r.code);
  return {
    list,
    hint: list.length > 0 ? t('verify.requests', { n: list.length, codes }) : '',
    problem: (verdict: Verdict): string => {
      if (list.length === 0) return '';
      if (verdict !== 'returned') return t('verify.requestsNeedReturn');
      return missing.length > 0 ? t('verify.requestNoteMissing', { codes: missing.join(', ') }) : '';
    },
  };
}
