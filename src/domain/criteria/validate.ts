/**
 * What JSON Schema cannot say about a criteria set, checked with the path of every problem:
 * duplicate codes, unknown groups, cycles, points not adding up, rules that do not fit their
 * input, and links to components the catalogue does not have.
 */
import type { z } from 'zod';
import { CriteriaSetBaseSchema, ruleKindFor } from './schema';
import type { CriteriaSet, Fraction } from './schema';
import { cmp, ONE, parseRational } from './rational';
import type { Catalogue } from '../types';

/** The bundled survey's id (data/community): a province's survey names itself otherwise. */
export const DEFAULT_SURVEY_ID = 'survey-default';

type Path = (string | number)[];
export type Report = (path: Path, message: string) => void;

function duplicates(items: readonly string[], path: (i: number) => Path, what: string, report: Report): void {
  const seen = new Set<string>();
  items.forEach((x, i) => {
    if (seen.has(x)) report(path(i), `duplicate ${what} "${x}"`);
    seen.add(x);
  });
}

function checkFraction(f: Fraction, path: Path, report: Report): void {
  if (typeof f === 'string' && cmp(parseRational(f), ONE) > 0) report(path, `fraction ${f} is above 1`);
}

function checkGroups(s: CriteriaSet, report: Report): void {
  const ids = new Map(s.groups.map((g) => [g.id, g]));
  duplicates(
    s.groups.map((g) => g.id),
    (i) => ['groups', i, 'id'],
    'group id',
    report,
  );
  s.groups.forEach((g, i) => {
    if (g.parent !== undefined && !ids.has(g.parent)) report(['groups', i, 'parent'], `unknown group "${g.parent}"`);
    // Walk up the parents: a chain longer than the number of groups has a cycle.
    let at = g.parent;
    for (let steps = 0; at !== undefined; steps++) {
      if (at === g.id || steps > s.groups.length) {
        report(['groups', i, 'parent'], `cycle in groups through "${g.id}"`);
        break;
      }
      at = ids.get(at)?.parent;
    }
  });
  s.indicators.forEach((ind, i) => {
    if (!ids.has(ind.group)) report(['indicators', i, 'group'], `unknown group "${ind.group}"`);
  });

  // Points add up: a sum group's members must total its points; a sum parent needs its children's points.
  const sumOf = (parent: string | undefined) =>
    s.indicators.filter((x) => x.group === parent).reduce((t, x) => t + x.points, 0) +
    s.groups.filter((x) => x.parent === parent).reduce((t, x) => t + (x.points ?? 0), 0);
  s.groups.forEach((g, i) => {
    const parentAggregate = g.parent === undefined ? s.total.aggregate : ids.get(g.parent)?.aggregate;
    if (parentAggregate === 'sum' && g.points === undefined)
      report(['groups', i, 'points'], 'a member of a sum needs its points');
    const members = s.indicators.some((x) => x.group === g.id) || s.groups.some((x) => x.parent === g.id);
    if (!members) report(['groups', i], `group "${g.id}" has no members`);
    if (g.aggregate === 'sum' && g.points !== undefined && sumOf(g.id) !== g.points)
      report(['groups', i, 'points'], `points ${g.points} do not add up: its members total ${sumOf(g.id)}`);
  });
  if (s.total.aggregate === 'sum' && sumOf(undefined) !== s.total.points)
    report(['total', 'points'], `points ${s.total.points} do not add up: the top-level groups total ${sumOf(undefined)}`);
}

function checkIndicators(s: CriteriaSet, catalogue: Catalogue | undefined, report: Report): void {
  duplicates(
    s.indicators.map((x) => x.code),
    (i) => ['indicators', i, 'code'],
    'indicator code',
    report,
  );
  const components = catalogue ? new Map(catalogue.components.map((c) => [c.code, c])) : undefined;
  const statusOf = new Set<string>();
  s.indicators.forEach((ind, i) => {
    const at = (...p: Path): Path => ['indicators', i, ...p];
    const { input, rule } = ind;
    const expected = ruleKindFor(input);
    if (expected !== rule.kind) {
      const what = input.kind === 'measured' ? `measured ${input.metric}` : input.kind;
      report(at('rule', 'kind'), `a ${what} input is scored by a "${expected}" rule, not "${rule.kind}"`);
    }
    if (rule.kind === 'status') rule.fractions.forEach((f, k) => checkFraction(f, at('rule', 'fractions', k), report));
    if (rule.kind === 'yesno') {
      checkFraction(rule.yes, at('rule', 'yes'), report);
      checkFraction(rule.no, at('rule', 'no'), report);
    }
    if (rule.kind === 'choice' && input.kind === 'choice') {
      duplicates(
        input.options.map((o) => o.id),
        (k) => at('input', 'options', k, 'id'),
        'option id',
        report,
      );
      for (const o of input.options)
        if (!(o.id in rule.fractions)) report(at('rule', 'fractions'), `no fraction for option "${o.id}"`);
      for (const [id, f] of Object.entries(rule.fractions)) {
        if (!input.options.some((o) => o.id === id)) report(at('rule', 'fractions', id), `unknown option "${id}"`);
        checkFraction(f, at('rule', 'fractions', id), report);
      }
    }
    const ladder = rule.kind === 'steps' ? rule.steps : rule.kind === 'thresholds' ? rule.thresholds : [];
    const key = rule.kind === 'steps' ? 'steps' : 'thresholds';
    ladder.forEach((st, k) => {
      if (st.points > ind.points) report(at('rule', key, k, 'points'), `${st.points} points exceed the maximum ${ind.points}`);
      const prev = ladder[k - 1];
      if (prev && !(st.min > prev.min)) report(at('rule', key, k, 'min'), 'steps must ascend strictly');
    });
    if (input.kind === 'status' && input.component !== undefined) {
      if (statusOf.has(input.component))
        report(at('input', 'component'), `component ${input.component} is already scored by another indicator`);
      statusOf.add(input.component);
    }
    if (components) {
      const linked: [string, Path][] = (ind.links ?? []).map((c, k) => [c, at('links', k)]);
      if (input.kind === 'status' && input.component !== undefined) linked.push([input.component, at('input', 'component')]);
      for (const [c, path] of linked) if (!components.has(c)) report(path, `unknown catalogue component "${c}"`);
      const own = input.kind === 'status' && input.component !== undefined ? components.get(input.component) : undefined;
      if (own && own.tier !== 'commune-essential' && own.tier !== 'area-specific')
        report(at('input', 'component'), `${own.code} is provided by the ${own.tier} level: a commune cannot score it`);
      const ownComponent = input.kind === 'status' && input.component === ind.code;
      if (components.has(ind.code) && !ownComponent) report(at('code'), `"${ind.code}" is a component code with another meaning`);
    }
  });
}

