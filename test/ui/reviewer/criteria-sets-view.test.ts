import { describe, expect, it } from 'vitest';
import templateJson from '../../../data/criteria/template-commune-index-2026.1.json';
import type { CriteriaScore, CriteriaSet } from '../../../src/domain/criteria';
import { dispositionName, uploadType, XLSX_TYPE } from '../../../src/ui/reviewer/criteria-sets-api';
import {
  compareVersions,
  defaultPair,
  previewRows,
  problemPlace,
  ruleText,
  versionOrder,
} from '../../../src/ui/reviewer/criteria-sets-view';
import type { CriteriaSetMeta } from '../../../src/ui/reviewer/types';
import { tinySet } from '../../domain/criteria/fixtures';

const template = templateJson as CriteriaSet;
const meta = (id: string, setId: string, version: string, status: CriteriaSetMeta['status'], createdAt: string) =>
  ({
    id,
    setId,
    version,
    status,
    createdAt,
    provinceCode: '20',
    title: { vi: 'Bộ', en: 'Set' },
    indicatorCount: 47,
    sha256: 'x',
    bytes: 1,
    createdBy: 'rv',
  }) satisfies CriteriaSetMeta;

describe('the criteria sets screen, worked out', () => {
  it('orders versions newest first by number, not text (2026.10 after 2026.9)', () => {
    expect(compareVersions('2026.10', '2026.9')).toBeGreaterThan(0);
    expect(compareVersions('2025.9', '2026.1')).toBeLessThan(0);
    const sets = [
      meta('a', 'ls', '2026.1', 'published', '2026-01-01T00:00:00Z'),
      meta('c', 'ls', '2026.10', 'draft', '2026-03-01T00:00:00Z'),
      meta('b', 'ls', '2026.9', 'published', '2026-02-01T00:00:00Z'),
    ];
    expect(versionOrder(sets).map((s) => s.id)).toEqual(['c', 'b', 'a']);
    expect(defaultPair(sets)).toEqual(['b', 'c']);
    expect(defaultPair(sets.slice(0, 1))).toBeUndefined();
  });

  it('places a problem by sheet and cell (row and column) and by JSON path, from whatever the server gives', () => {
    expect(problemPlace({ message: 'm', cell: 'Chỉ tiêu!F12' })).toEqual({
      sheet: 'Chỉ tiêu',
      cell: 'F12',
      row: 12,
      column: 'F',
    });
    expect(problemPlace({ message: 'm', sheet: 'Nhóm', row: 3, column: 'C' })).toEqual({
      sheet: 'Nhóm',
      cell: 'C3',
      row: 3,
      column: 'C',
    });
    expect(problemPlace({ message: 'm', sheet: 'Nhóm', row: 4 })).toEqual({ sheet: 'Nhóm', row: 4 });
    expect(problemPlace({ message: 'm', path: 'groups[2].points' })).toEqual({ path: 'groups[2].points' });
  });

  it('says a rule in a few words, with option names', () => {
    const [nt1, nt2] = template.indicators;
    expect(ruleText(nt1!, 'vi')).toBe('≥ 1: 5; ≥ 2: 10; ≥ 3: 15; ≥ 4: 20');
    expect(ruleText(nt2!, 'vi')).toBe(
      'Bí thư Đảng ủy hoặc Chủ tịch Ủy ban nhân dân xã: 1; Phó Chủ tịch Ủy ban nhân dân xã: 1/2; Chưa thành lập Ban Chỉ đạo, hoặc người khác đứng đầu: 0',
    );
    const tiny = tinySet();
    expect(tiny.indicators.map((x) => ruleText(x, 'en'))).toEqual([
      '0: 0; 1: 1/3; 2: 2/3; 3: 1',
      'yes: 1; no: 0',
      'Chủ tịch: 1; Phó Chủ tịch: 0.5; Không có: 0',
      '≥ 1: 5; ≥ 2: 10; ≥ 3: 15; ≥ 4: 20',
      'a/b × 30; b = 0: 0',
      '≥ 50%: 5; ≥ 90%: 10',
    ]);
  });

  it('gives one preview row per group of the draft, nested, beside the current score of the same group', () => {
    const set = tinySet();
    set.groups.push({ id: 'A1', parent: 'A', vi: 'Nhóm con', en: 'Sub', aggregate: 'sum', points: 5, ifNoneCounted: 'zero' });
    const score = (groups: [string, number | null, number][]): CriteriaScore =>
      ({ groups: groups.map(([id, score, max]) => ({ id, score, max })) }) as unknown as CriteriaScore;
    const rows = previewRows(
      set,
      score([
        ['A', 30, 60],
        ['B', null, 40],
        ['A1', 5, 5],
      ]),
      score([['A', 20, 50]]),
      'vi',
    );
    expect(rows).toEqual([
      { id: 'A', label: 'Nhóm A', depth: 0, draft: { score: 30, max: 60 }, current: { score: 20, max: 50 } },
      { id: 'B', label: 'Nhóm B', depth: 0, draft: { score: null, max: 40 } },
      { id: 'A1', label: 'Nhóm con', depth: 1, draft: { score: 5, max: 5 } },
    ]);
  });

  it('sends .xlsx and .json by their media types, and nothing else', () => {
    expect(uploadType('Bộ chỉ số.XLSX')).toBe(XLSX_TYPE);
    expect(uploadType('set.json')).toBe('application/json');
    expect(uploadType('set.xls')).toBeUndefined();
    expect(uploadType('set.csv')).toBeUndefined();
  });

  it('names a download as the server says, else by the set', () => {
    expect(dispositionName('attachment; filename="ls-2026.2.xlsx"', 'x.xlsx')).toBe('ls-2026.2.xlsx');
    expect(dispositionName("attachment; filename=a.xlsx; filename*=UTF-8''%C3%A1.xlsx", 'x.xlsx')).toBe('a.xlsx');
    expect(dispositionName(null, 'x.xlsx')).toBe('x.xlsx');
  });
});
