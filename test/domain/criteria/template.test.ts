/** The template commune index: its shape, its labelling as a template, and its arithmetic. */
import { describe, expect, it } from 'vitest';
import templateJson from '../../../data/criteria/template-commune-index-2026.1.json';
import { parseCriteriaSet, scoreCriteria } from '../../../src/domain/criteria';
import type { CriteriaIndicator } from '../../../src/domain/criteria';
import { AREA_TYPES } from '../../../src/domain/vocabulary';
import type { Answer, AnswerMap, IndicatorValue } from '../../../src/domain/types';
import { realCatalogue } from '../scoring-fixtures';

const set = parseCriteriaSet(templateJson, realCatalogue);
const when = '2026-01-01T00:00:00.000Z';

/** The best answer an indicator can get (all at full) or the worst (all at zero). */
function answerAt(ind: CriteriaIndicator, best: boolean): Answer {
  const { input, rule } = ind;
  const code = input.kind === 'status' && input.component ? input.component : ind.code;
  if (input.kind === 'status') return { code, status: best ? 3 : 0, updatedAt: when };
  let value: IndicatorValue;
  if (input.kind === 'yesno') value = { kind: 'yesno', yes: best };
  else if (input.kind === 'choice') value = { kind: 'choice', option: (best ? input.options[0] : input.options.at(-1))!.id };
  else if (input.kind === 'number') value = { kind: 'number', value: best && rule.kind === 'steps' ? rule.steps.at(-1)!.min : 0 };
  else if (input.kind === 'pair') value = { kind: 'pair', a: best ? 9 : 0, b: 9 };
  else value = { kind: 'percent', value: best ? 100 : 0 };
  return { code, status: null, value, updatedAt: when };
}
const all = (best: boolean): AnswerMap =>
  Object.fromEntries(set.indicators.map((i) => answerAt(i, best)).map((a) => [a.code, a]));

describe('data/criteria/template-commune-index-2026.1.json', () => {
  it('has the 8 groups with 5, 3, 5, 6, 4, 10, 6 and 8 indicators: 47, for 1,000 points', () => {
    const count = (g: string) => set.indicators.filter((i) => i.group === g).length;
    expect(set.groups.map((g) => [g.vi, count(g.id)])).toEqual([
      ['Nhận thức số', 5],
      ['Thể chế số', 3],
      ['Hạ tầng số', 5],
      ['Nhân lực số', 6],
      ['An toàn thông tin mạng', 4],
      ['Hoạt động chính quyền số', 10],
      ['Hoạt động kinh tế số', 6],
      ['Hoạt động xã hội số', 8],
    ]);
    expect(set.indicators).toHaveLength(47);
    expect(set.total).toMatchObject({ aggregate: 'sum', points: 1000 });
  });

  it('is labelled as a template for a province to adapt, never as an official index', () => {
    expect(set.template).toBe(true);
    expect(set.notice?.vi).toContain('Bộ chỉ số MẪU để tỉnh tham khảo, điều chỉnh; không phải bộ chỉ số chính thức');
    expect(set.notice?.en).toContain('TEMPLATE');
    expect(set.title.vi).toContain('mẫu');
  });

  it('uses every input and rule kind, and gives every indicator evidence and guidance', () => {
    expect(new Set(set.indicators.map((i) => i.rule.kind))).toEqual(
      new Set(['status', 'yesno', 'choice', 'steps', 'ratio', 'thresholds']),
    );
    for (const i of set.indicators) {
      expect(i.evidence?.items.length, i.code).toBeGreaterThan(0);
      expect(i.guidance?.vi, i.code).toBeTruthy();
      if (i.input.kind === 'status') expect(i.guidance?.levels, i.code).toHaveLength(4);
    }
    // The two cross-cutting components of the model, as our own questions.
    expect(set.indicators.filter((i) => i.ownQuestion).map((i) => i.vi.split(' (')[0])).toEqual([
      'Vận hành – quản trị',
      'Nguồn lực – nhân lực',
    ]);
  });

  it('links to catalogue components where they overlap; status indicators share the component’s answer', () => {
    const linked = set.indicators.filter((i) => (i.input.kind === 'status' && i.input.component) || i.links?.length);
    expect(linked.length).toBeGreaterThanOrEqual(30);
  });

  it.each(AREA_TYPES.map((t) => [t]))('scores exactly 1,000 at full and 0 at nothing for a %s commune', (t) => {
    const best = scoreCriteria({ set, catalogue: realCatalogue, areaTypes: [t], answers: all(true) });
    expect([best.total, best.level, best.gatesApplied]).toEqual([1000, 5, []]);
    expect(best.groups.map((g) => g.score)).toEqual([100, 80, 120, 100, 100, 250, 100, 150]);
    const worst = scoreCriteria({ set, catalogue: realCatalogue, areaTypes: [t], answers: all(false) });
    expect([worst.total, worst.level]).toEqual([0, 1]);
  });

  it('caps the level at 2 while baseline security (AT1, component ANM7) is below “Đang triển khai”', () => {
    const answers = { ...all(true), ANM7: { code: 'ANM7', status: 1 as const, updatedAt: when } };
    const r = scoreCriteria({ set, catalogue: realCatalogue, areaTypes: ['rural'], answers });
    expect([r.indexLevel, r.level, r.gatesApplied]).toEqual([5, 2, ['baseline-security']]);
  });
});
