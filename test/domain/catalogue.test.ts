import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  applicableComponents,
  componentIndex,
  componentLabel,
  contextComponents,
  groupLabel,
  isRequired,
  layerLabel,
} from '../../src/domain/catalogue';
import { CatalogueSchema, CatalogueTranslationSchema } from '../../src/domain/schemas';
import type { AreaType, CatalogueTranslation } from '../../src/domain/types';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const readJson = (rel: string): unknown => JSON.parse(readFileSync(path.resolve(repoRoot, rel), 'utf8'));
const cat = CatalogueSchema.parse(readJson('data/catalogue/2026.1/catalogue.json'));
const en = CatalogueTranslationSchema.parse(readJson('data/catalogue/2026.1/en.json'));
const component = (code: string) => {
  const c = componentIndex(cat).get(code);
  if (!c) throw new Error(`no ${code}`);
  return c;
};

describe('componentIndex', () => {
  it('finds every component by code and is built once per catalogue', () => {
    const index = componentIndex(cat);
    expect(index.size).toBe(170);
    expect(index.get('ƯDCQS19')?.areaType).toBe('mountain-border-island');
    expect(index.get('ĐLHQ8')?.tier).toBe('commune-essential');
    expect(index.get('nope')).toBeUndefined();
    expect(componentIndex(cat)).toBe(index);
  });
});

describe('applicableComponents', () => {
  const cases: [AreaType[], number][] = [
    [[], 42],
    [['urban'], 42 + 27],
    [['rural'], 42 + 23],
    [['mountain-border-island'], 42 + 28],
    [['rural', 'mountain-border-island'], 42 + 23 + 28],
    [['urban', 'rural'], 42 + 27 + 23],
    [['urban', 'rural', 'mountain-border-island'], 42 + 78],
  ];
  it.each(cases)('%j → %i components', (types, expected) => {
    expect(applicableComponents(cat, types)).toHaveLength(expected);
  });

  it('keeps catalogue order, has no duplicates and ignores repeated types', () => {
    const order = new Map(cat.components.map((c, i) => [c.code, i]));
    const list = applicableComponents(cat, ['mountain-border-island', 'rural', 'rural']);
    const positions = list.map((c) => order.get(c.code) ?? -1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(list.map((c) => c.code)).size).toBe(list.length);
    expect(list).toHaveLength(42 + 23 + 28);
  });

  it('never includes central or provincial components, nor other area types', () => {
    const list = applicableComponents(cat, ['urban']);
    expect(list.some((c) => c.tier === 'central' || c.tier === 'provincial')).toBe(false);
    expect(list.every((c) => c.tier === 'commune-essential' || c.areaType === 'urban')).toBe(true);
    expect(list.map((c) => c.code)).toContain('HTS10');
    expect(list.map((c) => c.code)).not.toContain('HTS15');
  });
});

describe('contextComponents', () => {
  it('lists the 20 central and 30 provincial components in order', () => {
    const list = contextComponents(cat);
    expect(list).toHaveLength(50);
    expect(list[0]?.code).toBe('HTS1');
    expect(list.every((c) => c.tier === 'central' || c.tier === 'provincial')).toBe(true);
  });
});

describe('isRequired', () => {
  it('requires essential items that are not open "…khác" items', () => {
    expect(isRequired(component('HTS6'))).toBe(true);
    expect(isRequired(component('NVXHS2'))).toBe(true);
    expect(isRequired(component('HTS9'))).toBe(false);
    expect(isRequired(component('HTS10'))).toBe(false);
    expect(isRequired(component('HTS1'))).toBe(false);
    expect(cat.components.filter(isRequired)).toHaveLength(42 - 12);
  });
});

describe('labels', () => {
  it('gives the Vietnamese without a translation, the translation when it has the text', () => {
    const hts6 = component('HTS6');
    expect(componentLabel(hts6)).toBe('Khai thác các thành phần HTS dùng chung do cấp Trung ương, cấp tỉnh cung cấp');
    expect(componentLabel(hts6, en)).toBe(
      'Exploiting the shared digital infrastructure (HTS) components provided by the central and provincial levels',
    );
    const partial: CatalogueTranslation = {
      catalogueVersion: '2026.1',
      lang: 'xx',
      layers: {},
      groups: {},
      components: { HTS6: '' },
    };
    expect(componentLabel(hts6, partial)).toBe(hts6.vi);
  });

  it('labels groups and layers the same way', () => {
    const [layer] = cat.layers;
    const [group] = cat.groups;
    if (!layer || !group) throw new Error('empty catalogue');
    expect(layerLabel(layer)).toBe('Hạ tầng số và an ninh mạng');
    expect(layerLabel(layer, en)).toBe('Digital infrastructure and cybersecurity');
    expect(groupLabel(group)).toBe('Thành phần Hạ tầng số');
    expect(groupLabel(group, en)).toBe('Digital infrastructure');
  });
});
