/**
 * A criteria set with measured indicators (issue #15), as a test fixture rather than a bundled
 * file under data/criteria: a bundled set is offered to every commune, and a new version of the
 * template would ask each commune on 2026.1 to move (SetVersionNotice) for the sake of an example.
 * A province that wants one writes it in its own set (JSON or the workbook's "Chỉ tiêu" sheet).
 */
import type { CriteriaSet } from '../../../src/domain/criteria';
import type { CommunityTally } from '../../../src/domain/community/tally';

const t = (vi: string, en: string) => ({ vi, en });

/** 40 points: A (10) one yes/no; M (30) residents helped per 1,000 inhabitants and share satisfied. */
export function measuredSet(): CriteriaSet {
  return {
    id: 'measured-example',
    version: '2026.1',
    title: t('Bộ thử có chỉ tiêu đo được', 'A test set with measured indicators'),
    template: false,
    catalogueVersions: ['test'],
    total: { aggregate: 'sum', points: 40, decimals: 2 },
    statusScale: [0, 1, 2, 3].map((value) => ({ value, vi: `Mức ${value}`, en: `Level ${value}` })),
    groups: [
      { id: 'A', ...t('Khai báo', 'Declared'), aggregate: 'sum', points: 10, ifNoneCounted: 'not-counted' },
      { id: 'M', ...t('Đo được', 'Measured'), aggregate: 'sum', points: 30, ifNoneCounted: 'zero' },
    ],
    indicators: [
      {
        code: 'Y1',
        group: 'A',
        ...t('Xã có Tổ công nghệ số cộng đồng', 'The commune has community digital teams'),
        points: 10,
        required: true,
        input: { kind: 'yesno' },
        rule: { kind: 'yesno', yes: 1, no: 0 },
      },
      {
        code: 'M1',
        group: 'M',
        ...t('Số lượt người dân được hỗ trợ trên 1.000 dân', 'Residents helped per 1,000 inhabitants'),
        points: 20,
        required: true,
        input: { kind: 'measured', metric: 'residentsHelpedPer1000' },
        rule: {
          kind: 'steps',
          steps: [
            { min: 10, points: 5 },
            { min: 50, points: 10 },
            { min: 100, points: 20 },
          ],
        },
      },
      {
        code: 'M2',
        group: 'M',
        ...t('Tỷ lệ người dân hài lòng', 'Share of residents satisfied'),
        points: 10,
        required: false,
        input: { kind: 'measured', metric: 'shareSatisfied' },
        rule: {
          kind: 'thresholds',
          thresholds: [
            { min: 50, points: 5 },
            { min: 80, points: 10 },
          ],
        },
      },
    ],
    levels: [
      { level: 1, min: 0, ...t('Một', 'One') },
      { level: 2, min: 20, ...t('Hai', 'Two') },
    ],
    gates: [],
  };
}

/** A tally as src/domain/community/tally.ts builds it. */
export function tallyOf(residentsHelped: number, satisfied: number, n: number): CommunityTally {
  return {
    period: '2026',
    residentsHelped,
    residentsByKind: { 'ky-nang-so': residentsHelped },
    sessions: 3,
    responses: n,
    satisfaction: { mean: n ? (satisfied * 5 + (n - satisfied) * 2) / n : null, shareSatisfied: n ? satisfied / n : null, n },
  };
}
