/**
 * What a valid answer is, for one component under one methodology. The phone uses this to
 * guide the officer; the server uses it to refuse a malformed or hostile submission.
 */
import type { Answer, CatalogueComponent, Methodology } from './types';

/** Maximum lengths, in characters (Unicode code points) of the normalised text. */
export const LIMITS = { note: 2000, naReason: 500, openName: 200, period: 20, helpers: 500 } as const;

export type AnswerProblem =
  'bad-status' | 'na-not-allowed' | 'na-reason-required' | 'note-too-long' | 'na-reason-too-long' | 'open-name-too-long';

/** Characters that draw nothing: white space, zero-width spaces and joiners, bidi marks, BOM, soft hyphen… */
const INVISIBLE_ONLY = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}]*$/u;

/** True when the text draws nothing at all ("", "  ", "\u200b\u200b"): a reader would see a blank. */
export function isBlankText(s: string): boolean {
  return INVISIBLE_ONLY.test(s);
}

/**
 * Every free text is stored NFC and trimmed: a Vietnamese word typed on two keyboards
 * (composed vs. decomposed diacritics) must compare and count the same. A text of invisible
 * characters only (zero-width spaces, say) becomes "", so that a required text (period, N/A
 * reason, a returned review's comment) made of them is refused as missing on phone and server alike.
 */
export function normalizeText(s: string): string {
  return isBlankText(s) ? '' : s.normalize('NFC').trim();
}

/** Length in code points, so that one emoji or one rare Hán-Nôm character counts as one. */
export function textLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * NFC makes a text at most 3 times as many code points as it had (UAX #15, "Design Goals": the
 * maximum expansion factor of NFC is 3), and a text has at most as many code points as UTF-16 units.
 */
const NFC_MAX_EXPANSION = 3;

/**
 * Over `limit` code points once stored (NFC, trimmed)? A text short enough that even NFC's largest
 * expansion keeps it within the limit (nearly every note) is not normalised nor counted at all:
 * the server checks every text of every submission, and the normalising was most of that work.
 */
export function textTooLong(text: string | undefined, limit: number): boolean {
  if (text === undefined || text.length * NFC_MAX_EXPANSION <= limit) return false;
  return textLength(normalizeText(text)) > limit;
}

const tooLong = textTooLong;

/** Is "không áp dụng" a possible answer for this component? Never for central/provincial ones. */
export function naAllowed(c: CatalogueComponent, m: Methodology): boolean {
  if (c.tier === 'central' || c.tier === 'provincial') return false;
  return m.na.allowedTiers.includes(c.tier) || (c.open && m.na.allowedForOpenItems);
}

/** A status the methodology's scale knows: an integer 0…maxStatus. */
export function isScaleStatus(status: unknown, m: Methodology): status is 0 | 1 | 2 | 3 {
  return typeof status === 'number' && Number.isInteger(status) && status >= 0 && status <= m.maxStatus;
}

/** [] when the answer is valid. Checks shape defensively: answers may come from a backup file or the network. */
export function checkAnswer(c: CatalogueComponent, a: Answer, m: Methodology): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const status: unknown = a.status;
  if (status === 'na') {
    if (!naAllowed(c, m)) problems.push('na-not-allowed');
    if (m.na.reasonRequired && normalizeText(a.naReason ?? '') === '') problems.push('na-reason-required');
  } else if (status !== null && status !== undefined && !isScaleStatus(status, m)) {
    problems.push('bad-status');
  }
  if (tooLong(a.note, LIMITS.note)) problems.push('note-too-long');
  if (tooLong(a.naReason, LIMITS.naReason)) problems.push('na-reason-too-long');
  if (tooLong(a.openName, LIMITS.openName)) problems.push('open-name-too-long');
  return problems;
}
