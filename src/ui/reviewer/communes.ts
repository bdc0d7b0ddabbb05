/**
 * Sorting, filtering and searching the province's commune table. Pure, so the rules are tested:
 * a commune without a submission sorts after every submitted one whichever way the column goes,
 * and names compare as Vietnamese ("Đ" after "D"), ignoring the type word ("Xã", "Phường").
 */
import { foldVietnamese } from '../../domain/admin-units';
import type { CommuneRow, ReviewState } from './types';

export type CommuneState = 'not-submitted' | ReviewState;
export const COMMUNE_STATES: readonly CommuneState[] = ['not-submitted', 'submitted', 'returned', 'accepted'];
export type StateFilter = 'all' | CommuneState;

export type SortKey = 'name' | 'type' | 'index' | 'level' | 'points' | 'areaTypes' | 'submittedAt' | 'syncLag' | 'reviewState';
export type SortDir = 'asc' | 'desc';
export interface SortSpec {
  key: SortKey;
  dir: SortDir;
}

export function communeState(row: CommuneRow): CommuneState {
  return row.submitted && row.reviewState ? row.reviewState : 'not-submitted';
}

const TYPE_WORD = /^(xã|phường|đặc khu|thị trấn)\s+/i;

/** "Phường Ba Đình" → "Ba Đình". */
export function bareCommuneName(name: string): string {
  return name.replace(TYPE_WORD, '');
}

/** Every query word must start a word of the folded name, or the query is a prefix of the code. */
export function matchesQuery(row: CommuneRow, query: string): boolean {
  const folded = foldVietnamese(query);
  if (folded === '') return true;
  if (/^\d+$/.test(folded) && row.code.startsWith(folded)) return true;
  const words = foldVietnamese(row.name).split(' ');
  return folded.split(' ').every((q) => words.some((w) => w.startsWith(q)));
}

export function filterCommunes(rows: readonly CommuneRow[], filter: { state: StateFilter; query: string }): CommuneRow[] {
  return rows.filter((r) => (filter.state === 'all' || communeState(r) === filter.state) && matchesQuery(r, filter.query));
}

/** How many communes are in each state, for the filter's labels. */
export function countByState(rows: readonly CommuneRow[]): Record<StateFilter, number> {
  const counts: Record<StateFilter, number> = { all: rows.length, 'not-submitted': 0, submitted: 0, returned: 0, accepted: 0 };
  for (const r of rows) counts[communeState(r)] += 1;
  return counts;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
const STATE_ORDER: Record<CommuneState, number> = { submitted: 0, returned: 1, accepted: 2, 'not-submitted': 3 };

type SortValue = string | number | undefined;

function value(row: CommuneRow, key: SortKey): SortValue {
  switch (key) {
    case 'name':
      return bareCommuneName(row.name);
    case 'type':
      return row.type;
    case 'index':
      return row.index ?? undefined;
    case 'level':
      return row.level ?? undefined;
    case 'points':
      // Points under a point-based criteria set; a commune under none sorts with the unsubmitted.
      return row.criteria?.pointBased ? row.criteria.total : undefined;
    case 'areaTypes':
      return row.areaTypes.length > 0 ? [...row.areaTypes].sort().join(',') : undefined;
    case 'submittedAt':
      return row.submittedAt ?? undefined;
    case 'syncLag':
      return row.syncLagSeconds ?? undefined;
    case 'reviewState':
      return STATE_ORDER[communeState(row)];
  }
}

function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * A sorted copy. Missing values (no submission) go last in both directions; ties keep name
 * order, so the table never jumps around between equal rows.
 */
export function sortCommunes(rows: readonly CommuneRow[], sort: SortSpec): CommuneRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const byName = (a: CommuneRow, b: CommuneRow) =>
    collator.compare(bareCommuneName(a.name), bareCommuneName(b.name)) || a.code.localeCompare(b.code);
  return [...rows].sort((a, b) => {
    const va = value(a, sort.key);
    const vb = value(b, sort.key);
    if (va === undefined || vb === undefined) {
      if (va !== vb) return va === undefined ? 1 : -1;
      return byName(a, b);
    }
    return sign * compareValues(va, vb) || byName(a, b);
  });
}

/** The next sort after a click on a column header: same column flips, a new one starts sensibly. */
export function nextSort(current: SortSpec, key: SortKey): SortSpec {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  // Numbers and dates are most useful highest / newest first; text A→Z.
  const descFirst: SortKey[] = ['index', 'level', 'points', 'submittedAt', 'syncLag'];
  return { key, dir: descFirst.includes(key) ? 'desc' : 'asc' };
}

/** 45 → {unit:'second', value:45}; 7200 → {unit:'hour', value:2}: the largest whole unit. */
export function lagParts(seconds: number): { unit: 'second' | 'minute' | 'hour' | 'day'; value: number } {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return { unit: 'second', value: s };
  if (s < 3600) return { unit: 'minute', value: Math.floor(s / 60) };
  if (s < 86_400) return { unit: 'hour', value: Math.floor(s / 3600) };
  return { unit: 'day', value: Math.floor(s / 86_400) };
}
