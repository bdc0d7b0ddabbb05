// Issue #10 item 1: the numbers the field test saw disagree, reproduced on the real catalogue, and
// the one definition of answered / counted (src/domain/progress.ts) that every screen now uses.
import { describe, expect, it } from 'vitest';
import { applicableComponents } from '../../src/domain/catalogue';
import { assessmentProgress } from '../../src/domain/progress';
import { groupProgress, scoreAssessment } from '../../src/domain/scoring';
import type { Answer, AnswerMap, AreaType } from '../../src/domain/types';
import { progressOf } from '../../src/ui/screens/Home/progress';
import { answer, methodology, realCatalogue } from './scoring-fixtures';

const areaTypes: AreaType[] = ['urban', 'mountain-border-island'];

/**
 * The field test's assessment, rebuilt: eleven "…khác" items marked N/A (with a reason, unnamed),
 * six area items N/A, forty-five items with a status, the rest not yet answered. Before the fix the
 * home card said 62/84 and the checklist 45/67 for these answers.
 */
function fieldAnswers(): AnswerMap {
  const map: Record<string, Answer> = {};
  const applicable = applicableComponents(realCatalogue, areaTypes);
  const open = applicable.filter((c) => c.open).slice(0, 11);
  for (const c of open) map[c.code] = answer(c.code, 'na', { naReason: 'Xã không có' });
  const closed = applicable.filter((c) => !c.open);
  const area = closed.filter((c) => c.tier === 'area-specific');
  for (const c of area.slice(0, 6)) map[c.code] = answer(c.code, 'na', { naReason: 'Xã không có' });
  const rest = closed.filter((c) => !map[c.code]).slice(0, 45);
  for (const c of rest) map[c.code] = answer(c.code, 2);
  return map;
}

const sum = (rows: { answered: number; total: number }[]) =>
  rows.reduce((s, r) => ({ answered: s.answered + r.answered, total: s.total + r.total }), { answered: 0, total: 0 });

describe('progress numbers on every screen (issue #10, item 1)', () => {
  const answers = fieldAnswers();
  const input = { catalogue: realCatalogue, methodology, areaTypes, answers };

  it('are the same on the home card, the checklist header, the group headers and the summary', () => {
    const home = progressOf(realCatalogue, methodology, areaTypes, answers);
    const { completeness } = scoreAssessment(input); // checklist header and summary
    const groups = sum(groupProgress(input));
    expect({ answered: completeness.answered, total: completeness.counted }).toEqual(home);
    expect(groups).toEqual(home);
    // Before: home 62/84, checklist 45/67. Now one number: ƯDCQS13 and ƯDCQS21 ("Truyền thanh cơ
    // sở") are one item asked once, so 62 answers of 84 items become 61 of 83.
    expect(home).toEqual({ answered: 61, total: 83 });
  });

  it('does not count an N/A without its reason as answered, and names it in its group', () => {
    const dl20 = { ...answers, DL20: answer('DL20', 'na') }; // DL20 is rural: make the commune rural too
    const rural = { ...input, areaTypes: ['rural'] as AreaType[], answers: dl20 };
    const dl = assessmentProgress(rural).groups.find((g) => g.code === 'DL');
    expect(dl?.invalid).toEqual(['DL20']);
    expect(dl && dl.answered < dl.counted).toBe(true);
  });

  it('leaves an untouched "…khác" item out of the count but says how many are optional', () => {
    const hts = assessmentProgress({ ...input, answers: {} }).groups.find((g) => g.code === 'HTS');
    const cards = applicableComponents(realCatalogue, areaTypes).filter((c) => c.group === 'HTS').length;
    expect(hts && hts.counted + hts.optional).toBe(cards);
    expect(hts?.optional).toBeGreaterThan(0);
  });
});
