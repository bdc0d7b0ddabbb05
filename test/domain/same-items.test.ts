// Issue #10 item 4: an item the model lists under several area types is asked once, and its one
// answer counts for each type (on the phone and on the server alike).
import { describe, expect, it } from 'vitest';
import { askedCode, askedComponents, effectiveAnswers, sameItemSet } from '../../src/domain/same-items';
import { gapList } from '../../src/domain/gaps';
import { CatalogueSchema } from '../../src/domain/schemas';
import { scoreAssessment } from '../../src/domain/scoring';
import { validateSubmission } from '../../src/domain/submission';
import type { AreaType } from '../../src/domain/types';
import { allAt, answer, methodology, realCatalogue } from './scoring-fixtures';

const codes = (areaTypes: AreaType[]) => askedComponents(realCatalogue, areaTypes).map((c) => c.code);

describe('same items', () => {
  it("are the catalogue's sets: HTS12/HTS16, ƯDCQS13/17/21, ƯDKTS13/17", () => {
    expect(sameItemSet(realCatalogue, 'HTS16')).toEqual(['HTS12', 'HTS16']);
    expect(sameItemSet(realCatalogue, 'ƯDCQS21')).toEqual(['ƯDCQS13', 'ƯDCQS17', 'ƯDCQS21']);
    expect(sameItemSet(realCatalogue, 'ƯDKTS13')).toEqual(['ƯDKTS13', 'ƯDKTS17']);
    expect(sameItemSet(realCatalogue, 'HTS14')).toEqual(['HTS14']); // "…khác" items stay apart
  });

  it('are asked once, under the first member that applies', () => {
    const all = codes(['urban', 'rural', 'mountain-border-island']);
    expect(all.filter((c) => ['HTS12', 'HTS16'].includes(c))).toEqual(['HTS12']);
    expect(all.filter((c) => c.startsWith('ƯDCQS') && ['13', '17', '21'].includes(c.slice(5)))).toEqual(['ƯDCQS13']);
    expect(codes(['rural', 'mountain-border-island'])).toContain('ƯDCQS17');
    expect(codes(['rural', 'mountain-border-island'])).not.toContain('ƯDCQS21');
    expect(codes(['mountain-border-island'])).toContain('ƯDCQS21');
    expect(askedCode(realCatalogue, ['rural'], 'HTS12')).toBe('HTS16'); // rural only: asked as HTS16
    expect(askedCode(realCatalogue, ['mountain-border-island'], 'HTS12')).toBe('HTS12'); // no member applies
    expect(askedCode(realCatalogue, ['urban', 'rural'], 'HTS16')).toBe('HTS12');
  });

  it('give the one answer to every member that applies, the asked code first', () => {
    const answers = { HTS12: answer('HTS12', 3), HTS16: answer('HTS16', 1, { updatedAt: '2027-01-01T00:00:00.000Z' }) };
    const both = effectiveAnswers(realCatalogue, ['urban', 'rural'], answers);
    expect(both.HTS16).toMatchObject({ code: 'HTS16', status: 3 });
    // An older phone that answered only HTS16: its answer stands for HTS12 too.
    const old = effectiveAnswers(realCatalogue, ['urban', 'rural'], { HTS16: answer('HTS16', 1) });
    expect(old.HTS12).toMatchObject({ code: 'HTS12', status: 1 });
    // One type only: nothing is shared.
    expect(effectiveAnswers(realCatalogue, ['rural'], answers)).toBe(answers);
  });

  it('count the one answer for each area type in the score, as if each had been answered', () => {
    const areaTypes: AreaType[] = ['urban', 'rural'];
    const full = allAt(realCatalogue, areaTypes, 3);
    const asked = Object.fromEntries(Object.entries(full).filter(([code]) => code !== 'HTS16' && code !== 'ƯDCQS17'));
    const once = scoreAssessment({ catalogue: realCatalogue, methodology, areaTypes, answers: asked });
    expect(once.index).toBe(100);
    expect(once).toEqual(scoreAssessment({ catalogue: realCatalogue, methodology, areaTypes, answers: full }));
  });

  it('are one gap, worth what raising both members is worth', () => {
    const areaTypes: AreaType[] = ['urban', 'rural'];
    const gaps = gapList({ catalogue: realCatalogue, methodology, areaTypes, answers: {} });
    expect(gaps.some((g) => g.code === 'HTS16')).toBe(false);
    const hts12 = gaps.find((g) => g.code === 'HTS12');
    const hts11 = gaps.find((g) => g.code === 'HTS11'); // urban, weight 1, same group: half the gain
    expect(hts12 && hts11 && Math.abs(hts12.gain - 2 * hts11.gain)).toBeLessThanOrEqual(0.01);
  });

  it('are accepted by the server under any member that applies', () => {
    const payload = {
      revision: 1,
      baseRevision: null,
      communeCode: '00004',
      areaTypes: ['urban', 'rural'] as AreaType[],
      period: '2026',
      catalogueVersion: realCatalogue.version,
      methodologyId: methodology.id,
      submittedAt: '2026-01-01T00:00:00.000Z',
      answers: Object.values(allAt(realCatalogue, ['urban', 'rural'], 2)).flatMap((a) => (a ? [a] : [])),
    };
    expect(validateSubmission(payload, realCatalogue, methodology)).toEqual({ ok: true });
  });

  it('are checked by the catalogue schema: closed area items of one group, one per area type', () => {
    const withSets = (sameItems: string[][]) => CatalogueSchema.safeParse({ ...realCatalogue, sameItems }).success;
    expect(withSets([['HTS12', 'HTS16']])).toBe(true);
    expect(withSets([['HTS12', 'HTS14']])).toBe(false); // HTS14 is an open "…khác" item
    expect(withSets([['HTS12', 'HTS13']])).toBe(false); // both urban
    expect(withSets([['HTS12', 'ƯDCQS17']])).toBe(false); // two groups
    expect(withSets([['HTS12', 'NOPE1']])).toBe(false);
    expect(
      withSets([
        ['HTS12', 'HTS16'],
        ['HTS16', 'HTS22'],
      ]),
    ).toBe(false);
  });
});
