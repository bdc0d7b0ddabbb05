/**
 * A province's own criteria set in two published versions, for the tests of issue #12 (phone
 * download, draft migration, the end-to-end journey). Small on purpose (5 indicators, quick to
 * fill on a phone), cut from the bundled template so its words are real. Version 2026.2 is a
 * "corrected" version with one of each change the migration screen shows: a rule changed (NT2),
 * points moved between two indicators (TC1 30 → 25, TC3 25 → 30), an indicator removed (NT4)
 * and one added (NT5). Every version is checked by the domain's parseCriteriaSet in its tests.
 */
import { readFileSync } from 'node:fs';
import type { CriteriaIndicator, CriteriaSet } from '../../src/domain/criteria/schema';

// Read, not imported: Playwright's loader needs an import attribute for JSON, Vitest does not.
const template = JSON.parse(
  readFileSync(new URL('../../data/criteria/template-commune-index-2026.1.json', import.meta.url), 'utf8'),
) as CriteriaSet;
const indicator = (code: string): CriteriaIndicator => {
  const found = template.indicators.find((i) => i.code === code);
  if (!found) throw new Error(`the template has no ${code}`);
  return structuredClone(found);
};

export const PROVINCE_SET_VERSIONS = ['2026.1', '2026.2'] as const;
export type ProvinceSetVersion = (typeof PROVINCE_SET_VERSIONS)[number];

/** The set id a province publishes under (never a bundled set's id). */
export const provinceSetId = (provinceCode: string): string => `chi-so-xa-tinh-${provinceCode}`;

export function provinceSet(provinceCode: string, version: ProvinceSetVersion = '2026.1'): CriteriaSet {
  const groups = template.groups.filter((g) => g.id === 'NT' || g.id === 'TC').map((g) => structuredClone(g));
  const nt = groups.find((g) => g.id === 'NT')!;
  const tc = groups.find((g) => g.id === 'TC')!;
  nt.points = 60;
  tc.points = 55;
  let indicators = ['NT1', 'NT2', 'NT4', 'TC1', 'TC3'].map(indicator);
  if (version === '2026.2') {
    const nt2 = indicators.find((i) => i.code === 'NT2')!;
    if (nt2.rule.kind === 'choice') nt2.rule.fractions.vice = '2/3';
    indicators.find((i) => i.code === 'TC1')!.points = 25;
    indicators.find((i) => i.code === 'TC3')!.points = 30;
    indicators = indicators.filter((i) => i.code !== 'NT4');
    indicators.splice(2, 0, indicator('NT5'));
  }
  return {
    id: provinceSetId(provinceCode),
    version,
    title: {
      vi: `Bộ chỉ số chuyển đổi số cấp xã của tỉnh (mã ${provinceCode})`,
      en: `Commune digital transformation index of province ${provinceCode}`,
    },
    template: false,
    catalogueVersions: [...template.catalogueVersions],
    total: { aggregate: 'sum', points: 115, decimals: 1 },
    statusScale: structuredClone(template.statusScale),
    groups,
    indicators,
    levels: [
      { level: 1, min: 0, vi: 'Khởi động', en: 'Starting' },
      { level: 2, min: 30, vi: 'Cơ bản', en: 'Basic' },
      { level: 3, min: 60, vi: 'Phát triển', en: 'Developing' },
      { level: 4, min: 85, vi: 'Nâng cao', en: 'Advanced' },
      { level: 5, min: 100, vi: 'Dẫn đầu', en: 'Leading' },
    ],
    gates: [],
  };
}
