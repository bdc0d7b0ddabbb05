/** A small criteria set with one indicator of every input kind, for the engine's unit tests. */
import type { CriteriaIndicator, CriteriaSet } from '../../../src/domain/criteria';
import type { Answer, IndicatorValue, Status } from '../../../src/domain/types';
import { catalogueOf, comp } from '../scoring-fixtures';

export const tinyCatalogue = catalogueOf([
  comp('HTS6', 'commune-essential'),
  comp('ANM6', 'commune-essential'),
  comp('HTS9', 'area-specific', { areaType: 'rural' }),
]);

const t = (vi: string) => ({ vi, en: vi });
const ind = (
  code: string,
  group: string,
  points: number,
  rest: Pick<CriteriaIndicator, 'input' | 'rule'> & Partial<CriteriaIndicator>,
): CriteriaIndicator => ({
  code,
  group,
  vi: `Chỉ số ${code}`,
  en: `Indicator ${code}`,
  points,
  required: true,
  ...rest,
});

/** 100 points: A (sum, 60) holds status, yes/no, choice, steps; B (sum, 40) holds ratio and thresholds. */
export function tinySet(): CriteriaSet {
  return {
    id: 'tiny',
    version: '2026.1',
    title: t('Bộ thử'),
    template: false,
    catalogueVersions: ['test'],
    total: { aggregate: 'sum', points: 100, decimals: 1 },
    statusScale: [0, 1, 2, 3].map((value) => ({ value, vi: `Mức ${value}`, en: `Level ${value}` })),
    groups: [
      { id: 'A', vi: 'Nhóm A', en: 'Group A', aggregate: 'sum', points: 60, ifNoneCounted: 'not-counted' },
      { id: 'B', vi: 'Nhóm B', en: 'Group B', aggregate: 'sum', points: 40, ifNoneCounted: 'not-counted' },
    ],
    indicators: [
      ind('S1', 'A', 15, {
        input: { kind: 'status', component: 'HTS6', naAllowed: false },
        rule: { kind: 'status', fractions: [0, '1/3', '2/3', 1] },
      }),
      ind('Y1', 'A', 10, { input: { kind: 'yesno' }, rule: { kind: 'yesno', yes: 1, no: 0 } }),
      ind('C1', 'A', 15, {
        input: {
          kind: 'choice',
          options: [
            { id: 'chair', ...t('Chủ tịch') },
            { id: 'vice', ...t('Phó Chủ tịch') },
            { id: 'none', ...t('Không có') },
          ],
        },
        rule: { kind: 'choice', fractions: { chair: 1, vice: 0.5, none: 0 } },
      }),
      ind('N1', 'A', 20, {
        input: { kind: 'number', unit: t('cuộc họp') },
        rule: {
          kind: 'steps',
          steps: [
            { min: 1, points: 5 },
            { min: 2, points: 10 },
            { min: 3, points: 15 },
            { min: 4, points: 20 },
          ],
        },
      }),
      ind('R1', 'B', 30, {
        input: {
          kind: 'pair',
          a: { ...t('Số cuộc họp do Chủ tịch chủ trì'), unit: t('cuộc') },
          b: { ...t('Tổng số cuộc họp'), unit: t('cuộc') },
          aAtMostB: true,
        },
        rule: { kind: 'ratio', whenBIsZero: 'zero' },
      }),
      ind('P1', 'B', 10, {
        input: { kind: 'percent' },
        rule: {
          kind: 'thresholds',
          thresholds: [
            { min: 50, points: 5 },
            { min: 90, points: 10 },
          ],
        },
      }),
    ],
    levels: [
      { level: 1, min: 0, ...t('Một') },
      { level: 2, min: 50, ...t('Hai') },
      { level: 3, min: 80, ...t('Ba') },
    ],
    gates: [{ id: 'status-gate', indicators: ['S1'], below: '2/3', capLevel: 2, ...t('Cổng') }],
  };
}

export const at = (code: string, status: Status | null): Answer => ({ code, status, updatedAt: '2026-01-01T00:00:00.000Z' });
export const val = (code: string, value: IndicatorValue): Answer => ({
  code,
  status: null,
  value,
  updatedAt: '2026-01-01T00:00:00.000Z',
});
export const mapOf = (...list: Answer[]): Record<string, Answer> => Object.fromEntries(list.map((a) => [a.code, a]));
