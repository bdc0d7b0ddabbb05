import { describe, expect, it } from 'vitest';
import { sortCommunes } from '../../../src/ui/reviewer/communes';
import {
  communePoints,
  pointBasedSets,
  setAnchor,
  setLevelShares,
  summaryGroupRows,
} from '../../../src/ui/reviewer/criteria-summary';
import type { CommuneRow, CriteriaSetSummary } from '../../../src/ui/reviewer/types';
import { commune } from './fixtures';

function set(over: Partial<CriteriaSetSummary>): CriteriaSetSummary {
  return {
    setId: 'template-commune-index',
    setVersion: '2026.1',
    title: { vi: 'Bộ chỉ số mẫu', en: 'Template index' },
    notice: null,
    template: true,
    pointBased: true,
    communes: 4,
    averageTotal: 512.5,
    max: 1000,
    levels: [
      { level: 1, count: 1, min: 0, vi: 'Khởi động', en: 'Starting' },
      { level: 2, count: 3, min: 250, vi: 'Cơ bản', en: 'Basic' },
    ],
    groups: [
      { id: 'A', parent: null, vi: 'Nhóm A', en: 'Group A', average: 40.5, max: 60 },
      { id: 'B', parent: null, vi: 'Nhóm B', en: 'Group B', average: null, max: 40 },
      { id: 'A1', parent: 'A', vi: 'Nhóm A1', en: 'Group A1', average: 20, max: 30 },
    ],
    verified: { communes: 0, index: { self: null, verified: null }, groups: [] },
    ...over,
  };
}

const under = (total: number, pointBased = true): Pick<CommuneRow, 'criteria'> => ({
  criteria: {
    setId: pointBased ? 'template-commune-index' : 'provisional',
    setVersion: '2026.1',
    template: pointBased,
    pointBased,
    total,
    max: pointBased ? 1000 : 100,
    level: 2,
    groups: [],
  },
});

describe('criteria sets on the dashboard', () => {
  it('gives a section to point-based sets some commune is under, not to an index like the provisional one', () => {
    const provisional = set({ setId: 'provisional', pointBased: false, template: false });
    const empty = set({ setVersion: '2026.2', communes: 0 });
    expect(pointBasedSets([provisional, set({}), empty]).map((s) => s.setVersion)).toEqual(['2026.1']);
  });

  it('lists groups with nested ones under their parent, named in the language shown', () => {
    expect(summaryGroupRows(set({}), 'vi').map((g) => [g.name, g.depth, g.average, g.max])).toEqual([
      ['Nhóm A', 0, 40.5, 60],
      ['Nhóm A1', 1, 20, 30],
      ['Nhóm B', 0, null, 40],
    ]);
    expect(summaryGroupRows(set({}), 'en')[0]!.name).toBe('Group A');
  });

  it('shares levels over the set’s own communes, and makes an id out of the set key', () => {
    expect(setLevelShares(set({})).map((l) => l.share)).toEqual([0.25, 0.75]);
    expect(setLevelShares(set({ communes: 0 })).map((l) => l.share)).toEqual([0, 0]);
    expect(setAnchor(set({}))).toBe('rv-set-template-commune-index-2026-1');
  });
});

describe('points in the commune list', () => {
  const rows = [
    commune('1', 'Xã An', under(300)),
    commune('2', 'Xã Bình', under(70, false)),
    commune('3', 'Xã Chiềng'),
    commune('4', 'Xã Đông', under(650)),
  ];

  it('shows points only under a point-based set', () => {
    expect(rows.map((r) => communePoints(r)?.total)).toEqual([300, undefined, undefined, 650]);
  });

  it('sorts by points, communes without any last whichever way', () => {
    const codes = (r: CommuneRow[]) => r.map((x) => x.code);
    expect(codes(sortCommunes(rows, { key: 'points', dir: 'desc' }))).toEqual(['4', '1', '2', '3']);
    expect(codes(sortCommunes(rows, { key: 'points', dir: 'asc' }))).toEqual(['1', '4', '2', '3']);
  });
});
