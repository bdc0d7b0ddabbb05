/**
 * Checks on what the UI hands to the store, before anything is written. Plain code, no zod:
 * this module is on the first screen's path, and zod stays in the lazily loaded backup chunk.
 * Text is stored NFC and trimmed, and its length counted in code points, as answer-rules does.
 */
import { LIMITS, normalizeText, textLength } from '../domain/answer-rules';
import { AREA_TYPES, ASSESSMENT_STATUSES, COMPONENT_CODE_RE } from '../domain/vocabulary';
import { isIndicatorValue } from '../domain/indicator-value';
import type { AreaType, AssessmentStatus, CriteriaSetRef, IndicatorValue, Status } from '../domain/types';
import { InvalidInputError } from './errors';

export function checkCode(code: unknown, field = 'code'): string {
  if (typeof code !== 'string' || !COMPONENT_CODE_RE.test(code))
    throw new InvalidInputError(field, `"${String(code).slice(0, 20)}" is not a component code.`);
  return code;
}

export function checkStatus(status: unknown): Status | null {
  if (status === null || status === 'na' || status === 0 || status === 1 || status === 2 || status === 3) return status;
  throw new InvalidInputError('status', 'The status must be 0, 1, 2, 3, "na" or null.');
}

export function checkAssessmentStatus(status: unknown): AssessmentStatus {
  if (typeof status === 'string' && (ASSESSMENT_STATUSES as readonly string[]).includes(status))
    return status as AssessmentStatus;
  throw new InvalidInputError('status', 'Unknown assessment status.');
}

/** NFC + trim + length check; "" means "no text" and comes back as undefined. */
export function cleanText(value: unknown, field: keyof typeof LIMITS): string | undefined {
  if (typeof value !== 'string') throw new InvalidInputError(field, `${field} must be text.`);
  const s = normalizeText(value);
  if (textLength(s) > LIMITS[field]) throw new InvalidInputError(field, `${field} is longer than ${LIMITS[field]} characters.`);
  return s === '' ? undefined : s;
}

export function checkPeriod(value: unknown): string {
  const s = cleanText(value, 'period');
  if (s === undefined) throw new InvalidInputError('period', 'The period is required.');
  return s;
}

/** One or more known area types, duplicates dropped, in the canonical order. */
export function checkAreaTypes(value: unknown): AreaType[] {
  if (!Array.isArray(value) || value.length === 0) throw new InvalidInputError('areaTypes', 'Choose at least one area type.');
  const unknownType = value.find((t) => !(AREA_TYPES as readonly unknown[]).includes(t));
  if (unknownType !== undefined)
    throw new InvalidInputError('areaTypes', `Unknown area type "${String(unknownType).slice(0, 40)}".`);
  return AREA_TYPES.filter((t) => value.includes(t));
}

/** A short identifier: a province or commune code, a catalogue or methodology version. */
export function checkId(value: unknown, field: string, re?: RegExp, max = 80): string {
  if (typeof value !== 'string' || value === '' || value.length > max || (re && !re.test(value)))
    throw new InvalidInputError(field, `${field} is missing or malformed.`);
  return value;
}

/** A criteria-set indicator's value of a known kind (whether it is valid for its indicator is the UI's check). */
export function checkIndicatorValue(value: unknown): IndicatorValue {
  if (isIndicatorValue(value)) return value;
  throw new InvalidInputError('value', 'The value is not a yes/no, choice, number, pair or percentage.');
}

/** A criteria set named by id and version. */
export function checkCriteriaSetRef(value: unknown): CriteriaSetRef {
  const ref = value as Partial<CriteriaSetRef> | null;
  if (typeof ref !== 'object' || ref === null) throw new InvalidInputError('criteriaSet', 'The criteria set is malformed.');
  return { id: checkId(ref.id, 'criteriaSet', undefined, 80), version: checkId(ref.version, 'criteriaSet', undefined, 20) };
}
