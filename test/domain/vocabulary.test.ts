import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import catalogue from '../../data/catalogue/2026.1/catalogue.json';
import methodologyJson from '../../data/methodology/provisional-2026.1.json';
import type { Methodology } from '../../src/domain/types';
import {
  AREA_TYPES,
  ASSESSMENT_STATUSES,
  COMMUNE_CODE_RE,
  COMPONENT_CODE_RE,
  isLocked,
  levelName,
  PROVINCE_CODE_RE,
} from '../../src/domain/vocabulary';

const methodology = methodologyJson as unknown as Methodology;
const units = JSON.parse(readFileSync(new URL('../../data/admin-units/vn-admin-units-2025.json', import.meta.url), 'utf8')) as {
  provinces: { code: string; communes: { code: string }[] }[];
};

describe('domain vocabulary', () => {
  it('knows every catalogue component code and refuses look-alikes', () => {
    for (const c of catalogue.components) expect(COMPONENT_CODE_RE.test(c.code)).toBe(true);
    for (const bad of ['hts7', 'HTS', 'HTS123', 'H7', 'HTS7 ', 'HTS-7']) expect(COMPONENT_CODE_RE.test(bad)).toBe(false);
  });

  it('knows every province and commune code of the admin-unit file, and only those shapes', () => {
    for (const p of units.provinces) {
      expect(PROVINCE_CODE_RE.test(p.code)).toBe(true);
      for (const c of p.communes) expect(COMMUNE_CODE_RE.test(c.code)).toBe(true);
    }
    for (const bad of ['1', '001', 'ab', '01\n']) expect(PROVINCE_CODE_RE.test(bad)).toBe(false);
    for (const bad of ['0001', '000001', '0000a', '00001\n']) expect(COMMUNE_CODE_RE.test(bad)).toBe(false);
  });

  it('lists the area types the catalogue uses, in canonical order', () => {
    expect(AREA_TYPES).toEqual(['urban', 'rural', 'mountain-border-island']);
    const used = new Set(catalogue.components.flatMap((c) => ('areaType' in c && c.areaType ? [c.areaType] : [])));
    expect([...used].sort()).toEqual([...AREA_TYPES].sort());
  });

  it('locks a sent or accepted assessment, and only those', () => {
    expect(ASSESSMENT_STATUSES.filter(isLocked)).toEqual(['submitted', 'accepted']);
  });

  it('names levels in the language', () => {
    expect(levelName(methodology, 3, 'vi')).toBe('Phát triển');
    expect(levelName(methodology, 3, 'en')).toBe('Developing');
    expect(levelName(methodology, 9, 'vi')).toBe('');
    expect(levelName(methodology, null, 'vi')).toBe('');
  });
});
