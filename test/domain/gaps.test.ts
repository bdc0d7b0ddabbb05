import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gapList } from '../../src/domain/gaps';
import { computeRawScores } from '../../src/domain/scoring-raw';
import type { Answer, AnswerMap, AreaType, Catalogue, Methodology, Status } from '../../src/domain/types';
import { allAt, answer, methodology, mini, realCatalogue, testMethodology, workedAnswers } from './scoring-fixtures';

const gaps = (answers: AnswerMap) => gapList({ catalogue: mini, methodology: testMethodology, areaTypes: ['urban'], answers });

describe('gapList on the worked example', () => {
  const list = gaps(workedAnswers);

  it('lists every counted component below 3, gate items first, then by gain, then catalogue order', () => {
    expect(list.map((g) => [g.code, g.gain, g.gate])).toEqual([
      ['ANM3', 4.17, true], // 2 × ⅔ × 100 / 4 / 2 groups / 4 layers
      ['NTL1', 12.5, false], // 2 × 1 × 100 / 2 / 2 / 4
      ['KTT1', 8.33, false], // 2 × ⅔ × 100 / 2 / 2 / 4
      ['DL2', 4.17, false], // unanswered: 1 × 1 × 100 / 3 / 2 / 4
      ['NVCQS1', 4.17, false], // ties with DL2: catalogue order
      ['HTS3', 2.78, false],
      ['ANM2', 2.08, false], // at 2: not below the gate's minStatus
      ['HTS5', 0.69, false],
    ]);
  });

  it('leaves out N/A, unnamed open items, full items and context components', () => {
    const codes = list.map((g) => g.code);
    for (const code of ['ANM4', 'HTS4', 'HTS2', 'HTS7', 'HTS1', 'ANM1', 'HTS6']) expect(codes).not.toContain(code);
  });

  it('sends "Khai thác…" items to the province and the rest to the commune', () => {
    expect(list.find((g) => g.code === 'NTL1')).toMatchObject({ actor: 'province', scoreGroup: 'NTL', status: 0 });
    expect(list.find((g) => g.code === 'DL2')).toMatchObject({ actor: 'commune', status: null });
  });

  it('is empty when everything is at 3', () => {
    expect(gaps(allAt(mini, ['urban'], 3))).toEqual([]);
  });
});

/** The index after bringing one component to 3, unrounded. */
function rescoredGain(catalogue: Catalogue, m: Methodology, areaTypes: AreaType[], answers: AnswerMap, code: string) {
  const before = computeRawScores({ catalogue, methodology: m, areaTypes, answers }).index;
  const prev = answers[code];
  const raised: Answer = prev ? { ...prev, status: 3 } : answer(code, 3);
  return computeRawScores({ catalogue, methodology: m, areaTypes, answers: { ...answers, [code]: raised } }).index - before;
}

describe('the analytic gain equals the gain found by rescoring', () => {
  it('on the worked example', () => {
    for (const g of gaps(workedAnswers))
      expect(g.gain).toBeCloseTo(rescoredGain(mini, testMethodology, ['urban'], workedAnswers, g.code), 2);
  });

  it('on random answers to the real catalogue', () => {
    const area: AreaType[] = ['urban', 'rural'];
    const codes = Object.keys(allAt(realCatalogue, area, 0));
    const status = fc.constantFrom<Status | null>(null, 0, 1, 2, 3, 'na');
    fc.assert(
      fc.property(fc.array(status, { minLength: codes.length, maxLength: codes.length }), (statuses) => {
        const answers: Record<string, Answer> = {};
        codes.forEach((code, i) => (answers[code] = answer(code, statuses[i] ?? null, { naReason: 'r', openName: 'n' })));
        for (const g of gapList({ catalogue: realCatalogue, methodology, areaTypes: area, answers }))
          expect(Math.abs(g.gain - rescoredGain(realCatalogue, methodology, area, answers, g.code))).toBeLessThan(0.006);
      }),
      { numRuns: 30 },
    );
  });
});
