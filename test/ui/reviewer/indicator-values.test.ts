import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CriteriaSet } from '../../../src/domain/criteria';
import { draftOf, draftValue, ownIndicators, valueText } from '../../../src/ui/reviewer/indicator-values';

const template = JSON.parse(
  readFileSync(new URL('../../../data/criteria/template-commune-index-2026.1.json', import.meta.url), 'utf8'),
) as CriteriaSet;
const byCode = (code: string) => template.indicators.find((i) => i.code === code)!;
const words = { yes: 'Có', no: 'Không', number: (n: number) => new Intl.NumberFormat('vi-VN').format(n) };

describe('a criteria set’s own indicators on the submission screen', () => {
  it('lists the set’s own answers, not a component’s status nor a measured figure, and only the applicable ones', () => {
    const all = ownIndicators(template, () => true);
    expect(all.length).toBeGreaterThan(0);
    for (const ind of all) {
      expect(ind.input.kind).not.toBe('measured');
      if (ind.input.kind === 'status') expect(ind.input.component).toBeUndefined();
    }
    expect(all.map((i) => i.code)).toContain('NT3');
    expect(ownIndicators(template, (code) => code !== 'NT3').map((i) => i.code)).not.toContain('NT3');
  });

  it('turns a typed ratio pair into a value, refusing a above b, blanks and non-numbers', () => {
    const pair = byCode('NT3');
    expect(draftValue(pair, { first: '1', second: '3' })).toEqual({ kind: 'pair', a: 1, b: 3 });
    expect(draftValue(pair, { first: '5', second: '3' })).toBe('a-above-b');
    expect(draftValue(pair, { first: '', second: '3' })).toBe('not-a-number');
    expect(draftValue(pair, { first: '1,5', second: '3' })).toBe('not-whole-number');
    expect(draftValue(pair, { first: 'ba', second: '3' })).toBe('not-a-number');
  });

  it('takes a choice, a yes/no and a percentage (with a decimal comma), and asks for a missing choice', () => {
    expect(draftValue(byCode('NT2'), { first: '', second: '' })).toBe('choose');
    expect(draftValue(byCode('NT2'), { first: 'vice', second: '' })).toEqual({ kind: 'choice', option: 'vice' });
    expect(draftValue(byCode('NT2'), { first: 'mayor', second: '' })).toBe('unknown-option');
    expect(draftValue(byCode('NT4'), { first: 'no', second: '' })).toEqual({ kind: 'yesno', yes: false });
    expect(draftValue(byCode('TC2'), { first: '72,5', second: '' })).toEqual({ kind: 'percent', value: 72.5 });
    expect(draftValue(byCode('TC2'), { first: '120', second: '' })).toBe('out-of-range');
    expect(draftValue(byCode('NT1'), { first: '-1', second: '' })).toBe('negative');
  });

  it('starts the adjustment from the officer’s value and says a value in words', () => {
    const value = { kind: 'pair', a: 2, b: 3 } as const;
    expect(draftValue(byCode('NT3'), draftOf(value))).toEqual(value);
    expect(valueText(byCode('NT3'), value, 'vi', words)).toBe(
      'Số cuộc họp về chuyển đổi số do Chủ tịch chủ trì: 2 cuộc họp; Tổng số cuộc họp về chuyển đổi số của xã trong năm: 3 cuộc họp',
    );
    expect(valueText(byCode('NT2'), { kind: 'choice', option: 'vice' }, 'vi', words)).toBe('Phó Chủ tịch Ủy ban nhân dân xã');
    expect(valueText(byCode('NT4'), { kind: 'yesno', yes: true }, 'vi', words)).toBe('Có');
    expect(valueText(byCode('TC2'), { kind: 'percent', value: 72.5 }, 'vi', words)).toBe('72,5%');
  });
});
