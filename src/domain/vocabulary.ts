/**
 * The domain's small words, written once: code patterns, area types, assessment statuses and the
 * lock rule, level names. Plain constants without zod, so that the first screen (the store's input
 * checks, the forms) can use them without loading the schema library; the zod schemas of the
 * domain and the server are built from them. (The text rule, NFC + trim and length in code points,
 * lives beside the answer limits in ./answer-rules.ts, also without zod.)
 */
/** A province code: two digits, as in data/admin-units ("01", "68"). */
export const PROVINCE_CODE_RE = /^\d{2}$/;
/** A commune code: five digits. */
export const COMMUNE_CODE_RE = /^\d{5}$/;
/** A catalogue component code such as "HTS7", "ƯDCQS19", "ĐLHQ8" (NFC). */
export const COMPONENT_CODE_RE = /^[\p{Lu}Đ]{2,6}\d{1,2}$/u;

/** Loại địa bàn, in the canonical order every list and hash uses. A commune may be of more than one. */
export const AREA_TYPES = ['urban', 'rural', 'mountain-border-island'] as const;
export type AreaType = (typeof AREA_TYPES)[number];

export const ASSESSMENT_STATUSES = ['draft', 'submitted', 'accepted', 'returned'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** Sent or accepted: the phone keeps its answers as they went up until the province returns them. */
const LOCKED_STATUSES: readonly AssessmentStatus[] = ['submitted', 'accepted'];

export function isLocked(status: AssessmentStatus): boolean {
  return LOCKED_STATUSES.includes(status);
}

/** Level 3 of the methodology: "Developing" in English, "Phát triển" otherwise; '' when unknown. */
export function levelName(
  m: { levels: readonly { level: number; vi: string; en: string }[] },
  level: number | null | undefined,
  lang: string,
): string {
  const def = m.levels.find((l) => l.level === level);
  if (!def) return '';
  return lang === 'en' ? def.en : def.vi;
}
