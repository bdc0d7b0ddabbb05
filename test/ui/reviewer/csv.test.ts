import { describe, expect, it } from 'vitest';
import { csvFileName, csvPath, localDate } from '../../../src/ui/reviewer/csv';

describe('CSV exports', () => {
  it('builds the API path, with the area type when filtered', () => {
    expect(csvPath('communes', '01')).toBe('/provinces/01/communes.csv');
    expect(csvPath('wide', '01')).toBe('/provinces/01/communes.wide.csv');
    expect(csvPath('coverage', '01', 'mountain-border-island')).toBe(
      '/provinces/01/coverage.csv?areaType=mountain-border-island',
    );
  });

  it('names the file with province, kind, area and the local date, ASCII only', () => {
    const d = new Date(2026, 2, 5, 23, 59);
    expect(localDate(d)).toBe('2026-03-05');
    expect(csvFileName('communes', '01', d)).toBe('xa-so_01_communes_2026-03-05.csv');
    expect(csvFileName('coverage', '79', d, 'rural')).toBe('xa-so_79_coverage_rural_2026-03-05.csv');
    expect(csvFileName('coverage', '79', d, 'mountain-border-island')).toBe(
      'xa-so_79_coverage_mountain-border-island_2026-03-05.csv',
    );
  });

  it('never lets odd input into the file name', () => {
    expect(csvFileName('communes', '../Hà Nội', new Date(2026, 0, 9))).toBe('xa-so_H-N-i_communes_2026-01-09.csv');
  });
});
