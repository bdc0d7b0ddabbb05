/**
 * What changed between two criteria sets (or two versions of one): indicators added, removed and
 * changed, with what changed in each; groups likewise; and the set-wide parts (total, levels,
 * gates…). One diff serves the reviewer's version comparison and the phone's "move this draft to
 * the new version" screen, so both show the same thing.
 *
 * Indicators are matched by code, groups by id. A difference that cannot change anything is not a
 * change: fractions written 0.5 or "1/2", steps or thresholds listed in another order, area types
 * or links in another order, an optional field left out or present as undefined.
 *
 * Pure and without zod: import it from './diff' on the phone to keep the schema off the screen.
 */
import type { CriteriaGroup, CriteriaIndicator, CriteriaRule, CriteriaSet, Fraction } from './schema';
import { parseRational } from './rational';

/** What changed in one indicator. */
export type IndicatorChange =
  | 'label' // its wording (vi or en)
  | 'group' // it moved to another group
  | 'points' // its maximum points (in a weighted-mean group: its weight)
  | 'input' // what the officer enters: kind, options, units, component, N/A allowed
  | 'rule' // how the input becomes points
  | 'required' // whether it must be answered before submitting
  | 'applicability' // the area types it is asked of
  | 'evidence' // the evidence asked for, its source, who verifies it
  | 'guidance' // the guidance text
  | 'other'; // links to components, who acts, whether the question is ours

/** The changes that can move a score: a draft moved across such a change may score differently. */
export const SCORING_CHANGES: readonly IndicatorChange[] = ['group', 'points', 'input', 'rule', 'applicability'];

export type GroupChange = 'label' | 'parent' | 'aggregate' | 'points' | 'weight' | 'ifNoneCounted';

/** Set-wide parts; `levels` and `gates` also move a commune's level. */
export type SetChange = 'title' | 'notice' | 'template' | 'catalogueVersions' | 'total' | 'statusScale' | 'levels' | 'gates';

export interface Label {
  vi: string;
  en: string;
}
export interface IndicatorRef {
  code: string;
  group: string;
  label: Label;
  points: number;
}
export interface IndicatorDiff {
  code: string;
  /** The label in the newer set. */
  label: Label;
  changes: IndicatorChange[];
  /** Both sides, so a screen can say how: 20 → 25 points, the new steps. */
  from: CriteriaIndicator;
  to: CriteriaIndicator;
}
export interface GroupRef {
  id: string;
  label: Label;
}
export interface GroupDiff {
  id: string;
  label: Label;
  changes: GroupChange[];
  from: CriteriaGroup;
  to: CriteriaGroup;
}
export interface CriteriaSetDiff {
  from: { id: string; version: string };
  to: { id: string; version: string };
  /** In the newer set's order. */
  added: IndicatorRef[];
  /** In the older set's order. */
  removed: IndicatorRef[];
  /** In the newer set's order. */
  changed: IndicatorDiff[];
  groupsChanged: { added: GroupRef[]; removed: GroupRef[]; changed: GroupDiff[] };
  levelsChanged: boolean;
  setChanges: SetChange[];
}

