import { describe, expect, it } from 'vitest';
import methodologyJson from '../../../../data/methodology/provisional-2026.1.json';
import { parseMethodology } from '../../../../src/domain/methodology-schema';
import type { Answer, Catalogue, CatalogueComponent } from '../../../../src/domain/types';
import { progressOf } from '../../../../src/ui/screens/Home/progress';

const comp = (code: string, extra: Partial<CatalogueComponent>): CatalogueComponent => ({
  code,
  group: 'HTS',
  layer: 1,
  kind: 'component',
  tier: 'commune-essential',
  vi: code,
  open: false,
  exploit: false,
  ...extra,
});

const catalogue: Catalogue = {
  version: 'test',
  source: { file: '', section: '', title: '' },
  layers: [],
  groups: [{ code: 'HTS', layer: 1, vi: 'HTS' }],
  components: [
    comp('HTS1', {}),
    comp('HTS2', {}),
    comp('HTS3', { open: true }),
    comp('HTS4', { tier: 'area-specific', areaType: 'rural' }),
    comp('HTS5', { tier: 'area-specific', areaType: 'urban' }),
    comp('HTS6', { tier: 'provincial' }),
  ],
};

const methodology = { ...parseMethodology(methodologyJson), catalogueVersions: ['test'] };
const answer = (code: string, status: Answer['status'], extra: Partial<Answer> = {}): Answer => ({
  code,
  status,
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

describe('progressOf', () => {
  it('counts the applicable components, open items only once answered', () => {
    expect(progressOf(catalogue, methodology, ['rural'], {})).toEqual({ answered: 0, total: 3 });
    expect(progressOf(catalogue, methodology, ['rural', 'urban'], {})).toEqual({ answered: 0, total: 4 });
  });

  it('counts any valid status, "na" included, as answered; null as not', () => {
    const na = answer('HTS4', 'na', { naReason: 'Không có' });
    const answers = { HTS1: answer('HTS1', 0), HTS4: na, HTS2: answer('HTS2', null), HTS3: answer('HTS3', 3) };
    expect(progressOf(catalogue, methodology, ['rural'], answers)).toEqual({ answered: 3, total: 4 });
  });

  // Issue #10: an N/A without its reason is not an answer yet (the summary would refuse to send it).
  it('does not count an invalid answer as answered', () => {
    const answers = { HTS4: answer('HTS4', 'na') };
    expect(progressOf(catalogue, methodology, ['rural'], answers)).toEqual({ answered: 0, total: 3 });
  });

  it('ignores answers to components that do not apply', () => {
    const answers = { HTS5: answer('HTS5', 2), HTS6: answer('HTS6', 3) };
    expect(progressOf(catalogue, methodology, ['rural'], answers)).toEqual({ answered: 0, total: 3 });
  });
});
