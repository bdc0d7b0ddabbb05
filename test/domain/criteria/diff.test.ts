import { describe, expect, it } from 'vitest';
import templateJson from '../../../data/criteria/template-commune-index-2026.1.json';
import provisionalJson from '../../../data/criteria/provisional-2026.1.json';
import { diffCriteriaSets, isEmptyDiff, parseCriteriaSet } from '../../../src/domain/criteria';
import type { CriteriaIndicator, CriteriaSet } from '../../../src/domain/criteria';
import { realCatalogue } from '../scoring-fixtures';
import { tinySet } from './fixtures';
import { CHANGE_KINDS, EDITS } from './diff-mutations';

const template = parseCriteriaSet(templateJson, realCatalogue);
const provisional = parseCriteriaSet(provisionalJson, realCatalogue);
const next = (s: CriteriaSet, edit: (s: CriteriaSet) => void): CriteriaSet => {
  const copy = structuredClone(s);
  copy.version = '2026.2';
  edit(copy);
  return copy;
};
const mapIndicator = (s: CriteriaSet, code: string, f: (x: CriteriaIndicator) => CriteriaIndicator) => {
  s.indicators = s.indicators.map((x) => (x.code === code ? f(x) : x));
};

describe('diffCriteriaSets', () => {
  it.each([
    ['template', template],
    ['provisional', provisional],
    ['tiny', tinySet()],
  ])('finds nothing between the %s set and itself, or a copy of it', (_name, set) => {
    expect(isEmptyDiff(diffCriteriaSets(set, set))).toBe(true);
    const d = diffCriteriaSets(
      set,
      next(set, () => {}),
    );
    expect(isEmptyDiff(d)).toBe(true);
    expect(d.from.version).toBe(set.version);
    expect(d.to.version).toBe('2026.2');
  });

  it('sees no change where the meaning is the same: 0.5 and "1/2", steps in another order, area types reordered', () => {
    const base = tinySet();
    base.indicators[0]!.areaTypes = ['urban', 'rural'];
    const rewritten = next(base, (s) => {
      const [s1, , c1, n1] = s.indicators;
      s1!.areaTypes = ['rural', 'urban'];
      if (s1!.rule.kind === 'status') s1!.rule.fractions = [0, '1/3', '2/3', '1/1'];
      if (c1!.rule.kind === 'choice') c1!.rule.fractions = { none: 0, vice: '1/2', chair: '3/3' };
      if (n1!.rule.kind === 'steps') n1!.rule.steps.reverse();
      s.gates[0]!.below = '4/6';
    });
    expect(diffCriteriaSets(base, rewritten)).toMatchObject({ changed: [], setChanges: [] });
  });

  it.each(CHANGE_KINDS)('detects a "%s" change alone, naming the indicator and both sides', (kind) => {
    const nt1 = template.indicators[0]!;
    const after = next(template, (s) => mapIndicator(s, nt1.code, (x) => EDITS[kind](x, ['NT', 'TC'])));
    const d = diffCriteriaSets(template, after);
    expect(d.changed).toHaveLength(1);
    expect(d.changed[0]).toMatchObject({ code: nt1.code, changes: [kind], from: nt1 });
    expect(d.changed[0]!.to).toEqual(after.indicators[0]);
    expect([d.added, d.removed, d.setChanges]).toEqual([[], [], []]);
  });

  it('a points and a rule change on one indicator, as a province edits its template', () => {
    const after = next(template, (s) =>
      mapIndicator(s, 'NT2', (x) => ({
        ...x,
        points: 25,
        rule: { kind: 'choice', fractions: { chair: 1, vice: '3/5', none: 0 } },
      })),
    );
    const [nt2] = diffCriteriaSets(template, after).changed;
    expect(nt2).toMatchObject({ code: 'NT2', changes: ['points', 'rule'], label: { vi: template.indicators[1]!.vi } });
    expect([nt2!.from.points, nt2!.to.points]).toEqual([20, 25]);
  });

  it('lists indicators added (newer order) and removed (older order), and groups added, removed and changed', () => {
    const after = next(tinySet(), (s) => {
      s.indicators = s.indicators.filter((x) => x.code !== 'Y1' && x.code !== 'P1');
      s.indicators.unshift({ ...s.indicators[0]!, code: 'Z9', group: 'C' }, { ...s.indicators[1]!, code: 'Z1' });
      s.groups.push({ id: 'C', vi: 'Nhóm C', en: 'Group C', aggregate: 'sum', points: 15, ifNoneCounted: 'zero' });
      s.groups[1] = { ...s.groups[1]!, vi: 'Nhóm B (mới)', points: 30 };
      s.groups.shift();
    });
    const d = diffCriteriaSets(tinySet(), after);
    expect(d.added.map((x) => x.code)).toEqual(['Z9', 'Z1']);
    expect(d.added[0]).toEqual({ code: 'Z9', group: 'C', label: { vi: 'Chỉ số S1', en: 'Indicator S1' }, points: 15 });
    expect(d.removed.map((x) => x.code)).toEqual(['Y1', 'P1']);
    expect(d.groupsChanged.added).toEqual([{ id: 'C', label: { vi: 'Nhóm C', en: 'Group C' } }]);
    expect(d.groupsChanged.removed.map((g) => g.id)).toEqual(['A']);
    expect(d.groupsChanged.changed).toMatchObject([{ id: 'B', changes: ['label', 'points'] }]);
  });

  it('names the set-wide changes: levels (levelsChanged), gates, total, title', () => {
    const after = next(template, (s) => {
      s.levels[1]!.min = 300;
      s.gates[0]!.capLevel = 3;
      s.title.vi = 'Bộ chỉ số của tỉnh';
    });
    const d = diffCriteriaSets(template, after);
    expect(d.setChanges).toEqual(['title', 'levels', 'gates']);
    expect(d.levelsChanged).toBe(true);
    expect(isEmptyDiff(d)).toBe(false);
    const total = diffCriteriaSets(
      template,
      next(template, (s) => (s.total.decimals = 2)),
    );
    expect([total.setChanges, total.levelsChanged]).toEqual([['total'], false]);
  });

  it('compares different sets too: provisional to template shares no indicator code', () => {
    const d = diffCriteriaSets(provisional, template);
    expect(d.added).toHaveLength(47);
    expect(d.removed).toHaveLength(provisional.indicators.length);
    expect(d.changed).toEqual([]);
  });
});
