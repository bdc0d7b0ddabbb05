/** The result table under a criteria set: groups in set order, nested groups under their parent, points as scored. */
import { describe, expect, it } from 'vitest';
import type { CriteriaScore } from '../../../../src/domain/criteria';
import type { CriteriaSet } from '../../../../src/domain/criteria/schema';
import { criteriaGroupLines } from '../../../../src/ui/screens/assessment/criteria-result';

const group = (id: string, parent?: string) => ({
  id,
  ...(parent ? { parent } : {}),
  vi: `Nhóm ${id}`,
  en: `Group ${id}`,
  aggregate: 'sum' as const,
  points: 10,
  ifNoneCounted: 'not-counted' as const,
});

describe('criteriaGroupLines', () => {
  it('walks the groups depth first, each child under its parent, with the scored points', () => {
    const set = { groups: [group('A'), group('B'), group('A1', 'A')] } as unknown as CriteriaSet;
    const score = {
      groups: [
        { id: 'A', parent: null, score: 7.5, max: 10, counted: 2, answered: 2 },
        { id: 'B', parent: null, score: null, max: 10, counted: 0, answered: 0 },
        { id: 'A1', parent: 'A', score: 5, max: 10, counted: 1, answered: 1 },
      ],
    } as unknown as CriteriaScore;
    expect(criteriaGroupLines(set, score).map((l) => [l.id, l.depth, l.points, l.name.vi])).toEqual([
      ['A', 0, 7.5, 'Nhóm A'],
      ['A1', 1, 5, 'Nhóm A1'],
      ['B', 0, null, 'Nhóm B'],
    ]);
  });
});