function checkLevelsAndGates(s: CriteriaSet, report: Report): void {
  s.levels.forEach((l, i) => {
    const prev = s.levels[i - 1];
    if (i === 0 && l.min !== 0) report(['levels', 0, 'min'], 'the first level must start at 0');
    if (prev && !(l.min > prev.min && l.level > prev.level))
      report(['levels', i], 'levels must ascend strictly in both level and min');
    if (l.min > s.total.points) report(['levels', i, 'min'], `above the maximum total ${s.total.points}`);
  });
  const levels = new Set(s.levels.map((l) => l.level));
  const codes = new Set(s.indicators.map((x) => x.code));
  duplicates(
    s.gates.map((g) => g.id),
    (i) => ['gates', i, 'id'],
    'gate id',
    report,
  );
  s.gates.forEach((g, i) => {
    if (!levels.has(g.capLevel)) report(['gates', i, 'capLevel'], 'capLevel is not a defined level');
    checkFraction(g.below, ['gates', i, 'below'], report);
    g.indicators.forEach((c, k) => {
      if (!codes.has(c)) report(['gates', i, 'indicators', k], `unknown indicator "${c}"`);
    });
  });
  if (s.template && !s.notice) report(['notice'], 'a template must carry a notice saying it is a template');
  s.statusScale.forEach((st, i) => {
    if (st.value !== i) report(['statusScale', i, 'value'], 'status scale must list 0, 1, 2, 3 in order');
  });
}

/** A set's own survey: not the default's id, the set's version, unique questions, a 5-point overall question. */
function checkSurvey(s: CriteriaSet, report: Report): void {
  const survey = s.survey;
  if (!survey) return;
  if (survey.id === DEFAULT_SURVEY_ID) report(['survey', 'id'], `"${DEFAULT_SURVEY_ID}" is the bundled survey's id`);
  if (survey.version !== s.version) report(['survey', 'version'], `the survey's version must be the set's, ${s.version}`);
  duplicates(
    survey.questions.map((q) => q.id),
    (i) => ['survey', 'questions', i, 'id'],
    'survey question id',
    report,
  );
  if (!survey.questions.some((q) => q.type === 'scale5'))
    report(['survey', 'questions'], 'at least one question must be on the 5-point scale');
  const overall = survey.questions.find((q) => q.id === survey.overallQuestion);
  if (!overall) report(['survey', 'overallQuestion'], `unknown survey question "${survey.overallQuestion}"`);
  else if (overall.type !== 'scale5')
    report(['survey', 'overallQuestion'], `the overall question "${overall.id}" must be on the 5-point scale`);
}

/**
 * The cross-field checks alone. The schema runs them only once every field has a valid value;
 * the workbook reader also runs them on a set with some values out of range, so that an upload
 * names every problem at once.
 */
export function checkCriteriaSet(s: CriteriaSet, report: Report, catalogue?: Catalogue): void {
  checkGroups(s, report);
  checkIndicators(s, catalogue, report);
  checkLevelsAndGates(s, report);
  checkSurvey(s, report);
  if (catalogue && !s.catalogueVersions.includes(catalogue.version))
    report(['catalogueVersions'], `does not list catalogue version ${catalogue.version}`);
}

/** The full schema; with a catalogue, links to components are checked against it too. */
export function criteriaSetSchema(catalogue?: Catalogue): z.ZodType<CriteriaSet> {
  return CriteriaSetBaseSchema.superRefine((s, ctx) =>
    checkCriteriaSet(s, (path, message) => ctx.addIssue({ code: 'custom', path, message }), catalogue),
  );
}

/** Validates a criteria set file; throws a ZodError naming the path of every problem. */
export function parseCriteriaSet(json: unknown, catalogue?: Catalogue): CriteriaSet {
  return criteriaSetSchema(catalogue).parse(json);
}
