/**
 * A criteria set's own indicators on the submission screen (issue #14): which ones are listed
 * below the catalogue components, an officer's or adjusted value in words, and the reviewer's
 * adjustment as typed (text fields) turned into a value of the indicator's kind.
 */
import { answerCode, checkValue, type ValueProblem } from '../../domain/criteria/rules';
import type { CriteriaIndicator, CriteriaSet } from '../../domain/criteria/schema';
import type { IndicatorValue } from '../../domain/types';

/**
 * The set's indicators answered on their own (not a catalogue component's status, which the
 * component list shows and verifies), leaving out measured figures: they are not the officer's.
 */
export function ownIndicators(set: CriteriaSet, applicable: (code: string) => boolean): CriteriaIndicator[] {
  return set.indicators.filter((ind) => answerCode(ind) === ind.code && ind.input.kind !== 'measured' && applicable(ind.code));
}

/** What the reviewer has typed or picked: `first` is the yes/no, option, number or a; `second` is b. */
export interface ValueDraft {
  first: string;
  second: string;
}

export type DraftProblem = 'choose' | 'not-a-number' | ValueProblem;

const number = (text: string): number | undefined => {
  const s = text.trim().replace(',', '.');
  if (s === '' || !/^-?\d+(\.\d+)?$/.test(s)) return undefined;
  return Number(s);
};

/** The value a draft stands for, or why it is not one the indicator accepts. */
export function draftValue(ind: CriteriaIndicator, d: ValueDraft): IndicatorValue | DraftProblem {
  const input = ind.input;
  let value: IndicatorValue;
  switch (input.kind) {
    case 'yesno':
      if (d.first !== 'yes' && d.first !== 'no') return 'choose';
      value = { kind: 'yesno', yes: d.first === 'yes' };
      break;
    case 'choice':
      if (!d.first) return 'choose';
      value = { kind: 'choice', option: d.first };
      break;
    case 'number':
    case 'percent': {
      const n = number(d.first);
      if (n === undefined) return 'not-a-number';
      value = { kind: input.kind, value: n };
      break;
    }
    case 'pair': {
      const a = number(d.first);
      const b = number(d.second);
      if (a === undefined || b === undefined) return 'not-a-number';
      value = { kind: 'pair', a, b };
      break;
    }
    default:
      return 'wrong-kind';
  }
  return checkValue(ind, value) ?? value;
}

export const isProblem = (v: IndicatorValue | DraftProblem): v is DraftProblem => typeof v === 'string';

/** A draft holding a value (the officer's, as the adjustment's starting point). */
export function draftOf(v: IndicatorValue | undefined): ValueDraft {
  if (!v) return { first: '', second: '' };
  switch (v.kind) {
    case 'yesno':
      return { first: v.yes ? 'yes' : 'no', second: '' };
    case 'choice':
      return { first: v.option, second: '' };
    case 'pair':
      return { first: String(v.a), second: v.b === null ? '' : String(v.b) };
    default:
      return { first: String(v.value), second: '' };
  }
}

/** Words for the labels a value is shown with, in the screen's language. */
export interface ValueWords {
  yes: string;
  no: string;
  number: (n: number) => string;
}

/** A value in words: "Có", an option's name, "12 cuộc", "3/5 (cuộc họp…/…)", "85%". */
export function valueText(ind: CriteriaIndicator, v: IndicatorValue, lang: string, w: ValueWords): string {
  const input = ind.input;
  const pick = (x: { vi: string; en: string }) => (lang === 'vi' ? x.vi : x.en);
  switch (v.kind) {
    case 'yesno':
      return v.yes ? w.yes : w.no;
    case 'choice': {
      const option = input.kind === 'choice' ? input.options.find((o) => o.id === v.option) : undefined;
      return option ? pick(option) : v.option;
    }
    case 'number':
      return input.kind === 'number' ? `${w.number(v.value)} ${pick(input.unit)}` : w.number(v.value);
    case 'pair':
      return input.kind === 'pair'
        ? `${pick(input.a)}: ${w.number(v.a)} ${pick(input.a.unit)}; ${pick(input.b)}: ${v.b === null ? '–' : w.number(v.b)} ${pick(input.b.unit)}`
        : `${w.number(v.a)}/${v.b === null ? '–' : w.number(v.b)}`;
    case 'percent':
      return `${w.number(v.value)}%`;
  }
}
