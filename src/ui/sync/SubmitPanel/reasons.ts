/**
 * Words for why something did not go up. Local reasons are stored as short keys ('not-enrolled',
 * 'unauthorized', 'timeout'); a server's refusal as `[code] message` (sync/server-reason.ts),
 * shown in the phone's own words for the code; the server's words only as a technical detail.
 */
import type { TFn } from '../../../i18n';
import type { SubmitCheck } from '../../../sync/readiness';
import { readServerReason } from '../../../sync/server-reason';
import { serverErrorKey } from '../server-errors';

const KNOWN = new Set(['not-enrolled', 'commune-mismatch', 'unauthorized', 'timeout']);

export function reasonText(t: TFn, reason: string | undefined): string {
  if (!reason) return '';
  const server = readServerReason(reason);
  if (server) return t(serverErrorKey(server.code, server.message));
  if (KNOWN.has(reason)) return t(`reason.${reason}`);
  if (isNetwork(reason)) return t('reason.network');
  // A 5xx's or a proxy's words ("Internal server error"): the phone's words, the server's as detail.
  return t('serverError.unknown');
}

// fetch's own words for "no connection" differ per browser ("Failed to fetch", "Load failed", …).
function isNetwork(reason: string): boolean {
  return /fetch|network|load failed|unexpected response/i.test(reason);
}

/** The server's own words behind a reason, for the "Chi tiết kỹ thuật" line; '' when there are none. */
export function reasonDetail(reason: string | undefined): string {
  if (!reason) return '';
  const server = readServerReason(reason);
  if (server) return server.message;
  return KNOWN.has(reason) || isNetwork(reason) ? '' : reason;
}

/**
 * One line per reason the submit button is disabled. `underSet`: the assessment is scored under a
 * criteria set, whose required indicators (not the catalogue's essential components) must be answered.
 */
export function blockLines(t: TFn, check: SubmitCheck, enrolledCommune: string | undefined, underSet = false): string[] {
  const lines: string[] = [];
  for (const block of check.blocks) {
    if (block === 'incomplete') {
      if (check.missing > 0)
        lines.push(t(underSet ? 'block.incompleteIndicators' : 'block.incomplete', { count: check.missing }));
      if (check.problems.some((p) => p.problem !== 'required-unanswered')) lines.push(t('block.invalid'));
    } else if (block === 'commune-mismatch') {
      lines.push(t('block.commune-mismatch', { commune: enrolledCommune ?? '' }));
    } else {
      lines.push(t(`block.${block}`));
    }
  }
  return lines;
}