/** JSON with object keys sorted and undefined left out: equal meaning, equal text. */
function canonical(x: unknown): string {
  return JSON.stringify(x, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
const same = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

/** A fraction as "n/d" reduced; one the parser refuses (never in a parsed set) stays as written. */
function fraction(f: Fraction): string {
  try {
    const r = parseRational(f);
    return `${r.n}/${r.d}`;
  } catch {
    return String(f);
  }
}
/** A rule as its meaning: exact fractions, steps and thresholds by their minimum. */
function ruleMeaning(rule: CriteriaRule): unknown {
  switch (rule.kind) {
    case 'status':
      return { ...rule, fractions: rule.fractions.map(fraction) };
    case 'yesno':
      return { ...rule, yes: fraction(rule.yes), no: fraction(rule.no) };
    case 'choice':
      return { ...rule, fractions: Object.fromEntries(Object.entries(rule.fractions).map(([k, f]) => [k, fraction(f)])) };
    case 'steps':
      return { ...rule, steps: [...rule.steps].sort((a, b) => a.min - b.min || a.points - b.points) };
    case 'thresholds':
      return { ...rule, thresholds: [...rule.thresholds].sort((a, b) => a.min - b.min || a.points - b.points) };
    case 'ratio':
      return rule;
  }
}
const sorted = (xs: readonly string[] | undefined): string[] | undefined => (xs ? [...xs].sort() : undefined);

function indicatorChanges(a: CriteriaIndicator, b: CriteriaIndicator): IndicatorChange[] {
  const tests: [IndicatorChange, boolean][] = [
    ['label', a.vi !== b.vi || a.en !== b.en],
    ['group', a.group !== b.group],
    ['points', a.points !== b.points],
    ['input', !same(a.input, b.input)],
    ['rule', !same(ruleMeaning(a.rule), ruleMeaning(b.rule))],
    ['required', a.required !== b.required],
    ['applicability', !same(sorted(a.areaTypes), sorted(b.areaTypes))],
    ['evidence', !same(a.evidence, b.evidence)],
    ['guidance', !same(a.guidance, b.guidance)],
    ['other', !same([sorted(a.links), a.actor, a.ownQuestion ?? false], [sorted(b.links), b.actor, b.ownQuestion ?? false])],
  ];
  return tests.filter(([, changed]) => changed).map(([kind]) => kind);
}

function groupChanges(a: CriteriaGroup, b: CriteriaGroup): GroupChange[] {
  const tests: [GroupChange, boolean][] = [
    ['label', a.vi !== b.vi || a.en !== b.en],
    ['parent', a.parent !== b.parent],
    ['aggregate', a.aggregate !== b.aggregate],
    ['points', a.points !== b.points],
    ['weight', (a.weight ?? 1) !== (b.weight ?? 1)],
    ['ifNoneCounted', a.ifNoneCounted !== b.ifNoneCounted],
  ];
  return tests.filter(([, changed]) => changed).map(([kind]) => kind);
}

const gateMeaning = (g: CriteriaSet['gates'][number]) => ({ ...g, indicators: sorted(g.indicators), below: fraction(g.below) });
const byKey = <T>(items: readonly T[], key: (x: T) => string) => new Map(items.map((x) => [key(x), x]));

function setChanges(a: CriteriaSet, b: CriteriaSet): SetChange[] {
  const tests: [SetChange, boolean][] = [
    ['title', !same(a.title, b.title)],
    ['notice', !same(a.notice, b.notice)],
    ['template', a.template !== b.template],
    ['catalogueVersions', !same(sorted(a.catalogueVersions), sorted(b.catalogueVersions))],
    ['total', !same(a.total, b.total)],
    ['statusScale', !same(a.statusScale, b.statusScale)],
    ['levels', !same(a.levels, b.levels)],
    ['gates', !same(a.gates.map(gateMeaning), b.gates.map(gateMeaning))],
  ];
  return tests.filter(([, changed]) => changed).map(([kind]) => kind);
}

const indicatorRef = (x: CriteriaIndicator): IndicatorRef => ({
  code: x.code,
  group: x.group,
  label: { vi: x.vi, en: x.en },
  points: x.points,
});
const groupRef = (g: CriteriaGroup): GroupRef => ({ id: g.id, label: { vi: g.vi, en: g.en } });

/** The changes from `from` to `to`; both are parsed, valid sets (codes unique). */
export function diffCriteriaSets(from: CriteriaSet, to: CriteriaSet): CriteriaSetDiff {
  const oldIndicators = byKey(from.indicators, (x) => x.code);
  const newIndicators = byKey(to.indicators, (x) => x.code);
  const changed: IndicatorDiff[] = [];
  for (const b of to.indicators) {
    const a = oldIndicators.get(b.code);
    const changes = a ? indicatorChanges(a, b) : [];
    if (a && changes.length > 0) changed.push({ code: b.code, label: { vi: b.vi, en: b.en }, changes, from: a, to: b });
  }
  const oldGroups = byKey(from.groups, (g) => g.id);
  const newGroups = byKey(to.groups, (g) => g.id);
  const groupsChanged: GroupDiff[] = [];
  for (const b of to.groups) {
    const a = oldGroups.get(b.id);
    const changes = a ? groupChanges(a, b) : [];
    if (a && changes.length > 0) groupsChanged.push({ id: b.id, label: { vi: b.vi, en: b.en }, changes, from: a, to: b });
  }
  const whole = setChanges(from, to);
  return {
    from: { id: from.id, version: from.version },
    to: { id: to.id, version: to.version },
    added: to.indicators.filter((x) => !oldIndicators.has(x.code)).map(indicatorRef),
    removed: from.indicators.filter((x) => !newIndicators.has(x.code)).map(indicatorRef),
    changed,
    groupsChanged: {
      added: to.groups.filter((g) => !oldGroups.has(g.id)).map(groupRef),
      removed: from.groups.filter((g) => !newGroups.has(g.id)).map(groupRef),
      changed: groupsChanged,
    },
    levelsChanged: whole.includes('levels'),
    setChanges: whole,
  };
}

/** True when nothing but the id and version differs. */
export function isEmptyDiff(d: CriteriaSetDiff): boolean {
  const g = d.groupsChanged;
  return (
    d.added.length + d.removed.length + d.changed.length + g.added.length + g.removed.length + g.changed.length === 0 &&
    d.setChanges.length === 0
  );
}
