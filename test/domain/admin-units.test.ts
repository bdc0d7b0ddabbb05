import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findCommune, findProvince, foldVietnamese, searchCommunes } from '../../src/domain/admin-units';
import type { Province } from '../../src/domain/admin-units';
import { AdminUnitsSchema } from '../../src/domain/schemas';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const units = AdminUnitsSchema.parse(
  JSON.parse(readFileSync(path.resolve(repoRoot, 'data/admin-units/vn-admin-units-2025.json'), 'utf8')),
);
const province = (code: string): Province => {
  const p = findProvince(units, code);
  if (!p) throw new Error(`no province ${code}`);
  return p;
};
const names = (p: Province, q: string, limit?: number) => searchCommunes(p, q, limit).map((c) => c.name);
const HA_NOI = '01';
const DAK_LAK = '66';

describe('foldVietnamese', () => {
  it('drops diacritics, maps đ to d, lower-cases and collapses spaces', () => {
    expect(foldVietnamese('  Phường   BA ĐÌNH ')).toBe('phuong ba dinh');
    expect(foldVietnamese('Xã Đắk Liêng')).toBe('xa dak lieng');
    expect(foldVietnamese('Thừa Thiên Huế'.normalize('NFD'))).toBe('thua thien hue');
  });

  it('treats both apostrophes alike and hyphens as spaces', () => {
    expect(foldVietnamese("Xã Cư M'gar")).toBe('xa cu mgar');
    expect(foldVietnamese('Xã Cư M’gar')).toBe('xa cu mgar');
    expect(foldVietnamese('Phường Văn Miếu - Quốc Tử Giám')).toBe('phuong van mieu quoc tu giam');
  });
});

describe('searchCommunes', () => {
  it('finds Phường Ba Đình first for "ba dinh" in Hà Nội', () => {
    expect(names(province(HA_NOI), 'ba dinh')[0]).toBe('Phường Ba Đình');
  });

  it('ignores case, diacritics and extra spaces in the query', () => {
    expect(names(province(HA_NOI), 'BA ĐÌNH')[0]).toBe('Phường Ba Đình');
    expect(names(province(HA_NOI), '   ba    dinh  ')[0]).toBe('Phường Ba Đình');
    expect(names(province(HA_NOI), 'phuong ba')).toContain('Phường Ba Đình');
  });

  it('finds Xã Đắk Liêng in Đắk Lắk for "dak lieng"', () => {
    expect(province(DAK_LAK).name).toBe('Tỉnh Đắk Lắk');
    expect(searchCommunes(province(DAK_LAK), 'dak lieng')[0]?.code).toBe('24595');
  });

  it('matches word prefixes only, every query word', () => {
    const hits = names(province(HA_NOI), 'ba');
    expect(hits.length).toBeGreaterThan(1);
    for (const n of hits)
      expect(
        foldVietnamese(n)
          .split(' ')
          .some((w) => w.startsWith('ba')),
      ).toBe(true);
    expect(names(province(HA_NOI), 'inh')).toEqual([]);
  });

  it('finds names with apostrophes however they are typed', () => {
    const dakLak = province(DAK_LAK);
    expect(names(dakLak, "cu m'gar")).toContain("Xã Cư M'gar");
    expect(names(dakLak, 'cu mgar')).toContain("Xã Cư M'gar");
    expect(names(dakLak, 'gar')).toContain("Xã Cư M'gar");
  });

  it('ranks exact names, then names starting with the query, then the rest', () => {
    const fake: Province = {
      code: '99',
      name: 'Tỉnh Thử',
      type: 'tỉnh',
      communes: [
        { code: '00001', name: 'Xã Tân An Hội', type: 'xã' },
        { code: '00002', name: 'Phường An Bình', type: 'phường' },
        { code: '00003', name: 'Xã An', type: 'xã' },
        { code: '00004', name: 'Xã Bình An', type: 'xã' },
      ],
    };
    expect(names(fake, 'an')).toEqual(['Xã An', 'Phường An Bình', 'Xã Bình An', 'Xã Tân An Hội']);
  });

  it('returns [] when nothing matches', () => {
    expect(searchCommunes(province(HA_NOI), 'zzz qqq')).toEqual([]);
  });

  it('lists the first communes by name for an empty query, up to the limit', () => {
    const hanoi = province(HA_NOI);
    expect(searchCommunes(hanoi, '')).toHaveLength(50);
    expect(searchCommunes(hanoi, '   ', 5)).toHaveLength(5);
    const all = searchCommunes(hanoi, '', 1000);
    expect(all).toHaveLength(hanoi.communes.length);
    expect(searchCommunes(hanoi, 'xa', 3)).toHaveLength(3);
  });
});

describe('findProvince / findCommune', () => {
  it('finds by code and returns undefined for unknown codes', () => {
    expect(findProvince(units, HA_NOI)?.name).toBe('Thành phố Hà Nội');
    expect(findProvince(units, '00')).toBeUndefined();
    expect(findCommune(units, '00004')?.name).toBe('Phường Ba Đình');
    expect(findCommune(units, '24595')?.name).toBe('Xã Đắk Liêng');
    expect(findCommune(units, '99999')).toBeUndefined();
  });
});
