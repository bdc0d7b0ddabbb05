import { describe, expect, it } from 'vitest';
import catalogueJson from '../../../../data/catalogue/2026.1/catalogue.json';
import enJson from '../../../../data/catalogue/2026.1/en.json';
import methodologyJson from '../../../../data/methodology/provisional-2026.1.json';
import { gapList } from '../../../../src/domain/gaps';
import { scoreAssessment } from '../../../../src/domain/scoring';
import type { Answer, Catalogue, CatalogueTranslation, Methodology } from '../../../../src/domain/types';
import {
  gainDigits,
  gapRows,
  gateNotices,
  radarSeries,
  scoreGroupLabel,
  statusName,
} from '../../../../src/ui/screens/Summary/view-model';

const catalogue = catalogueJson as unknown as Catalogue;
const en = enJson as unknown as CatalogueTranslation;
const methodology = methodologyJson as unknown as Methodology;
const at = '2026-01-01T00:00:00.000Z';

/** Every applicable rural component at status 3, except the ones given. */
function answers(overrides: Record<string, Answer['status']>): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  for (const c of catalogue.components) {
    if (c.tier === 'commune-essential' || c.areaType === 'rural')
      out[c.code] = { code: c.code, status: 3, updatedAt: at, ...(c.open ? { openName: 'Tên' } : {}) };
  }
  for (const [code, status] of Object.entries(overrides)) out[code] = { code, status, updatedAt: at };
  return out;
}

function result(overrides: Record<string, Answer['status']>) {
  const input = { catalogue, methodology, areaTypes: ['rural' as const], answers: answers(overrides) };
  return { score: scoreAssessment(input), gaps: gapList(input) };
}

describe('summary words', () => {
  it('names score groups and statuses in the language', () => {
    expect(scoreGroupLabel(methodology, 'ĐLHQ', 'vi')).toBe('Đo lường hiệu quả');
    expect(scoreGroupLabel(methodology, 'nope', 'vi')).toBe('nope');
    expect(statusName(methodology, 2, 'vi')).toBe('Đang triển khai');
    expect(statusName(methodology, 'na', 'vi')).toBeUndefined();
    expect(statusName(methodology, null, 'vi')).toBeUndefined();
  });
});

describe('gate notices', () => {
  it('explains a security gate with the components that hold it', () => {
    const { score, gaps } = result({ ANM7: 1 });
    expect(score.gatesApplied).toEqual(['anm-prerequisite']);
    const [notice] = gateNotices(score, methodology, gaps, 'vi');
    expect(notice).toMatchObject({
      cap: 2,
      groups: 'An ninh mạng',
      tiers: ['commune-essential'],
      minStatus: 'Đang triển khai',
      codes: ['ANM7'],
    });
    expect(gateNotices(score, methodology, gaps, 'en')[0]?.minStatus).toBe('Being deployed, partly working');
  });

  it('says nothing when no gate applied', () => {
    const { score, gaps } = result({});
    expect(gateNotices(score, methodology, gaps, 'vi')).toEqual([]);
  });
});

describe('radar series', () => {
  it('has one axis per score group, unanswered groups at their score', () => {
    const { score } = result({});
    const s = radarSeries(score, methodology, 'en');
    expect(s.labels).toEqual(methodology.scoreGroups.map((g) => g.en));
    expect(s.values).toEqual(methodology.scoreGroups.map(() => 100));
  });
});

describe('gap rows', () => {
  it('carries the exact Vietnamese text, or the English when translated', () => {
    const { gaps } = result({ ANM7: 1, ANM6: 0 });
    const vi = gapRows(gaps, catalogue, undefined);
    const anm7 = catalogue.components.find((c) => c.code === 'ANM7');
    expect(
      vi
        .map((r) => r.code)
        .slice(0, 2)
        .sort(),
    ).toEqual(['ANM6', 'ANM7']); // gate items first
    expect(vi.find((r) => r.code === 'ANM7')).toMatchObject({
      label: anm7?.vi,
      labelLang: 'vi',
      status: 1,
      gate: true,
      actor: 'commune',
    });
    const anm6 = vi.find((r) => r.code === 'ANM6');
    expect(anm6).toMatchObject({ actor: 'province', gate: true, status: 0 });
    const english = gapRows(gaps, catalogue, en);
    expect(english.find((r) => r.code === 'ANM7')).toMatchObject({ label: en.components.ANM7, labelLang: 'en' });
  });

  it('shows small gains with two decimals', () => {
    expect(gainDigits(0.35)).toBe(2);
    expect(gainDigits(2.4)).toBe(1);
  });
});
