/** Bad sets are refused by the schema, with the path of the problem. */
import { describe, expect, it } from 'vitest';
import { criteriaSetSchema } from '../../../src/domain/criteria';
import type { CriteriaSet } from '../../../src/domain/criteria';
import { tinyCatalogue, tinySet } from './fixtures';

function problems(change: (s: CriteriaSet & Record<string, unknown>) => void): { path: string; message: string }[] {
  const s = structuredClone(tinySet()) as CriteriaSet & Record<string, unknown>;
  change(s);
  const r = criteriaSetSchema(tinyCatalogue).safeParse(s);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('criteria set validation', () => {
  it('accepts the well-formed set', () => {
    expect(problems(() => {})).toEqual([]);
  });

  it('refuses an unknown rule kind at its path', () => {
    const p = problems((s) => {
      (s.indicators[1] as { rule: unknown }).rule = { kind: 'lottery', odds: 2 };
    });
    expect(p.map((x) => x.path)).toContain('indicators.1.rule.kind');
  });

  it('refuses a rule that does not fit its input', () => {
    const p = problems((s) => {
      s.indicators[1]!.rule = { kind: 'ratio', whenBIsZero: 'zero' };
    });
    expect(p).toEqual([{ path: 'indicators.1.rule.kind', message: 'a yesno input is scored by a "yesno" rule, not "ratio"' }]);
  });

  it('refuses points that do not add up to their group, and groups that do not add up to the total', () => {
    expect(problems((s) => (s.indicators[0]!.points = 16))).toEqual([
      { path: 'groups.0.points', message: 'points 60 do not add up: its members total 61' },
    ]);
    expect(problems((s) => (s.groups[1]!.points = 41))).toEqual([
      { path: 'groups.1.points', message: 'points 41 do not add up: its members total 40' },
      { path: 'total.points', message: 'points 100 do not add up: the top-level groups total 101' },
    ]);
  });

  it('refuses a step worth more than its indicator', () => {
    const p = problems((s) => {
      const rule = s.indicators[3]!.rule;
      if (rule.kind === 'steps') rule.steps[3]!.points = 25;
    });
    expect(p).toEqual([{ path: 'indicators.3.rule.steps.3.points', message: '25 points exceed the maximum 20' }]);
  });

  it('refuses cycles in groups', () => {
    const p = problems((s) => {
      s.total = { ...s.total, aggregate: 'mean' };
      s.groups[0]!.parent = 'B';
      s.groups[1]!.parent = 'A';
    });
    expect(p).toContainEqual({ path: 'groups.0.parent', message: 'cycle in groups through "A"' });
    expect(p).toContainEqual({ path: 'groups.1.parent', message: 'cycle in groups through "B"' });
  });

  it('refuses duplicate codes and ids', () => {
    expect(problems((s) => (s.indicators[2]!.code = 'Y1'))).toContainEqual({
      path: 'indicators.2.code',
      message: 'duplicate indicator code "Y1"',
    });
    expect(problems((s) => s.groups.push({ ...s.groups[1]!, points: undefined }))).toContainEqual({
      path: 'groups.2.id',
      message: 'duplicate group id "B"',
    });
  });

  it('refuses links to unknown catalogue components, and status inputs on components the commune cannot score', () => {
    expect(problems((s) => (s.indicators[1]!.links = ['HTS99']))).toEqual([
      { path: 'indicators.1.links.0', message: 'unknown catalogue component "HTS99"' },
    ]);
    const p = problems((s) => {
      const input = s.indicators[0]!.input;
      if (input.kind === 'status') input.component = 'XYZ1';
    });
    expect(p).toEqual([{ path: 'indicators.0.input.component', message: 'unknown catalogue component "XYZ1"' }]);
  });

  it('refuses unknown groups, gate indicators and levels, choice fractions without options, and a template without a notice', () => {
    expect(problems((s) => (s.indicators[0]!.group = 'Z'))).toContainEqual({
      path: 'indicators.0.group',
      message: 'unknown group "Z"',
    });
    expect(problems((s) => (s.gates[0]!.indicators = ['Q9']))).toEqual([
      { path: 'gates.0.indicators.0', message: 'unknown indicator "Q9"' },
    ]);
    expect(problems((s) => (s.gates[0]!.capLevel = 7))).toEqual([
      { path: 'gates.0.capLevel', message: 'capLevel is not a defined level' },
    ]);
    expect(
      problems((s) => {
        const rule = s.indicators[2]!.rule;
        if (rule.kind === 'choice') rule.fractions = { chair: 1, vice: '3/2', none: 0, mayor: 1 };
      }),
    ).toEqual([
      { path: 'indicators.2.rule.fractions.vice', message: 'fraction 3/2 is above 1' },
      { path: 'indicators.2.rule.fractions.mayor', message: 'unknown option "mayor"' },
    ]);
    expect(problems((s) => (s.template = true))).toEqual([
      { path: 'notice', message: 'a template must carry a notice saying it is a template' },
    ]);
  });
});
