import { describe, expect, it } from 'vitest';
import {
  defaultPeriod,
  emptyForm,
  findDuplicate,
  firstErrorField,
  toggleAreaType,
  unitTypeKey,
  validateNewAssessment,
} from '../../../../src/ui/screens/NewAssessment/form';
import type { NewAssessmentForm } from '../../../../src/ui/screens/NewAssessment/form';
import { LIMITS } from '../../../../src/domain/answer-rules';
import { AREA_TYPES } from '../../../../src/domain/vocabulary';

const valid: NewAssessmentForm = {
  provinceCode: '01',
  communeCode: '00004',
  areaTypes: ['urban'],
  period: '2026',
  helpers: '',
};

describe('new assessment form', () => {
  it('defaults the period to the current year', () => {
    expect(defaultPeriod(new Date('2026-05-01T00:00:00'))).toBe('2026');
    expect(emptyForm(new Date('2027-01-02T00:00:00')).period).toBe('2027');
  });

  it('accepts a complete form', () => {
    expect(validateNewAssessment(valid, LIMITS)).toEqual({});
  });

  it('names every missing field, and the first one in screen order takes focus', () => {
    const errors = validateNewAssessment(emptyForm(), LIMITS);
    expect(errors).toEqual({
      province: 'province-required',
      commune: 'commune-required',
      areaTypes: 'area-types-required',
    });
    expect(firstErrorField(errors)).toBe('province');
    expect(firstErrorField({ period: 'period-required', areaTypes: 'area-types-required' })).toBe('areaTypes');
    expect(firstErrorField({})).toBeUndefined();
  });

  it('requires a period and limits its length in characters, after trimming', () => {
    expect(validateNewAssessment({ ...valid, period: '   ' }, LIMITS).period).toBe('period-required');
    expect(validateNewAssessment({ ...valid, period: `  ${'9'.repeat(LIMITS.period)}  ` }, LIMITS)).toEqual({});
    expect(validateNewAssessment({ ...valid, period: '9'.repeat(LIMITS.period + 1) }, LIMITS).period).toBe('period-too-long');
  });

  it('counts decomposed Vietnamese as the user sees it', () => {
    const nfd = 'Nguyễn Văn Á'.normalize('NFD');
    const limits = { period: 20, helpers: 'Nguyễn Văn Á'.length };
    expect(validateNewAssessment({ ...valid, helpers: nfd }, limits)).toEqual({});
    expect(validateNewAssessment({ ...valid, helpers: `${nfd}x` }, limits).helpers).toBe('helpers-too-long');
  });

  it('keeps area types in canonical order, without duplicates', () => {
    let v = toggleAreaType([], 'mountain-border-island', true, AREA_TYPES);
    v = toggleAreaType(v, 'urban', true, AREA_TYPES);
    v = toggleAreaType(v, 'urban', true, AREA_TYPES);
    expect(v).toEqual(['urban', 'mountain-border-island']);
    expect(toggleAreaType(v, 'urban', false, AREA_TYPES)).toEqual(['mountain-border-island']);
  });

  it('maps unit types to locale keys, NFC or not', () => {
    expect(unitTypeKey('xã')).toBe('commune');
    expect(unitTypeKey('phường'.normalize('NFD'))).toBe('ward');
    expect(unitTypeKey('đặc khu')).toBe('special-zone');
    expect(unitTypeKey('huyện')).toBe('other');
  });
});

// Issue #10 item 7: a second assessment of the same commune and period is asked about first.
describe('findDuplicate', () => {
  const existing = [
    { id: 'a', communeCode: '24848', period: '2026', updatedAt: '2026-01-01T00:00:00.000Z' },
    { id: 'b', communeCode: '24848', period: '2026-H2', updatedAt: '2026-02-01T00:00:00.000Z' },
    { id: 'c', communeCode: '24848', period: '2026', updatedAt: '2026-03-01T00:00:00.000Z' },
  ];
  it('finds the same commune and period, however the period is spaced or cased, newest first', () => {
    expect(findDuplicate(existing, '24848', ' 2026 ')?.id).toBe('c');
    expect(findDuplicate(existing, '24848', '2026-h2')?.id).toBe('b');
  });
  it('lets another period or another commune through', () => {
    expect(findDuplicate(existing, '24848', '2027')).toBeUndefined();
    expect(findDuplicate(existing, '00004', '2026')).toBeUndefined();
  });
});
