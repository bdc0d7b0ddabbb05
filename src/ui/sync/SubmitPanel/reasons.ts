/**
 * Words for why something did not go up. Local reasons are stored as short keys ('not-enrolled',
 * 'unauthorized', 'timeout'); anything else is the server's own message, shown as it is.
 */
import type { TFn } from '../../../i18n';
import type { SubmitCheck } from '../../../sync/readiness';

const KNOWN = new Set(['not-enrolled', 'commune-mismatch', 'unauthorized', 'timeout']);

export function reasonText(t: TFn, reason: string | undefined): string {
  if (!reason) return '';
  if (KNOWN.has(reason)) return t(`reason.${reason}`);
  // fetch's own words for "no connection" differ per browser ("Failed to fetch", "Load failed", …).
  if (/fetch|network|load failed|unexpected response/i.test(reason)) return t('reason.network');
  return reason;
}

/** One line per reason the submit button is disabled. */
export function blockLines(t: TFn, check: SubmitCheck, enrolledCommune: string | undefined): string[] {
  const lines: string[] = [];
  for (const block of check.blocks) {
    if (block === 'incomplete') {
      if (check.missing > 0) lines.push(t('block.incomplete', { count: check.missing }));
      if (check.problems.some((p) => p.problem !== 'required-unanswered')) lines.push(t('block.invalid'));
    } else if (block === 'commune-mismatch') {
      lines.push(t('block.commune-mismatch', { commune: enrolledCommune ?? '' }));
    } else {
      lines.push(t(`block.${block}`));
    }
  }
  return lines;
}
