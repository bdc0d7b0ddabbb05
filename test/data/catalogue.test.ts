// Checks data/catalogue/2026.1 against the Vietnamese source text itself, parsed here
// independently of how the JSON was written, so a mistyped label or tier cannot slip in.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CatalogueSchema, CatalogueTranslationSchema } from '../../src/domain/schemas';
import type { AreaType, Tier } from '../../src/domain/types';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const readJson = (rel: string): unknown => JSON.parse(readFileSync(path.resolve(repoRoot, rel), 'utf8'));
const catalogue = CatalogueSchema.parse(readJson('data/catalogue/2026.1/catalogue.json'));
const en = CatalogueTranslationSchema.parse(readJson('data/catalogue/2026.1/en.json'));

interface SourceItem {
  code: string;
  tier: Tier;
  areaType?: AreaType;
  vi: string;
}

const SECTION_HEADING = '4. Khung kiến trúc số tham chiếu cấp xã và Mô hình chuyển đổi số cấp xã';
const SECTION_END = 'Việc đo lường kết quả triển khai Mô hình';
const ITEM = /^\s*(?:[a-zđ]\)|-|\+)\s*((?:HTS|ANM|DL|NTL|ƯDCQS|NVCQS|ƯDKTS|NVKTS|ƯDXHS|NVXHS|KTT|ĐLHQ)\d+):\s*(.*)$/u;
const HEADING = /^\s*(?:\d+(?:\.\d+)+\.?|[a-d]\))\s/u;
const AREA = /^\s*(?:[a-c]\)|-)\s*(Đô thị|Nông thôn|Miền núi, biên giới, hải đảo)\s*(?::|$)/u;
const AREA_TYPE: Record<string, AreaType> = {
  'Đô thị': 'urban',
  'Nông thôn': 'rural',
  'Miền núi, biên giới, hải đảo': 'mountain-border-island',
};

/** Tier from a heading ("4.3.1.1. …", "a) Thành phần … :"); NV activity headings are all essential. */
function tierOfHeading(line: string): Tier | undefined {
  if (/Hoạt động nghiệp vụ phục vụ/u.test(line)) return 'commune-essential';
  if (/dùng chung do cấp Trung ương cung cấp/u.test(line)) return 'central';
  if (/dùng chung do cấp tỉnh cung cấp/u.test(line)) return 'provincial';
  if (/thiết yếu triển khai tại cấp xã/u.test(line)) return 'commune-essential';
  if (/bổ sung theo loại địa bàn/u.test(line)) return 'area-specific';
  return undefined;
}

// The source text, vendored under data/ (see data/catalogue/README.md) and pinned by its hash.
const SOURCE_SHA256 = '1de181cb8c0b5594d9cadb3457d09f255b234f82d0c856390d96236fc9e7fe30';
const sourceBytes = readFileSync(path.resolve(repoRoot, 'data/catalogue/sources/004_a10824c7ed3eda32.txt'));
const briefCopy = path.resolve(repoRoot, '../shared/seeds/004_a10824c7ed3eda32.txt');

describe('the vendored source text', () => {
  it('is the brief\'s file, unchanged (by hash)', () => {
    expect(createHash('sha256').update(sourceBytes).digest('hex')).toBe(SOURCE_SHA256);
  });

  // Only where the project brief sits beside the repository (not on a bare clone).
  it.runIf(existsSync(briefCopy))('is byte-identical to shared/seeds/004_a10824c7ed3eda32.txt', () => {
    expect(sourceBytes.equals(readFileSync(briefCopy))).toBe(true);
  });
});

function parseSource(): { title: string; items: SourceItem[] } {
  const text = sourceBytes.toString('utf8');
  const lines = text.normalize('NFC').split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim() === SECTION_HEADING);
  const end = lines.findIndex((l, i) => i > start && l.startsWith(SECTION_END));
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  const items: SourceItem[] = [];
  let tier: Tier | undefined;
  let areaType: AreaType | undefined;
  for (const raw of lines.slice(start, end)) {
    const line = raw.replace(/^(?:\[bookmark:[^\]]*\])+/u, '');
    const item = ITEM.exec(line);
    if (item) {
      if (!tier) throw new Error(`no tier for ${item[1]}`);
      const vi = (item[2] ?? '').replace(/[\s.;]+$/u, '');
      items.push({ code: item[1] ?? '', tier, ...(tier === 'area-specific' ? { areaType } : {}), vi });
      continue;
    }
    const headingTier = HEADING.test(line) ? tierOfHeading(line) : undefined;
    if (headingTier) {
      tier = headingTier;
      areaType = undefined;
    }
    const area = AREA.exec(line);
    if (area && tier === 'area-specific') areaType = AREA_TYPE[area[1] ?? ''];
  }
  return { title: SECTION_HEADING.replace(/^4\. /u, ''), items };
}

const source = parseSource();
const countBy = (values: (string | undefined)[]): Record<string, number> =>
  values.reduce<Record<string, number>>((acc, v) => (v === undefined ? acc : { ...acc, [v]: (acc[v] ?? 0) + 1 }), {});

