import { describe, expect, it } from 'vitest';
import { componentValue, componentWeight, levelFor, round1, scoreAssessment } from '../../src/domain/scoring';
import type { AnswerMap, AreaType, Catalogue } from '../../src/domain/types';
import {
  allAt,
  answer,
  answersOf,
  catalogueOf,
  comp,
  methodology,
  mini,
  realCatalogue,
  testMethodology as m,
  workedAnswers,
} from './scoring-fixtures';

const score = (answers: AnswerMap, areaTypes: AreaType[] = ['urban'], catalogue: Catalogue = mini) =>
  scoreAssessment({ catalogue, methodology: m, areaTypes, answers });
const groupScore = (answers: AnswerMap, id: string, areaTypes: AreaType[] = ['urban']) =>
  score(answers, areaTypes).groups.find((g) => g.id === id)?.score;
const byCode = (code: string) => mini.components.find((c) => c.code === code)!;

describe('componentWeight and componentValue', () => {
  it('weighs commune-essential 2, area-specific 1, central and provincial 0', () => {
    expect(componentWeight(byCode('HTS2'), undefined, m)).toBe(2);
    expect(componentWeight(byCode('HTS5'), undefined, m)).toBe(1);
    expect(componentWeight(byCode('HTS1'), answer('HTS1', 3), m)).toBe(0);
    expect(componentWeight(byCode('ANM1'), answer('ANM1', 3), m)).toBe(0);
  });

  it('counts an open item (weight 1) only when it is named', () => {
    const open = byCode('HTS4');
    expect(componentWeight(open, answer('HTS4', 3), m)).toBe(0);
    expect(componentWeight(open, answer('HTS4', 3, { openName: '   ' }), m)).toBe(0);
    expect(componentWeight(open, answer('HTS4', 3, { openName: 'Camera an ninh' }), m)).toBe(1);
    expect(componentWeight(open, answer('HTS4', 3), { ...m, openItemsCountOnlyWhenNamed: false })).toBe(1);
  });

  it('gives N/A weight 0 where allowed, and ignores an N/A that is not allowed', () => {
    expect(componentWeight(byCode('HTS5'), answer('HTS5', 'na', { naReason: 'x' }), m)).toBe(0);
    expect(componentWeight(byCode('HTS2'), answer('HTS2', 'na', { naReason: 'x' }), m)).toBe(2);
  });

  it('values a status as status / 3 and unanswered as 0', () => {
    expect([0, 1, 2, 3].map((s) => componentValue(answer('X', s as 0), m))).toEqual([0, 1 / 3, 2 / 3, 1]);
    expect(componentValue(undefined, m)).toBe(0);
    expect(componentValue(answer('X', null), m)).toBe(0);
  });
});

describe('scoreAssessment on the worked example', () => {
  const result = score(workedAnswers);
  it('computes every group by hand', () => {
    // HTS: (2·3 + 2·1 + 1·2 + 1·3) / (3·6) = 13/18; HTS4 (open, unnamed) is not counted.
    expect(result.groups.map((g) => [g.id, g.score])).toEqual([
      ['HTS', 72.2],
      ['ANM', 50], // ANM4 is N/A: (2·2 + 2·1) / (3·4)
      ['DL', 66.7], // DL2 unanswered counts 0: 2·3 / (3·3)
      ['NTL', 0],
      ['ƯD', 83.3], // NVXHS1 is rural, not applicable
      ['KTT', 33.3],
      ['ĐLHQ', 100],
    ]);
  });

  it('layer = mean of its groups, index = mean of layers, rounded only at the end', () => {
    expect(result.layers).toEqual([
      { layer: 1, score: 61.1 },
      { layer: 2, score: 33.3 },
      { layer: 3, score: 83.3 },
      { layer: 4, score: 66.7 },
    ]);
    expect(result.index).toBe(61.1); // 550/9
    expect(result.indexLevel).toBe(3);
  });

  it('caps the level at 2 while a commune-essential ANM component is below 2', () => {
    expect(result.level).toBe(2);
    expect(result.gatesApplied).toEqual(['anm-prerequisite']);
    const fixed = score({ ...workedAnswers, ANM3: answer('ANM3', 2) });
    expect(fixed.level).toBe(fixed.indexLevel);
    expect(fixed.gatesApplied).toEqual([]);
  });

  // Issue #10: completeness is the one progress of src/domain/progress.ts, so an N/A (ANM4) and an
  // open item given a status without a name (HTS4) are answered and counted, as on every screen.
  it('reports completeness over asked and required components', () => {
    expect(result.completeness).toEqual({ answered: 15, counted: 16, essentialAnswered: 10, essentialTotal: 10, ratio: 15 / 16 });
    expect(result.complete).toBe(true);
    expect(result.groups.find((g) => g.id === 'DL')).toMatchObject({ applicable: 2, answered: 1 });
    expect(result).toMatchObject({ catalogueVersion: 'test', methodologyId: 'provisional-2026.1' });
  });
});

