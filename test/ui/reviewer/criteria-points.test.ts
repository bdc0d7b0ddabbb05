import { describe, expect, it } from 'vitest';
import provisionalJson from '../../../data/criteria/provisional-2026.1.json';
import templateJson from '../../../data/criteria/template-commune-index-2026.1.json';
import catalogueJson from '../../../data/catalogue/2026.1/catalogue.json';
import { parseCriteriaSet, scoreCriteria } from '../../../src/domain/criteria';
import type { Catalogue } from '../../../src/domain/types';
import { criteriaGroupRows } from '../../../src/ui/reviewer/criteria-points';

const catalogue = catalogueJson as unknown as Catalogue;

describe('criteriaGroupRows', () => {
  it('lists the template’s groups with their points out of their maximum, named in the chosen language', () => {
    const set = parseCriteriaSet(templateJson, catalogue);
    const answers = { ANM7: { code: 'ANM7', status: 3 as const, updatedAt: '2026-03-01T00:00:00Z' } };
    const score = scoreCriteria({ set, catalogue, areaTypes: ['rural'], answers });
    const rows = criteriaGroupRows(score, set, 'vi');
    expect(rows.map((r) => [r.name, r.points, r.max, r.depth])).toEqual([
      ['Nhận thức số', 0, 100, 0],
      ['Thể chế số', 0, 80, 0],
      ['Hạ tầng số', 0, 120, 0],
      ['Nhân lực số', 0, 100, 0],
      ['An toàn thông tin mạng', 25, 100, 0],
      ['Hoạt động chính quyền số', 0, 250, 0],
      ['Hoạt động kinh tế số', 0, 100, 0],
      ['Hoạt động xã hội số', 0, 150, 0],
    ]);
    expect(criteriaGroupRows(score, set, 'en')[4]?.name).toBe('Cyber information security');
  });

  it('nests groups under their parent, and falls back to codes when the set is not loaded', () => {
    const set = parseCriteriaSet(provisionalJson, catalogue);
    const score = scoreCriteria({ set, catalogue, areaTypes: ['urban'], answers: {} });
    const rows = criteriaGroupRows(score, undefined, 'vi');
    expect(rows.slice(0, 4).map((r) => [r.name, r.depth])).toEqual([
      ['L1', 0],
      ['HTS', 1],
      ['ANM', 1],
      ['L2', 0],
    ]);
  });
});
