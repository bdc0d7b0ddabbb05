/**
 * Issue #12 item 3: which newer version a draft may move to (never a submitted or accepted one),
 * and what the move changes: the diff of the two versions and the score under each, computed
 * offline from the same answers; answers to removed indicators are counted as kept, not scored.
 */
import { describe, expect, it } from 'vitest';
import catalogueJson from '../../../../data/catalogue/2026.1/catalogue.json';
import { parseCriteriaSet } from '../../../../src/domain/criteria';
import type { Answer, Assessment, Catalogue } from '../../../../src/domain/types';
import { compareVersions, newerVersionOf } from '../../../../src/ui/screens/SetVersion/newer-version';
import { versionMove } from '../../../../src/ui/screens/SetVersion/version-move';
import { provinceSet } from '../../../support/province-set';

const catalogue = catalogueJson as Catalogue;
const v1 = parseCriteriaSet(provinceSet('46', '2026.1'), catalogue);
const v2 = parseCriteriaSet(provinceSet('46', '2026.2'), catalogue);
const when = '2026-03-01T00:00:00.000Z';
const draft: Assessment = {
  id: 'a1',
  provinceCode: '46',
  communeCode: '19996',
  areaTypes: ['rural'],
  period: '2026',
  catalogueVersion: '2026.1',
  methodologyId: 'provisional-2026.1',
  criteriaSet: { id: v1.id, version: '2026.1' },
  status: 'draft',
  createdAt: when,
  updatedAt: when,
};
const row = (set: typeof v1) => ({ key: `${set.id}@${set.version}`, set });

describe('a newer version of the draft’s set', () => {
  it('compares versions as year then issue', () => {
    expect(compareVersions('2026.10', '2026.9')).toBeGreaterThan(0);
    expect(compareVersions('2027.1', '2026.12')).toBeGreaterThan(0);
    expect(compareVersions('2026.1', '2026.1')).toBe(0);
  });

  it('is the newest held version of the same set after the draft’s; none for a locked one or another set', () => {
    const v3 = { ...v2, version: '2026.10' };
    expect(newerVersionOf(draft, [row(v1), row(v3), row(v2)])?.key).toBe(`${v1.id}@2026.10`);
    expect(newerVersionOf(draft, [row(v1)])).toBeUndefined();
    expect(newerVersionOf({ ...draft, criteriaSet: { id: v1.id, version: '2026.2' } }, [row(v1), row(v2)])).toBeUndefined();
    expect(newerVersionOf(draft, [row({ ...v2, id: 'khac' })])).toBeUndefined();
    for (const status of ['submitted', 'accepted'] as const)
      expect(newerVersionOf({ ...draft, status }, [row(v2)])).toBeUndefined();
    expect(newerVersionOf({ ...draft, status: 'returned' }, [row(v2)])?.key).toBe(`${v1.id}@2026.2`);
    const { criteriaSet: _none, ...plain } = draft;
    expect(newerVersionOf(plain, [row(v2)])).toBeUndefined();
  });
});

describe('what moving changes', () => {
  const answers: Record<string, Answer> = {
    NT1: { code: 'NT1', status: null, value: { kind: 'number', value: 3 }, updatedAt: when },
    NT2: { code: 'NT2', status: null, value: { kind: 'choice', option: 'vice' }, updatedAt: when },
    NT4: { code: 'NT4', status: null, value: { kind: 'yesno', yes: true }, updatedAt: when },
    TC1: { code: 'TC1', status: null, value: { kind: 'yesno', yes: true }, updatedAt: when },
    TC3: { code: 'TC3', status: 2, updatedAt: when },
  };

  it('lists the added, removed and changed indicators and scores both versions on the same answers', () => {
    const move = versionMove(v1, v2, { catalogue, assessment: draft, answers });
    expect(move.diff.added.map((r) => r.code)).toEqual(['NT5']);
    expect(move.diff.removed.map((r) => r.code)).toEqual(['NT4']);
    expect(move.diff.changed.map((c) => [c.code, c.changes])).toEqual([
      ['NT2', ['rule']],
      ['TC1', ['points']],
      ['TC3', ['points']],
    ]);
    // v1: NT1 3 meetings 15 + NT2 vice ½·20 = 10 + NT4 20 + TC1 30 + TC3 ⅔·25 = 16.7 → 91.7.
    expect(move.before).toMatchObject({ setVersion: '2026.1', total: 91.7, max: 115, complete: true });
    // v2: 15 + ⅔·20 = 13.3 + NT5 unanswered 0 + TC1 25 + ⅔·30 = 20 → 73.3; NT5 is required and unanswered.
    expect(move.after).toMatchObject({ setVersion: '2026.2', total: 73.3, max: 115, complete: false });
    expect(move.after.completeness).toMatchObject({ requiredAnswered: 4, requiredTotal: 5 });
    expect(move.keptUncounted).toBe(1);
  });

  it('counts no kept answer when the removed indicator was never answered', () => {
    const { NT4: _nt4, ...rest } = answers;
    expect(versionMove(v1, v2, { catalogue, assessment: draft, answers: rest }).keptUncounted).toBe(0);
  });
});
