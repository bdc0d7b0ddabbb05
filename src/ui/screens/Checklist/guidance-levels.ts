/** The levels a "Hướng dẫn" panel lists, as plain data (GuidanceDisclosure.tsx shows them). */
import { guidanceText } from '../../../domain/guidance';
import type { GuidanceText } from '../../../domain/guidance';

/** One level: its value and label in the UI language ("2", "Đang triển khai"), its text in its own language. */
export interface GuidanceLevel {
  value: number;
  label: string;
  text: string;
  lang: string;
}

/**
 * Levels 0, 1, 2… from texts in Vietnamese with an optional English (component guidance) or in
 * Vietnamese only (a criteria set's `guidance.levels`), each labelled by `labelFor`.
 */
export function disclosureLevels(
  texts: readonly (GuidanceText | string)[],
  lang: string,
  labelFor: (value: number) => string,
): GuidanceLevel[] {
  return texts.map((t, value) => ({
    value,
    label: labelFor(value),
    ...guidanceText(typeof t === 'string' ? { vi: t } : t, lang),
  }));
}
