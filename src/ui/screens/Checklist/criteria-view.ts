/**
 * The checklist of an assessment under a criteria set, as plain data: the set's groups and the
 * indicators that apply, in set order; each group's progress; the statuses a status indicator
 * offers; and what the officer typed turned into a value, or the reason it is refused.
 * Progress is the engine's own definition (scoreCriteria: applicable required indicators with a
 * valid answer), the one submission checks, so the checklist and "cannot send yet" never disagree.
 * Pure: no DOM, no i18n.
 */
import { criteriaPlan } from '../../../domain/criteria/plan';
import { answerCode, checkValue } from '../../../domain/criteria/rules';
import type { ValueProblem } from '../../../domain/criteria/rules';
import type { CriteriaGroup, CriteriaIndicator, CriteriaSet } from '../../../domain/criteria/schema';
import type { CriteriaScore } from '../../../domain/criteria/score';
import type { AreaType, Catalogue, IndicatorValue, Status } from '../../../domain/types';

export interface IndicatorItem {
  indicator: CriteriaIndicator;
  /** Index in set.indicators (and in the score's indicators). */
  index: number;
  /** The answer it reads and writes: its linked component's code, or its own. */
  answerCode: string;
}

export interface CriteriaSection {
  group: CriteriaGroup;
  /** Nesting depth (0: a top-level group). */
  depth: number;
  items: IndicatorItem[];
}

/** Groups in set order, each with its applicable indicators; a group with nothing under it is left out. */
export function criteriaSections(set: CriteriaSet, catalogue: Catalogue, areaTypes: readonly AreaType[]): CriteriaSection[] {
  const plan = criteriaPlan(set, catalogue, areaTypes);
  const depthOf = new Map<string, number>();
  for (const g of set.groups) depthOf.set(g.id, g.parent === undefined ? 0 : (depthOf.get(g.parent) ?? 0) + 1);
  const sections = set.groups.map((group): CriteriaSection => ({ group, depth: depthOf.get(group.id) ?? 0, items: [] }));
  const byId = new Map(sections.map((s) => [s.group.id, s]));
  set.indicators.forEach((indicator, index) => {
    if (plan.applicable[index]) byId.get(indicator.group)?.items.push({ indicator, index, answerCode: answerCode(indicator) });
  });
  return sections.filter((s) => s.items.length > 0);
}

export interface Progress {
  answered: number;
  total: number;
}

/** Required indicators answered, per group id (and under "" for the whole set), from the engine's score. */
export function criteriaProgress(set: CriteriaSet, score: CriteriaScore): Map<string, Progress> {
  const out = new Map<string, Progress>([['', { answered: 0, total: 0 }]]);
  set.indicators.forEach((ind, i) => {
    const s = score.indicators[i];
    if (!s?.applicable || !ind.required) return;
    for (const key of [ind.group, '']) {
      const p = out.get(key) ?? { answered: 0, total: 0 };
      p.total++;
      if (s.answered) p.answered++;
      out.set(key, p);
    }
  });
  return out;
}

/** 0–3, and N/A where the set allows it. */
export function indicatorStatusChoices(ind: CriteriaIndicator): Status[] {
  return ind.input.kind === 'status' && ind.input.naAllowed ? [0, 1, 2, 3, 'na'] : [0, 1, 2, 3];
}

/** Why typed text is refused: the engine's reasons, plus text that is not a number at all. */
export type EntryProblem = ValueProblem | 'not-a-number' | 'a-missing';

/** What a typed card holds: the text of each box (number and percent use `a`). */
export interface TypedDraft {
  a: string;
  b: string;
}

export type Parsed = { ok: true; value: IndicatorValue | null } | { ok: false; problem: EntryProblem };

/** "12", "62,5", "62.5", "-3" → a number; anything else (letters, "1 000", "") → NaN. */
export function parseNumberText(s: string): number {
  const t = s.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

/**
 * The value a typed draft stands for, checked by the engine's checkValue: null when every box is
 * empty (the value is removed), or the reason it is refused (nothing is then written).
 */
export function parseTyped(ind: CriteriaIndicator, d: TypedDraft): Parsed {
  const kind = ind.input.kind;
  const a = d.a.trim();
  const b = d.b.trim();
  let value: IndicatorValue;
  if (kind === 'number' || kind === 'percent') {
    if (a === '') return { ok: true, value: null };
    const n = parseNumberText(a);
    if (Number.isNaN(n)) return { ok: false, problem: 'not-a-number' };
    value = { kind, value: n };
  } else if (kind === 'pair') {
    if (a === '' && b === '') return { ok: true, value: null };
    if (a === '') return { ok: false, problem: 'a-missing' };
    const na = parseNumberText(a);
    const nb = b === '' ? null : parseNumberText(b);
    if (Number.isNaN(na) || (nb !== null && Number.isNaN(nb))) return { ok: false, problem: 'not-a-number' };
    value = { kind, a: na, b: nb };
  } else {
    return { ok: false, problem: 'wrong-kind' };
  }
  const problem = checkValue(ind, value);
  return problem ? { ok: false, problem } : { ok: true, value };
}

/** The boxes' text for a stored value (a decimal comma in Vietnamese). */
export function typedFromValue(v: IndicatorValue | undefined, lang: string): TypedDraft {
  const text = (n: number | null) => (n === null ? '' : lang === 'vi' ? String(n).replace('.', ',') : String(n));
  if (v?.kind === 'number' || v?.kind === 'percent') return { a: text(v.value), b: '' };
  if (v?.kind === 'pair') return { a: text(v.a), b: text(v.b) };
  return { a: '', b: '' };
}
