// Issue #10 item 1: for any answers and any area types, every place that shows progress says the
// same numbers (home card, checklist header and group headers, summary, the score's groups, the
// reviewer's history from the server), and the server scores the phone's submission as the phone does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupProgress, scoreAssessment } from '../../src/domain/scoring';
import { AREA_TYPES } from '../../src/domain/vocabulary';
import type { Answer, AnswerMap, AreaType, Assessment, Status } from '../../src/domain/types';
import { revisionProgress } from '../../src/server/services/submission-results';
import type { ReferenceData } from '../../src/server/reference-data';
import { buildSubmission } from '../../src/sync/payload';
import { progressOf } from '../../src/ui/screens/Home/progress';
import { answer, methodology, realCatalogue as catalogue } from './scoring-fixtures';

const scored = catalogue.components.filter((c) => c.tier === 'commune-essential' || c.tier === 'area-specific');

/** Any answer a phone could hold: none, null, any status, N/A with or without its reason, blank or real names. */
const answerArb = (code: string) =>
  fc
    .record({
      status: fc.constantFrom<Status | null | undefined>(undefined, null, 0, 1, 2, 3, 'na'),
      naReason: fc.constantFrom(undefined, '', 'Xã không có'),
      openName: fc.constantFrom(undefined, '', '  ', 'Tên riêng'),
      day: fc.integer({ min: 1, max: 28 }),
    })
    .map(({ status, naReason, openName, day }): Answer | undefined =>
      status === undefined
        ? undefined
        : answer(code, status, {
            updatedAt: `2026-02-${String(day).padStart(2, '0')}T00:00:00.000Z`,
            ...(naReason === undefined ? {} : { naReason }),
            ...(openName === undefined ? {} : { openName }),
          }),
    );

const inputArb = fc.record({
  areaTypes: fc.subarray([...AREA_TYPES], { minLength: 1 }),
  answers: fc.tuple(...scored.map((c) => answerArb(c.code))).map((list) => {
    const map: Record<string, Answer | undefined> = {};
    scored.forEach((c, i) => (map[c.code] = list[i]));
    return map;
  }),
});

const reference = {
  catalogues: new Map([[catalogue.version, catalogue]]),
  methodologies: new Map([[methodology.id, methodology]]),
} as unknown as ReferenceData;

function assessment(areaTypes: AreaType[]): Assessment {
  return {
    id: 'a-12345678',
    provinceCode: '01',
    communeCode: '00004',
    areaTypes,
    period: '2026',
    catalogueVersion: catalogue.version,
    methodologyId: methodology.id,
    status: 'draft',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

const list = (answers: AnswerMap): Answer[] => Object.values(answers).flatMap((a) => (a ? [a] : []));

describe('one progress everywhere (property)', () => {
  it('home, checklist, group headers, summary, score groups and reviewer history agree', () => {
    fc.assert(
      fc.property(inputArb, ({ areaTypes, answers }) => {
        const input = { catalogue, methodology, areaTypes, answers };
        const home = progressOf(catalogue, methodology, areaTypes, answers);
        const score = scoreAssessment(input);
        const checklist = { answered: score.completeness.answered, total: score.completeness.counted };
        const groups = groupProgress(input).reduce((s, g) => ({ answered: s.answered + g.answered, total: s.total + g.total }), {
          answered: 0,
          total: 0,
        });
        const scoreGroups = score.groups.reduce(
          (s, g) => ({ answered: s.answered + g.answered, total: s.total + g.applicable }),
          { answered: 0, total: 0 },
        );
        const body = buildSubmission(assessment(areaTypes), list(answers), {
          revision: 1,
          submittedAt: '2026-03-01T00:00:00.000Z',
          ref: { catalogue, methodology },
        });
        const server = revisionProgress(reference, body);
        expect(checklist).toEqual(home);
        expect(groups).toEqual(home);
        expect(scoreGroups).toEqual(home);
        expect(server && { answered: server.answered, total: server.counted }).toEqual(home);
        expect(home.answered).toBeLessThanOrEqual(home.total);
      }),
      { numRuns: 150 },
    );
  });

  it("the server scores the phone's submission exactly as the phone does, same items included", () => {
    fc.assert(
      fc.property(inputArb, ({ areaTypes, answers }) => {
        const body = buildSubmission(assessment(areaTypes), list(answers), {
          revision: 1,
          submittedAt: '2026-03-01T00:00:00.000Z',
          ref: { catalogue, methodology },
        });
        const received: Record<string, Answer> = {};
        for (const a of body.answers) received[a.code] = a;
        const phone = scoreAssessment({ catalogue, methodology, areaTypes, answers });
        const server = scoreAssessment({ catalogue, methodology, areaTypes: body.areaTypes, answers: received });
        expect(server).toEqual(phone);
      }),
      { numRuns: 150 },
    );
  });
});
