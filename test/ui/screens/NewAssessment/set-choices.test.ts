/**
 * Issue #12 item 2: a new assessment defaults to the province's newest published set (else the
 * provisional method, the national default), and the officer may still choose any offered set;
 * a province set is offered in its newest version only.
 */
import { describe, expect, it } from 'vitest';
import templateJson from '../../../../data/criteria/template-commune-index-2026.1.json';
import type { CriteriaSet } from '../../../../src/domain/criteria/schema';
import {
  defaultSetKey,
  PROVISIONAL_KEY,
  refOfChoice,
  setChoices,
  type PublishedSet,
} from '../../../../src/ui/screens/NewAssessment/set-choices';
import { provinceSet } from '../../../support/province-set';

const template = templateJson as unknown as CriteriaSet;
const provisional = { ...template, id: 'provisional', version: '2026.1' };
const published = (set: CriteriaSet, publishedAt: string): PublishedSet => ({
  key: `${set.id}@${set.version}`,
  set,
  publishedAt,
});
const v1 = published(provinceSet('46', '2026.1'), '2026-03-01T00:00:00.000Z');
const v2 = published(provinceSet('46', '2026.2'), '2026-05-01T00:00:00.000Z');
const other = published({ ...provinceSet('46', '2026.1'), id: 'chi-so-xa-khac' }, '2026-04-01T00:00:00.000Z');

describe('criteria set choices for a new assessment', () => {
  it('without province sets: the provisional method first and by default, then the bundled template', () => {
    const choices = setChoices([provisional, template], []);
    expect(choices.map((c) => c.key)).toEqual([PROVISIONAL_KEY, 'template-commune-index@2026.1']);
    expect(defaultSetKey(choices)).toBe(PROVISIONAL_KEY);
    expect(refOfChoice(choices[0])).toBeUndefined();
    expect(refOfChoice(choices[1])).toEqual({ id: 'template-commune-index', version: '2026.1' });
  });

  it('a bundled set whose chunk could not load is not offered; the provisional method always is', () => {
    expect(setChoices([undefined, undefined], []).map((c) => c.key)).toEqual([PROVISIONAL_KEY]);
  });

  it('offers the newest version of each province set, newest first, and defaults to the newest published', () => {
    const choices = setChoices([provisional, template], [v1, other, v2]);
    expect(choices.map((c) => c.key)).toEqual([PROVISIONAL_KEY, 'template-commune-index@2026.1', v2.key, other.key]);
    expect(choices[2]?.publishedAt).toBe(v2.publishedAt);
    expect(defaultSetKey(choices)).toBe(v2.key);
    expect(refOfChoice(choices[2])).toEqual({ id: v2.set.id, version: '2026.2' });
    expect(defaultSetKey(setChoices([provisional], [v1]))).toBe(v1.key);
  });
});
