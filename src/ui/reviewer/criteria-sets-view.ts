/**
 * What the "Bộ tiêu chí" screen shows, worked out without the DOM: versions in order, where a
 * problem of an upload is, a rule in words, and the preview's rows per group.
 */
import type { CriteriaScore, CriteriaSet } from '../../domain/criteria';
import type { CriteriaIndicator } from '../../domain/criteria';
import type { CriteriaSetMeta, CriteriaSetProblem } from './types';

/** "2026.10" after "2026.9": year, then number. */
export function compareVersions(a: string, b: string): number {
  const [ya = 0, na = 0] = a.split('.').map(Number);
  const [yb = 0, nb = 0] = b.split('.').map(Number);
  return ya - yb || na - nb;
}

/** Newest first: by set, then version, a draft after the published version it would follow. */
export function versionOrder(sets: readonly CriteriaSetMeta[]): CriteriaSetMeta[] {
  return [...sets].sort(
    (a, b) =>
      a.setId.localeCompare(b.setId) ||
      compareVersions(b.version, a.version) ||
      b.createdAt.localeCompare(a.createdAt) ||
      a.id.localeCompare(b.id),
  );
}

/** The two versions a comparison starts with: the newest and the one before it (same set first). */
export function defaultPair(sets: readonly CriteriaSetMeta[]): [string, string] | undefined {
  const ordered = versionOrder(sets);
  const newest = ordered[0];
  if (!newest) return undefined;
  const before = ordered.find((s) => s.id !== newest.id && s.setId === newest.setId) ?? ordered[1];
  return before ? [before.id, newest.id] : undefined;
}

export interface ProblemPlace {
  sheet?: string;
  /** "F12"; the row or column alone when only one is known. */
  cell?: string;
  row?: number;
  column?: string;
  path?: string;
}

/** Where a problem is: the workbook's sheet and cell, and/or the JSON path. */
export function problemPlace(p: CriteriaSetProblem): ProblemPlace {
  const [cellSheet, cellRef] = p.cell?.includes('!') ? p.cell.split('!', 2) : [undefined, p.cell];
  const fromRef = /^([A-Z]+)(\d+)$/.exec(cellRef ?? '');
  const column = p.column ?? fromRef?.[1];
  const row = p.row ?? (fromRef?.[2] ? Number(fromRef[2]) : undefined);
  const cell = column && row !== undefined ? `${column}${row}` : (cellRef ?? undefined);
  return {
    ...((p.sheet ?? cellSheet) ? { sheet: p.sheet ?? cellSheet } : {}),
    ...(cell ? { cell } : {}),
    ...(row !== undefined ? { row } : {}),
    ...(column ? { column } : {}),
    ...(p.path ? { path: p.path } : {}),
  };
}

const fractionText = (f: number | string): string => String(f);
type Words = { vi: string; en: string };
const pick = (w: Words, lang: string): string => (lang === 'en' ? w.en : w.vi);

/** A rule in a few words, in the reviewer's language: enough to see what a change changed. */
export function ruleText(ind: CriteriaIndicator, lang: string): string {
  const { rule, input } = ind;
  const en = lang === 'en';
  switch (rule.kind) {
    case 'status':
      return rule.fractions.map((f, i) => `${i}: ${fractionText(f)}`).join('; ');
    case 'yesno':
      return `${en ? 'yes' : 'có'}: ${fractionText(rule.yes)}; ${en ? 'no' : 'không'}: ${fractionText(rule.no)}`;
    case 'choice': {
      const options = input.kind === 'choice' ? input.options : [];
      return Object.entries(rule.fractions)
        .map(([id, f]) => {
          const o = options.find((x) => x.id === id);
          return `${o ? pick(o, lang) : id}: ${fractionText(f)}`;
        })
        .join('; ');
    }
    case 'steps':
      return rule.steps.map((s) => `≥ ${s.min}: ${s.points}`).join('; ');
    case 'thresholds':
      return rule.thresholds.map((s) => `≥ ${s.min}%: ${s.points}`).join('; ');
    case 'ratio': {
      const zero = { full: en ? 'full points' : 'đủ điểm', zero: '0', 'not-counted': en ? 'not counted' : 'không tính' };
      return `a/b × ${ind.points}; b = 0: ${zero[rule.whenBIsZero]}`;
    }
  }
}

export interface PreviewRow {
  id: string;
  label: string;
  /** 0 for a top-level group, 1 for its children… */
  depth: number;
  draft: { score: number | null; max: number };
  /** The same group under the set the submission was scored with, when it has one of that id. */
  current?: { score: number | null; max: number };
}

/** One row per group of the draft, in its order, nested under parents, beside the current score's. */
export function previewRows(set: CriteriaSet, draft: CriteriaScore, current: CriteriaScore | undefined, lang: string) {
  const parents = new Map(set.groups.map((g) => [g.id, g.parent]));
  const depth = (id: string): number => {
    let d = 0;
    for (let at = parents.get(id); at !== undefined && d <= set.groups.length; at = parents.get(at)) d++;
    return d;
  };
  return set.groups.map((g): PreviewRow => {
    const mine = draft.groups.find((x) => x.id === g.id);
    const theirs = current?.groups.find((x) => x.id === g.id);
    return {
      id: g.id,
      label: pick(g, lang),
      depth: depth(g.id),
      draft: { score: mine?.score ?? null, max: mine?.max ?? g.points ?? 100 },
      ...(theirs ? { current: { score: theirs.score, max: theirs.max } } : {}),
    };
  });
}
