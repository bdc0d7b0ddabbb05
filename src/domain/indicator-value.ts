/**
 * A criteria-set indicator's value (Answer.value) as plain data: its shape, checked without zod
 * (the store's checks run on the first screen's path), and equality by content, so that an edit
 * that changes nothing writes nothing and an import compares answers by what they say. Whether a
 * value is valid FOR an indicator (a ≤ b, in range…) is the criteria engine's checkValue.
 */
import type { IndicatorValue } from './types';

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** A value of one of the five kinds, with exactly its fields of the right types. */
export function isIndicatorValue(v: unknown): v is IndicatorValue {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).sort().join();
  switch (o.kind) {
    case 'yesno':
      return keys === 'kind,yes' && typeof o.yes === 'boolean';
    case 'choice':
      return keys === 'kind,option' && typeof o.option === 'string' && o.option.length > 0 && o.option.length <= 80;
    case 'number':
    case 'percent':
      return keys === 'kind,value' && isNum(o.value);
    case 'pair':
      return keys === 'a,b,kind' && isNum(o.a) && (o.b === null || isNum(o.b));
    default:
      return false;
  }
}

/** Same kind and same content (both absent counts as the same). */
export function sameIndicatorValue(a: IndicatorValue | undefined, b: IndicatorValue | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'yesno':
      return b.kind === 'yesno' && a.yes === b.yes;
    case 'choice':
      return b.kind === 'choice' && a.option === b.option;
    case 'number':
    case 'percent':
      return (b.kind === 'number' || b.kind === 'percent') && a.value === b.value;
    case 'pair':
      return b.kind === 'pair' && a.a === b.a && a.b === b.b;
  }
}
