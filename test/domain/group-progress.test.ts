import { describe, expect, it } from 'vitest';
import { groupProgress } from '../../src/domain/scoring';
import type { AnswerMap } from '../../src/domain/types';
import { answer, mini, testMethodology, workedAnswers } from './scoring-fixtures';

const progress = (answers: AnswerMap) =>
  groupProgress({ catalogue: mini, methodology: testMethodology, areaTypes: ['urban'], answers });

describe('groupProgress', () => {
  it('counts applicable components per catalogue group, N/A as answered', () => {
    expect(progress(workedAnswers)).toEqual([
      { code: 'HTS', answered: 5, total: 5 }, // HTS4 is open and unnamed, but has a status
      { code: 'ANM', answered: 3, total: 3 },
      { code: 'DL', answered: 1, total: 2 },
      { code: 'NTL', answered: 1, total: 1 },
      { code: 'ƯDCQS', answered: 1, total: 1 },
      { code: 'NVCQS', answered: 1, total: 1 },
      { code: 'NVXHS', answered: 0, total: 0 }, // rural only
      { code: 'KTT', answered: 1, total: 1 },
      { code: 'ĐLHQ', answered: 2, total: 2 },
    ]);
  });

  it('leaves untouched open items out of the total, so a group can reach 100%', () => {
    expect(progress({}).find((p) => p.code === 'HTS')).toEqual({ code: 'HTS', answered: 0, total: 3 });
    const named = { HTS4: answer('HTS4', null, { openName: 'Camera' }) };
    expect(progress(named).find((p) => p.code === 'HTS')).toEqual({ code: 'HTS', answered: 0, total: 4 });
  });
});
