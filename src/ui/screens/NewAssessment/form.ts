/**
 * The new-assessment form as data: its values, the checks it must pass before
 * createAssessment is called, and the order in which errors take focus.
 * Pure: no DOM, no i18n (error codes are translated by the screen).
 */
import { normalizeText, textLength } from '../../../domain/answer-rules';
import type { AreaType } from '../../../domain/types';

export interface NewAssessmentForm {
  provinceCode: string;
  communeCode: string;
  areaTypes: AreaType[];
  period: string;
  helpers: string;
}

export type FormField = 'province' | 'commune' | 'areaTypes' | 'period' | 'helpers';

export type FormError =
  'province-required' | 'commune-required' | 'area-types-required' | 'period-required' | 'period-too-long' | 'helpers-too-long';

export type FormErrors = Partial<Record<FormField, FormError>>;

/** Order of the fields on screen: the first field in error takes focus. */
export const FIELD_ORDER: readonly FormField[] = ['province', 'commune', 'areaTypes', 'period', 'helpers'];

export interface FormLimits {
  period: number;
  helpers: number;
}

/** The period a new assessment defaults to: the current calendar year, e.g. "2026". */
export function defaultPeriod(now: Date = new Date()): string {
  return String(now.getFullYear());
}

export function emptyForm(now?: Date): NewAssessmentForm {
  return { provinceCode: '', communeCode: '', areaTypes: [], period: defaultPeriod(now), helpers: '' };
}

export function validateNewAssessment(form: NewAssessmentForm, limits: FormLimits): FormErrors {
  const errors: FormErrors = {};
  if (!form.provinceCode) errors.province = 'province-required';
  if (!form.communeCode) errors.commune = 'commune-required';
  if (form.areaTypes.length === 0) errors.areaTypes = 'area-types-required';
  const period = normalizeText(form.period);
  if (!period) errors.period = 'period-required';
  else if (textLength(period) > limits.period) errors.period = 'period-too-long';
  if (textLength(normalizeText(form.helpers)) > limits.helpers) errors.helpers = 'helpers-too-long';
  return errors;
}

export function firstErrorField(errors: FormErrors): FormField | undefined {
  return FIELD_ORDER.find((f) => errors[f] !== undefined);
}

/** Toggle one area type, keeping the canonical order urban, rural, mountain-border-island. */
export function toggleAreaType(
  current: readonly AreaType[],
  type: AreaType,
  on: boolean,
  order: readonly AreaType[],
): AreaType[] {
  const set = new Set(current);
  if (on) set.add(type);
  else set.delete(type);
  return order.filter((t) => set.has(t));
}

/** The i18n key of a commune-level unit type as the admin-unit list writes it. */
export function unitTypeKey(type: string): 'commune' | 'ward' | 'special-zone' | 'other' {
  switch (type.normalize('NFC')) {
    case 'xã':
      return 'commune';
    case 'phường':
      return 'ward';
    case 'đặc khu':
      return 'special-zone';
    default:
      return 'other';
  }
}

/** Periods compare as an officer reads them: "2026", " 2026" and "2026 " are one period; so are "2026-h2" and "2026-H2". */
function samePeriod(a: string, b: string): boolean {
  const key = (s: string) => normalizeText(s).toLocaleLowerCase('vi').replace(/\s+/gu, ' ');
  return key(a) === key(b);
}

/** An assessment already on this phone for the same commune and period (the most recently edited), if any. */
export function findDuplicate<T extends { communeCode: string; period: string; updatedAt: string }>(
  existing: readonly T[],
  communeCode: string,
  period: string,
): T | undefined {
  return existing
    .filter((a) => a.communeCode === communeCode && samePeriod(a.period, period))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
}
