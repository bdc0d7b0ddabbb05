/**
 * An assessment under a criteria set going up (issue #11 item 5): the payload names the set and
 * carries the indicator values; it passes the same check the server runs (validateWithSet); and
 * the phone refuses to queue it, listing the causes, while a required indicator is unanswered.
 */
import { describe, expect, it } from 'vitest';
import templateJson from '../../data/criteria/template-commune-index-2026.1.json';
import { parseCriteriaSet, validateWithSet } from '../../src/domain/criteria';
import type { CriteriaSet } from '../../src/domain/criteria';
import type { Answer, Assessment, IndicatorValue } from '../../src/domain/types';
import { buildSubmission, checkReadiness } from '../../src/sync/payload';
import type { Reference } from '../../src/sync/reference';
import { ref as baseRef } from './helpers';

const set: CriteriaSet = parseCriteriaSet(templateJson, baseRef.catalogue);
const ref: Reference = { ...baseRef, criteriaSets: new Map([['template-commune-index@2026.1', set]]) };
const when = '2026-02-01T00:00:00.000Z';

const assessment: Assessment = {
  id: 'a-crit-1',
  provinceCode: '01',
  communeCode: '00004',
  areaTypes: ['urban'],
  period: '2026',
  catalogueVersion: baseRef.catalogue.version,
  methodologyId: baseRef.methodology.id,
  criteriaSet: { id: 'template-commune-index', version: '2026.1' },
  status: 'draft',
  createdAt: when,
  updatedAt: when,
};

function valueFor(ind: CriteriaSet['indicators'][number]): IndicatorValue | undefined {
  const input = ind.input;
  if (input.kind === 'yesno') return { kind: 'yesno', yes: true };
  if (input.kind === 'choice') return { kind: 'choice', option: input.options[0]?.id ?? '' };
  if (input.kind === 'number') return { kind: 'number', value: 2 };
  if (input.kind === 'pair') return { kind: 'pair', a: 1, b: 2 };
  if (input.kind === 'percent') return { kind: 'percent', value: 70 };
  return undefined;
}

/** Every template indicator answered: statuses under the linked component's code or its own. */
function fullAnswers(): Answer[] {
  return set.indicators.map((ind): Answer => {
    if (ind.input.kind === 'status') return { code: ind.input.component ?? ind.code, status: 2, updatedAt: when };
    return { code: ind.code, status: null, value: valueFor(ind), updatedAt: when };
  });
}

describe('a submission under a criteria set', () => {
  it('names the set and carries every value, and passes the server’s check', () => {
    const body = buildSubmission(assessment, fullAnswers(), { revision: 1, submittedAt: when, ref });
    expect(body.criteriaSet).toEqual({ id: 'template-commune-index', version: '2026.1' });
    expect(body.answers.find((a) => a.code === 'NT3')?.value).toEqual({ kind: 'pair', a: 1, b: 2 });
    expect(body.answers.find((a) => a.code === 'TC3')?.status).toBe(2);
    const ownCount = set.indicators.filter((i) => !(i.input.kind === 'status' && i.input.component)).length;
    expect(body.answers.filter((a) => set.indicators.some((i) => i.code === a.code))).toHaveLength(ownCount);
    expect(validateWithSet(body, ref.catalogue, ref.methodology, set)).toEqual({ ok: true });
    expect(checkReadiness(assessment, fullAnswers(), ref)).toEqual({ ok: true });
  });

  it('carries no set for an assessment of the provisional method', () => {
    const { criteriaSet: _, ...plain } = assessment;
    expect('criteriaSet' in buildSubmission(plain, [], { revision: 1, submittedAt: when, ref })).toBe(false);
  });

  it('is refused while required indicators are unanswered, with each one listed', () => {
    const answers = fullAnswers().filter((a) => a.code !== 'NT1' && a.code !== 'TC3');
    const ready = checkReadiness(assessment, answers, ref);
    expect(ready.ok).toBe(false);
    if (ready.ok) return;
    expect(ready.missing).toBe(2);
    expect(ready.problems).toEqual(
      expect.arrayContaining([
        { code: 'NT1', problem: 'required-unanswered' },
        { code: 'TC3', problem: 'required-unanswered' },
      ]),
    );
  });

  it('is refused when the set is not one this app holds', () => {
    const ready = checkReadiness({ ...assessment, criteriaSet: { id: 'x', version: '2026.9' } }, fullAnswers(), ref);
    expect(ready).toEqual({ ok: false, missing: 0, problems: [{ problem: 'unknown-criteria-set' }] });
  });
});
