/**
 * The end-to-end journeys type test/e2e/fixtures/mountain-commune.json into the phone and expect
 * the summary (and the server) to show its `expected` result. That expectation is derived here,
 * once, from the real catalogue, methodology and scoring module — the journeys never compute it.
 */
import { describe, expect, it } from 'vitest';
import catalogueJson from '../../data/catalogue/2026.1/catalogue.json';
import methodologyJson from '../../data/methodology/provisional-2026.1.json';
import { checkAnswer } from '../../src/domain/answer-rules';
import { applicableComponents, isRequired } from '../../src/domain/catalogue';
import { gapList } from '../../src/domain/gaps';
import { parseMethodology } from '../../src/domain/methodology-schema';
import { scoreAssessment } from '../../src/domain/scoring';
import type { Answer, AnswerMap, Catalogue } from '../../src/domain/types';
import { mountainCommune as fx, resubmittedAnswers, type FixtureAnswer } from '../e2e/fixtures';

const catalogue = catalogueJson as Catalogue;
const methodology = parseMethodology(methodologyJson);
const byCode = new Map(catalogue.components.map((c) => [c.code, c]));

function answerMap(answers: Record<string, FixtureAnswer>): AnswerMap {
  return Object.fromEntries(
    Object.entries(answers).map(([code, a]): [string, Answer] => [code, { code, ...a, updatedAt: '2026-03-01T08:00:00.000Z' }]),
  );
}

const input = (answers: Record<string, FixtureAnswer>) => ({
  catalogue,
  methodology,
  areaTypes: fx.areaTypes,
  answers: answerMap(answers),
});

describe('e2e fixture: mountain commune', () => {
  it('answers exactly the components the checklist shows for its area types, in catalogue order', () => {
    const applicable = applicableComponents(catalogue, fx.areaTypes).map((c) => c.code);
    expect(Object.keys(fx.answers)).toEqual(applicable);
    expect(fx.areaTypes).toEqual(['mountain-border-island']);
  });

  it('holds only answers the phone accepts', () => {
    for (const [code, a] of Object.entries(resubmittedAnswers(fx))) {
      const c = byCode.get(code);
      expect(c, code).toBeDefined();
      if (c) expect(checkAnswer(c, { code, ...a, updatedAt: '2026-03-01T08:00:00.000Z' }, methodology), code).toEqual([]);
    }
  });

  it('covers what the journey must show: an N/A with reason on an area item, a named open item, notes, and the security gate', () => {
    const entries = Object.entries(fx.answers);
    expect(entries.some(([code, a]) => a.status === 'na' && a.naReason && byCode.get(code)?.tier === 'area-specific')).toBe(true);
    expect(entries.some(([code, a]) => byCode.get(code)?.open && a.openName && a.status !== 'na')).toBe(true);
    expect(entries.filter(([, a]) => a.note).length).toBeGreaterThanOrEqual(2);
    const gateBreakers = entries.filter(
      ([code, a]) =>
        byCode.get(code)?.group === 'ANM' &&
        byCode.get(code)?.tier === 'commune-essential' &&
        !byCode.get(code)?.open &&
        typeof a.status === 'number' &&
        a.status < 2,
    );
    expect(gateBreakers.length).toBeGreaterThan(0);
    // Every component that must be answered to submit is answered.
    for (const c of applicableComponents(catalogue, fx.areaTypes).filter(isRequired))
      expect(fx.answers[c.code]?.status, c.code).not.toBeNull();
  });

  it('scores to the expected index and level, capped by the security gate', () => {
    const r = scoreAssessment(input(fx.answers));
    expect(r.index).toBe(fx.expected.index);
    expect(r.level).toBe(fx.expected.level);
    expect(r.indexLevel).toBe(fx.expected.indexLevel);
    expect(r.level).toBeLessThan(r.indexLevel); // the gate really changes what the summary says
    expect(r.gatesApplied).toEqual(fx.expected.gatesApplied);
    expect(r.complete).toBe(fx.expected.complete);
  });

  it('gives the expected gap list: its length and the gate item first', () => {
    const gaps = gapList(input(fx.answers));
    expect(gaps).toHaveLength(fx.expected.gapCount);
    expect(gaps[0]?.code).toBe(fx.expected.firstGap);
    expect(gaps[0]?.gate).toBe(true);
  });

  it('scores the resubmission (after the province returns it) to its expected index and level, with the gate lifted', () => {
    const r = scoreAssessment(input(resubmittedAnswers(fx)));
    expect(r.index).toBe(fx.resubmission.expected.index);
    expect(r.level).toBe(fx.resubmission.expected.level);
    expect(r.gatesApplied).toEqual([]);
  });
});