describe('scoring rules', () => {
  it('counts an unanswered component as 0 but keeps it in the denominator', () => {
    expect(groupScore(answersOf({ DL1: 3 }), 'DL')).toBe(66.7);
    expect(groupScore(answersOf({ DL1: 3, DL2: 'na' }), 'DL')).toBe(100);
  });

  it('scores only the area-specific components of the chosen types (several allowed)', () => {
    const answers = answersOf({ HTS2: 3, HTS3: 3, HTS5: 0, HTS6: 3 });
    expect(groupScore(answers, 'HTS', ['urban'])).toBe(80); // 12/15
    expect(groupScore(answers, 'HTS', ['rural'])).toBe(100);
    expect(groupScore(answers, 'HTS', ['urban', 'rural'])).toBe(83.3); // 15/18
    expect(groupScore(answers, 'HTS', [])).toBe(100);
  });

  it('a group with nothing counted is null and leaves its layer mean', () => {
    const cat = catalogueOf([comp('HTS1', 'commune-essential'), comp('ANM1', 'area-specific', { areaType: 'urban' })]);
    const r = score(answersOf({ HTS1: 3, ANM1: 'na' }), ['urban'], cat);
    expect(r.groups.find((g) => g.id === 'ANM')?.score).toBeNull();
    expect(r.layers).toEqual([{ layer: 1, score: 100 }]);
  });

  it('leaves out of the index a layer with no applicable component at all', () => {
    const cat = catalogueOf([comp('HTS1', 'commune-essential'), comp('KTT1', 'area-specific', { areaType: 'rural' })]);
    const r = score(answersOf({ HTS1: 3 }), ['urban'], cat);
    expect(r.layers.map((l) => l.layer)).toEqual([1]);
    expect(r.index).toBe(100);
  });

  it('counts as 0 a layer whose applicable components are all N/A or unnamed open items', () => {
    const cat = catalogueOf([
      comp('HTS1', 'commune-essential'),
      comp('KTT1', 'area-specific', { areaType: 'urban' }),
      comp('ĐLHQ1', 'commune-essential', { open: true }),
    ]);
    const r = score(answersOf({ HTS1: 3, KTT1: 'na', ĐLHQ1: 3 }), ['urban'], cat);
    expect(r.layers).toEqual([
      { layer: 1, score: 100 },
      { layer: 4, score: 0 },
    ]);
    expect(r.index).toBe(50);
  });

  it('throws a clear error when the methodology does not cover the catalogue version', () => {
    expect(() => scoreAssessment({ catalogue: mini, methodology, areaTypes: [], answers: {} })).toThrow(
      /provisional-2026\.1.*cannot score catalogue version "test"/,
    );
  });

  it('refuses a methodology with numeric indicators rather than mis-scoring', () => {
    const withIndicator = {
      ...m,
      indicators: [{ code: 'I1', kind: 'ratio' as const, points: 10, group: 'HTS', vi: 'x', en: 'x' }],
    };
    expect(() => scoreAssessment({ catalogue: mini, methodology: withIndicator, areaTypes: [], answers: {} })).toThrow(
      /indicators/,
    );
  });

  it('treats off-scale statuses from a hostile payload as unanswered', () => {
    const hostile = { DL1: answer('DL1', 7 as 3), DL2: answer('DL2', -1 as 0) };
    expect(groupScore(hostile, 'DL')).toBe(0);
  });
});

describe('levels and rounding', () => {
  it.each([
    [0, 1],
    [24.9, 1],
    [25, 2],
    [49.9, 2],
    [50, 3],
    [74.9, 3],
    [75, 4],
    [89.9, 4],
    [90, 5],
    [100, 5],
  ])('index %d is level %d', (index, level) => {
    expect(levelFor(index, methodology)).toBe(level);
  });

  it('rounds half away from zero despite binary floats', () => {
    expect(round1(24.95)).toBe(25);
    expect(round1(550 / 9)).toBe(61.1);
    expect(round1(0)).toBe(0);
  });
});

describe('completeness', () => {
  it('is incomplete until every required (essential, not open) component has a status', () => {
    const partial = score(answersOf({ HTS2: 3 }));
    expect(partial.complete).toBe(false);
    expect(partial.completeness).toMatchObject({ essentialAnswered: 1, essentialTotal: 10, answered: 1, counted: 14 });
    const noOpen = { ...workedAnswers, HTS4: undefined, HTS5: undefined };
    expect(score(noOpen).complete).toBe(true);
    expect(score({ ...workedAnswers, NTL1: answer('NTL1', null) }).complete).toBe(false);
  });
});

describe('the real catalogue', () => {
  const real = (answers: AnswerMap, areaTypes: AreaType[]) =>
    scoreAssessment({ catalogue: realCatalogue, methodology, areaTypes, answers });

  it('all essential + mountain items at 3 → 100, level 5; at 0 → 0, level 1', () => {
    const area: AreaType[] = ['mountain-border-island'];
    const top = real(allAt(realCatalogue, area, 3), area);
    expect(top).toMatchObject({ index: 100, level: 5, indexLevel: 5, gatesApplied: [], complete: true });
    expect(top.groups.every((g) => g.score === 100)).toBe(true);
    const bottom = real(allAt(realCatalogue, area, 0), area);
    expect(bottom).toMatchObject({ index: 0, level: 1, complete: true });
    expect(bottom.layers).toHaveLength(4);
    expect(real({}, area)).toMatchObject({ index: 0, level: 1, complete: false });
  });
});
