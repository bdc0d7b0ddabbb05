/**
 * The checklist under a criteria set, as data: typed text becomes a value or is refused with the
 * engine's reason (nothing to write), the sections follow the set, and progress is the engine's.
 */
import { describe, expect, it } from 'vitest';
import catalogueJson from '../../../../data/catalogue/2026.1/catalogue.json';
import templateJson from '../../../../data/criteria/template-commune-index-2026.1.json';
import { parseCriteriaSet, scoreCriteria } from '../../../../src/domain/criteria';
import type { Catalogue } from '../../../../src/domain/types';
import {
  criteriaProgress,
  criteriaSections,
  parseNumberText,
  parseTyped,
  typedFromValue,
} from '../../../../src/ui/screens/Checklist/criteria-view';

const catalogue = catalogueJson as unknown as Catalogue;
const set = parseCriteriaSet(templateJson, catalogue);
const ind = (code: string) => set.indicators.find((i) => i.code === code)!;

describe('parseTyped', () => {
  it('turns whole numbers, pairs and percentages (decimal comma or point) into values', () => {
    expect(parseTyped(ind('NT1'), { a: ' 4 ', b: '' })).toEqual({ ok: true, value: { kind: 'number', value: 4 } });
    expect(parseTyped(ind('NT3'), { a: '2', b: '5' })).toEqual({ ok: true, value: { kind: 'pair', a: 2, b: 5 } });
    expect(parseTyped(ind('TC2'), { a: '62,5', b: '' })).toEqual({ ok: true, value: { kind: 'percent', value: 62.5 } });
    expect(parseTyped(ind('TC2'), { a: '62.5', b: '' })).toEqual({ ok: true, value: { kind: 'percent', value: 62.5 } });
  });

  it('clears the value when every box is empty', () => {
    expect(parseTyped(ind('NT1'), { a: '', b: '' })).toEqual({ ok: true, value: null });
    expect(parseTyped(ind('NT3'), { a: ' ', b: '' })).toEqual({ ok: true, value: null });
  });

  it('refuses each bad entry with its reason', () => {
    const refused = (code: string, a: string, b = '') => {
      const r = parseTyped(ind(code), { a, b });
      return r.ok ? 'accepted' : r.problem;
    };
    expect(refused('NT1', '-3')).toBe('negative');
    expect(refused('NT1', '2,5')).toBe('not-whole-number');
    expect(refused('NT1', 'ba')).toBe('not-a-number');
    expect(refused('NT3', '6', '4')).toBe('a-above-b');
    expect(refused('NT3', '2', '')).toBe('b-missing');
    expect(refused('NT3', '', '4')).toBe('a-missing');
    expect(refused('TC2', '120')).toBe('out-of-range');
    expect(refused('TC2', '-1')).toBe('out-of-range');
  });

  it('reads "1 000" and "1e3" as no number at all', () => {
    expect(parseNumberText('1 000')).toBeNaN();
    expect(parseNumberText('1e3')).toBeNaN();
  });

  it('shows a stored value back in the boxes, with a decimal comma in Vietnamese', () => {
    expect(typedFromValue({ kind: 'percent', value: 62.5 }, 'vi')).toEqual({ a: '62,5', b: '' });
    expect(typedFromValue({ kind: 'percent', value: 62.5 }, 'en')).toEqual({ a: '62.5', b: '' });
    expect(typedFromValue({ kind: 'pair', a: 2, b: null }, 'vi')).toEqual({ a: '2', b: '' });
    expect(typedFromValue(undefined, 'vi')).toEqual({ a: '', b: '' });
  });
});

describe('sections and progress', () => {
  it('lists the set’s groups and applicable indicators in set order', () => {
    const sections = criteriaSections(set, catalogue, ['rural']);
    expect(sections.map((s) => s.group.id)).toEqual(set.groups.map((g) => g.id));
    expect(sections.flatMap((s) => s.items.map((i) => i.indicator.code))).toEqual(set.indicators.map((i) => i.code));
    const ht1 = sections.flatMap((s) => s.items).find((i) => i.indicator.code === 'HT1');
    expect(ht1?.answerCode).toBe('HTS7');
  });

  it('counts required indicators answered, per group and in all, as the engine does', () => {
    const at = '2026-01-01T00:00:00.000Z';
    const answers = {
      NT1: { code: 'NT1', status: null, value: { kind: 'number' as const, value: 2 }, updatedAt: at },
      NT3: { code: 'NT3', status: null, value: { kind: 'pair' as const, a: 6, b: 4 }, updatedAt: at },
      HTS7: { code: 'HTS7', status: 2 as const, updatedAt: at },
    };
    const score = scoreCriteria({ set, catalogue, areaTypes: ['rural'], answers });
    const progress = criteriaProgress(set, score);
    expect(progress.get('NT')).toEqual({ answered: 1, total: 5 });
    expect(progress.get('HT')).toEqual({ answered: 1, total: 5 });
    expect(progress.get('')).toEqual({ answered: 2, total: score.completeness.requiredTotal });
    expect(score.completeness.requiredAnswered).toBe(2);
  });
});
