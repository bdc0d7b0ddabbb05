import { describe, expect, it } from 'vitest';
import {
  bareCommuneName,
  communeState,
  countByState,
  filterCommunes,
  lagParts,
  matchesQuery,
  nextSort,
  sortCommunes,
} from '../../../src/ui/reviewer/communes';
import { commune } from './fixtures';

const rows = [
  commune('00004', 'Phường Ba Đình', {
    index: 72.5,
    level: 3,
    reviewState: 'accepted',
    submittedAt: '2026-03-02T00:00:00Z',
    syncLagSeconds: 10,
  }),
  commune('00008', 'Phường Ngọc Hà'),
  commune('00025', 'Phường Đống Đa', {
    index: 40,
    level: 2,
    reviewState: 'returned',
    submittedAt: '2026-03-05T00:00:00Z',
    syncLagSeconds: 86_400 * 3,
  }),
  commune('00100', 'Xã Dương Hòa', {
    index: 88.1,
    level: 4,
    areaTypes: ['mountain-border-island', 'rural'],
    syncLagSeconds: 120,
  }),
  commune('00200', 'Xã An Khánh'),
];
const names = (list: { name: string }[]) => list.map((r) => r.name);

describe('communeState', () => {
  it('is the review state of the latest submission, or not-submitted', () => {
    expect(rows.map(communeState)).toEqual(['accepted', 'not-submitted', 'returned', 'submitted', 'not-submitted']);
  });
});

describe('search', () => {
  it('is diacritic-insensitive and matches word starts', () => {
    expect(names(filterCommunes(rows, { state: 'all', query: 'ba dinh' }))).toEqual(['Phường Ba Đình']);
    expect(names(filterCommunes(rows, { state: 'all', query: 'DONG' }))).toEqual(['Phường Đống Đa']);
    expect(names(filterCommunes(rows, { state: 'all', query: 'phuong ng' }))).toEqual(['Phường Ngọc Hà']);
    expect(matchesQuery(rows[0]!, 'inh')).toBe(false);
  });

  it('finds a commune by the start of its code', () => {
    expect(names(filterCommunes(rows, { state: 'all', query: '0002' }))).toEqual(['Phường Đống Đa']);
  });

  it('an empty or blank query keeps everything', () => {
    expect(filterCommunes(rows, { state: 'all', query: '  ' })).toHaveLength(rows.length);
  });

  it('combines with the state filter', () => {
    expect(names(filterCommunes(rows, { state: 'not-submitted', query: '' }))).toEqual(['Phường Ngọc Hà', 'Xã An Khánh']);
    expect(names(filterCommunes(rows, { state: 'not-submitted', query: 'an' }))).toEqual(['Xã An Khánh']);
  });

  it('counts communes per state', () => {
    expect(countByState(rows)).toEqual({ all: 5, 'not-submitted': 2, submitted: 1, returned: 1, accepted: 1 });
  });
});

describe('sortCommunes', () => {
  it('sorts names as Vietnamese, ignoring the type word (Đ after D)', () => {
    expect(names(sortCommunes(rows, { key: 'name', dir: 'asc' }))).toEqual([
      'Xã An Khánh',
      'Phường Ba Đình',
      'Xã Dương Hòa',
      'Phường Đống Đa',
      'Phường Ngọc Hà',
    ]);
    expect(bareCommuneName('Đặc khu Phú Quốc')).toBe('Phú Quốc');
  });

  it('puts communes without a submission last in both directions, by name', () => {
    const tail = ['Xã An Khánh', 'Phường Ngọc Hà'];
    const asc = names(sortCommunes(rows, { key: 'index', dir: 'asc' }));
    const desc = names(sortCommunes(rows, { key: 'index', dir: 'desc' }));
    expect(asc).toEqual(['Phường Đống Đa', 'Phường Ba Đình', 'Xã Dương Hòa', ...tail]);
    expect(desc).toEqual(['Xã Dương Hòa', 'Phường Ba Đình', 'Phường Đống Đa', ...tail]);
  });

  it('sorts by date, lag and review state', () => {
    expect(names(sortCommunes(rows, { key: 'submittedAt', dir: 'desc' })).slice(0, 3)).toEqual([
      'Phường Đống Đa',
      'Phường Ba Đình',
      'Xã Dương Hòa',
    ]);
    expect(names(sortCommunes(rows, { key: 'syncLag', dir: 'asc' })).slice(0, 3)).toEqual([
      'Phường Ba Đình',
      'Xã Dương Hòa',
      'Phường Đống Đa',
    ]);
    // Awaiting review first: that is the reviewer's work queue.
    expect(names(sortCommunes(rows, { key: 'reviewState', dir: 'asc' })).slice(0, 3)).toEqual([
      'Xã Dương Hòa',
      'Phường Đống Đa',
      'Phường Ba Đình',
    ]);
  });

  it('does not change its input', () => {
    const before = names(rows);
    sortCommunes(rows, { key: 'level', dir: 'desc' });
    expect(names(rows)).toEqual(before);
  });

  it('keeps name order between equal values', () => {
    const tied = [
      commune('1', 'Xã Sơn', { index: 50 }),
      commune('2', 'Xã Bình', { index: 50 }),
      commune('3', 'Xã An', { index: 50 }),
    ];
    expect(names(sortCommunes(tied, { key: 'index', dir: 'desc' }))).toEqual(['Xã An', 'Xã Bình', 'Xã Sơn']);
  });
});

describe('nextSort', () => {
  it('flips the same column and starts numbers high-first, text A→Z', () => {
    expect(nextSort({ key: 'name', dir: 'asc' }, 'name')).toEqual({ key: 'name', dir: 'desc' });
    expect(nextSort({ key: 'name', dir: 'asc' }, 'index')).toEqual({ key: 'index', dir: 'desc' });
    expect(nextSort({ key: 'index', dir: 'desc' }, 'type')).toEqual({ key: 'type', dir: 'asc' });
  });
});

describe('lagParts', () => {
  it('uses the largest whole unit', () => {
    expect(lagParts(0)).toEqual({ unit: 'second', value: 0 });
    expect(lagParts(59.6)).toEqual({ unit: 'minute', value: 1 });
    expect(lagParts(45)).toEqual({ unit: 'second', value: 45 });
    expect(lagParts(7_199)).toEqual({ unit: 'hour', value: 1 });
    expect(lagParts(3 * 86_400 + 5)).toEqual({ unit: 'day', value: 3 });
    expect(lagParts(-5)).toEqual({ unit: 'second', value: 0 });
  });
});
