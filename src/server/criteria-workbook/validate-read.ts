/**
 * The domain's own validation of what the sheets held, every problem pointed at its cell.
 * zod runs the cross-field checks (points adding up, duplicate codes…) only when every field is
 * valid; so when some are not, they are run here too, on a copy whose broken parts are replaced
 * by neutral stand-ins, and what they say about a cell already reported is left out.
 */
import type { z } from 'zod';
import { checkCriteriaSet, criteriaSetSchema, CriteriaSetBaseSchema } from '../../domain/criteria';
import type { CriteriaSet } from '../../domain/criteria';
import { RULE_FOR_INPUT, ruleKindFor } from '../../domain/criteria/schema';
import type { CriteriaInput } from '../../domain/criteria';
import type { Catalogue } from '../../domain/types';
import { locate } from './locate';
import { customMessage, issueMessage } from './messages';
import type { Problem } from './problem';
import { cellProblem, jsonPath } from './problem';
import type { Loose } from './read-indicator';
import type { SheetsRead } from './read-sheets';

const NEUTRAL_RULES: Record<string, Loose> = {
  status: { kind: 'status', fractions: [0, 0, 0, 0] },
  yesno: { kind: 'yesno', yes: 0, no: 0 },
  choice: { kind: 'choice', fractions: {} },
  steps: { kind: 'steps', steps: [] },
  ratio: { kind: 'ratio', whenBIsZero: 'zero' },
  thresholds: { kind: 'thresholds', thresholds: [] },
};
const INPUT_FOR_RULE = Object.fromEntries(Object.entries(RULE_FOR_INPUT).map(([i, r]) => [r, i]));

const isObject = (x: unknown): x is Loose => typeof x === 'object' && x !== null;
const arrayOr = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

/** A copy the cross-field checks can walk without throwing: every array an array, every input and rule of a kind. */
function standIn(set: Loose): CriteriaSet {
  const indicators = arrayOr(set.indicators).map((x) => {
    const ind = isObject(x) ? x : {};
    const rule = isObject(ind.rule) ? ind.rule : undefined;
    const kind = isObject(ind.input) ? String(ind.input.kind) : (INPUT_FOR_RULE[String(rule?.kind)] ?? 'yesno');
    const input: Loose = isObject(ind.input) ? { ...ind.input } : { kind };
    if (kind === 'choice') input.options = arrayOr(input.options);
    const ruleKind =
      kind === 'measured'
        ? ruleKindFor({ kind, metric: (input.metric ?? 'residentsHelped') as never } as CriteriaInput)
        : RULE_FOR_INPUT[kind as keyof typeof RULE_FOR_INPUT];
    const fractions = Object.fromEntries(arrayOr(input.options).map((o) => [String(isObject(o) ? o.id : ''), 0]));
    const neutral = ruleKind === 'choice' ? { kind: 'choice', fractions } : NEUTRAL_RULES[ruleKind];
    return { ...ind, input, rule: rule ?? neutral };
  });
  return {
    ...set,
    catalogueVersions: arrayOr(set.catalogueVersions),
    total: isObject(set.total) ? set.total : {},
    statusScale: arrayOr(set.statusScale),
    groups: arrayOr(set.groups).filter(isObject),
    indicators,
    levels: arrayOr(set.levels).filter(isObject),
    gates: arrayOr(set.gates).map((g) => ({ ...(isObject(g) ? g : {}), indicators: arrayOr(isObject(g) ? g.indicators : []) })),
    ...(isObject(set.survey) ? { survey: { ...set.survey, questions: arrayOr(set.survey.questions).filter(isObject) } } : {}),
  } as unknown as CriteriaSet;
}

const isSumCheck = (path: readonly PropertyKey[]): boolean =>
  (path[0] === 'groups' && path[2] === 'points') || (path[0] === 'total' && path[1] === 'points');

/** Groups (and their ancestors) with a member whose points were reported: their sums prove nothing. */
function groupsWithBadPoints(read: SheetsRead, reported: ReadonlySet<string>): Set<string> {
  const groups = arrayOr(read.set.groups).filter(isObject);
  const out = new Set<string>();
  const cellOf = (path: PropertyKey[]) => {
    const at = locate(path, read);
    return at?.sheet && at.row !== undefined && at.col !== undefined ? cellProblem(at.sheet, at.row, at.col, '').cell : undefined;
  };
  const mark = (id: unknown) => {
    for (let g = id, steps = 0; g !== undefined && steps <= groups.length; steps++) {
      out.add(String(g));
      g = groups.find((x) => x.id === g)?.parent;
    }
  };
  arrayOr(read.set.indicators).forEach((ind, i) => {
    const cell = cellOf(['indicators', i, 'points']);
    if (isObject(ind) && cell && reported.has(cell)) mark(ind.group);
  });
  groups.forEach((g, i) => {
    const cell = cellOf(['groups', i, 'points']);
    if (cell && reported.has(cell)) mark(g.parent);
  });
  return out;
}

interface Raw {
  path: PropertyKey[];
  message: (label: string) => string;
  crossField: boolean;
}

export function validateRead(
  read: SheetsRead,
  bad: ReadonlySet<string>,
  catalogue?: Catalogue,
): { ok: true; set: CriteriaSet } | { ok: false; problems: Problem[] } {
  const result = criteriaSetSchema(catalogue).safeParse(read.set, { reportInput: true });
  if (result.success && bad.size === 0) return { ok: true, set: result.data };
  const raw: Raw[] = (result.error?.issues ?? []).map((issue: z.core.$ZodIssue) => ({
    path: issue.path,
    message: (label: string) => issueMessage(issue, label, issue.path),
    crossField: issue.code === 'custom',
  }));
  if (!CriteriaSetBaseSchema.safeParse(read.set).success) {
    try {
      checkCriteriaSet(
        standIn(read.set),
        (path, message) => raw.push({ path, message: (label) => customMessage(message, label), crossField: true }),
        catalogue,
      );
    } catch {
      // A shape the stand-in did not foresee: the problems already found still stand.
    }
  }
  const reported = new Set(bad);
  const problems: Problem[] = [];
  let unsure: Set<string> | undefined;
  for (const r of raw.sort((x, y) => Number(x.crossField) - Number(y.crossField))) {
    const at = locate(r.path, read);
    if (!at) continue;
    const message = r.message(at.label);
    // A sum over a value that could not be read, or is itself wrong, says nothing more.
    if (r.crossField && /NaN|undefined/.test(message)) continue;
    if (r.crossField && isSumCheck(r.path)) {
      // Cross-field problems come after every other, so `reported` is complete here.
      unsure ??= groupsWithBadPoints(read, reported);
      const group = arrayOr(read.set.groups)[Number(r.path[1])];
      if (r.path[0] === 'total' ? unsure.size > 0 : isObject(group) && unsure.has(String(group.id))) continue;
    }
    const p: Problem =
      at.sheet && at.row !== undefined && at.col !== undefined
        ? cellProblem(at.sheet, at.row, at.col, message)
        : { message, ...(at.sheet ? { sheet: at.sheet } : {}), ...(at.row !== undefined ? { row: at.row } : {}) };
    if (p.cell && reported.has(p.cell) && (r.crossField || bad.has(p.cell))) continue;
    if (p.cell) reported.add(p.cell);
    problems.push({ ...p, path: jsonPath(r.path) });
  }
  return { ok: false, problems };
}