describe('catalogue 2026.1 against the source text', () => {
  it('names its source section', () => {
    expect(catalogue.version).toBe('2026.1');
    expect(catalogue.source).toEqual({ file: 'shared/seeds/004_a10824c7ed3eda32.txt', section: '4', title: source.title });
  });

  it('has the same 170 codes in the same order', () => {
    expect(source.items).toHaveLength(170);
    expect(catalogue.components.map((c) => c.code)).toEqual(source.items.map((i) => i.code));
  });

  it('has every label, tier and area type as the source', () => {
    const fromCatalogue = catalogue.components.map(({ code, tier, areaType, vi }) => ({ code, tier, areaType, vi }));
    expect(fromCatalogue).toEqual(source.items);
  });

  it('counts 20/30/42/78 by tier and 27/23/28 by area type, in source and catalogue', () => {
    const tiers = { central: 20, provincial: 30, 'commune-essential': 42, 'area-specific': 78 };
    const areas = { urban: 27, rural: 23, 'mountain-border-island': 28 };
    expect(countBy(source.items.map((i) => i.tier))).toEqual(tiers);
    expect(countBy(catalogue.components.map((c) => c.tier))).toEqual(tiers);
    expect(countBy(source.items.map((i) => i.areaType))).toEqual(areas);
    expect(countBy(catalogue.components.map((c) => c.areaType))).toEqual(areas);
  });

  it('numbers each group 1..n without gaps', () => {
    for (const group of catalogue.groups) {
      const numbers = catalogue.components.filter((c) => c.group === group.code).map((c) => c.code.slice(group.code.length));
      expect(numbers).toEqual(numbers.map((_, i) => String(i + 1)));
    }
  });

  it('marks NV activities as essential activities and everything else as components', () => {
    for (const c of catalogue.components) {
      expect(c.kind).toBe(c.group.startsWith('NV') ? 'activity' : 'component');
      if (c.kind === 'activity') expect(c.tier).toBe('commune-essential');
    }
  });

  it('flags as open exactly the "…khác" items that close each tier', () => {
    const looksOpen = (vi: string) => /khác$/u.test(vi) || /^Các (?:thành phần|ứng dụng)\b.* khác theo nhu cầu/u.test(vi);
    for (const c of catalogue.components) expect(c.open, c.code).toBe(looksOpen(c.vi));
    expect(catalogue.components.filter((c) => c.open)).toHaveLength(48);
  });

  it('flags as exploit the "Khai thác…" items about what central or province provide', () => {
    const exploit = catalogue.components.filter((c) => c.exploit).map((c) => c.code);
    expect(exploit).toEqual(catalogue.components.filter((c) => /^Khai thác.*cung cấp/u.test(c.vi)).map((c) => c.code));
    const essential = catalogue.components.filter((c) => c.exploit && c.tier === 'commune-essential').map((c) => c.code);
    expect(essential).toEqual(['HTS6', 'ANM6', 'DL9', 'NTL6', 'ƯDCQS6', 'ƯDKTS6', 'ƯDXHS6', 'KTT7', 'ĐLHQ7']);
  });

  it('keeps the source characters: Wi‑Fi with its non-breaking hyphen, "…" lists', () => {
    const byCode = new Map(catalogue.components.map((c) => [c.code, c.vi]));
    expect(byCode.get('HTS10')).toBe('Wi\u2011Fi công cộng');
    expect(byCode.get('HTS4')).toBe('Thành phần HTS dùng chung giữa các cơ quan trong hệ thống chính trị theo Khung kiến trúc số cấp tỉnh (Trung tâm dữ liệu cấp tỉnh hiện có,…)');
    expect(byCode.get('KTT5')).toBe('Bàn làm việc số cấp tỉnh');
  });
});

describe('catalogue data hygiene', () => {
  it('uses unique codes and NFC everywhere', () => {
    expect(new Set(catalogue.components.map((c) => c.code)).size).toBe(170);
    const strings = JSON.stringify([catalogue, en]);
    expect(strings).toBe(strings.normalize('NFC'));
  });

  it('has 4 layers and 12 groups in source order', () => {
    expect(catalogue.layers.map((l) => l.id)).toEqual([1, 2, 3, 4]);
    expect(catalogue.groups.map((g) => g.code)).toEqual(['HTS', 'ANM', 'DL', 'NTL', 'ƯDCQS', 'NVCQS', 'ƯDKTS', 'NVKTS', 'ƯDXHS', 'NVXHS', 'KTT', 'ĐLHQ']);
  });
});

describe('English translation', () => {
  it('belongs to this catalogue version', () => {
    expect(en).toMatchObject({ catalogueVersion: catalogue.version, lang: 'en' });
  });

  it('translates every layer, group and component, and nothing else', () => {
    expect(Object.keys(en.layers).sort()).toEqual(catalogue.layers.map((l) => String(l.id)).sort());
    expect(Object.keys(en.groups).sort()).toEqual(catalogue.groups.map((g) => g.code).sort());
    expect(Object.keys(en.components)).toEqual(catalogue.components.map((c) => c.code));
  });

  it('never leaves a text empty or equal to the Vietnamese', () => {
    for (const c of catalogue.components) {
      const text = en.components[c.code] ?? '';
      expect(text.trim(), c.code).not.toBe('');
      expect(text, c.code).not.toBe(c.vi);
    }
    for (const g of catalogue.groups) expect(en.groups[g.code]).not.toBe(g.vi);
    for (const l of catalogue.layers) expect(en.layers[String(l.id)]).not.toBe(l.vi);
  });
});
