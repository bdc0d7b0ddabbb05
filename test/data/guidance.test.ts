// Checks data/catalogue/2026.1/guidance.json: every component a commune is scored on has its
// explanation and the four levels, every key is a real component code, the text is NFC, and each
// level says what the methodology's status means (an approved plan, partly working, in regular use).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { communeScoredComponents, guidanceText } from '../../src/domain/guidance';
import {
  ComponentGuidanceSchema,
  guidanceCoverage,
  parseComponentGuidance,
  parseGuidanceTranslation,
} from '../../src/domain/guidance-schema';
import { CatalogueSchema } from '../../src/domain/schemas';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const readJson = (rel: string): unknown => JSON.parse(readFileSync(path.resolve(repoRoot, rel), 'utf8'));
const catalogue = CatalogueSchema.parse(readJson('data/catalogue/2026.1/catalogue.json'));
const json = readJson('data/catalogue/2026.1/guidance.json');
const guidance = parseComponentGuidance(json, catalogue);
const entries = Object.entries(guidance.components);
const englishJson = readJson('data/catalogue/2026.1/guidance.en.json');
const english = parseGuidanceTranslation(englishJson, guidance);
const copy = () => structuredClone(json) as { components: Record<string, { vi: string; levels: { vi: string }[] }> };

describe('data/catalogue/2026.1/guidance.json', () => {
  it('covers exactly the 120 commune-scored components (essential and area-specific, open items included)', () => {
    const scored = communeScoredComponents(catalogue).map((c) => c.code);
    expect(scored).toHaveLength(120);
    expect(Object.keys(guidance.components).sort()).toEqual([...scored].sort());
    expect(guidanceCoverage(catalogue, guidance)).toEqual({ missing: [], unknown: [], notScored: [] });
  });

  it('gives every component an explanation and four levels in Vietnamese', () => {
    for (const [code, g] of entries) {
      expect(g.vi, code).toBeTruthy();
      expect(g.levels, code).toHaveLength(4);
    }
  });

  it('has its English, for the same codes, four levels each (guidance.en.json, not shipped yet)', () => {
    expect(Object.keys(english.components)).toEqual(Object.keys(guidance.components));
    for (const [code, e] of Object.entries(english.components)) expect(e.levels, code).toHaveLength(4);
    // The English says what the methodology's English scale says: an approved plan, in regular use.
    for (const [code, e] of Object.entries(english.components)) {
      expect(e.levels[1], code).toMatch(/approved/u);
      expect(e.levels[3], code).toMatch(/regular|every day/iu);
    }
  });

  it('keeps the texts short enough for a phone card', () => {
    for (const [code, g] of entries) {
      expect(g.vi.length, code).toBeLessThanOrEqual(260);
      for (const level of g.levels) expect(level.vi.length, code).toBeLessThanOrEqual(130);
    }
  });

  // The methodology's English says what 1 and 2 mean ("Planned (approved plan or budget)", "Being
  // deployed, partly working"); the Vietnamese labels are shorter, so each item's levels say it.
  it('says in Vietnamese what each status means: an approved plan, partly working, in regular use', () => {
    for (const [code, g] of entries) {
      const [, planned, partly, regular] = g.levels.map((l) => l.vi);
      expect(planned, code).toMatch(/kế hoạch.*được duyệt|được duyệt/u);
      expect(partly, code).toMatch(/một phần|một số|chưa/iu);
      expect(regular, code).toMatch(/thường xuyên|hằng ngày/u);
    }
  });

  it('names the open "…khác" items as such: they count only once named', () => {
    for (const c of catalogue.components.filter((c) => c.open && c.tier !== 'central' && c.tier !== 'provincial'))
      expect(guidance.components[c.code]?.vi, c.code).toMatch(/^Mục mở: .*Chỉ tính điểm khi có tên\.$/u);
  });
});

describe('the guidance schema refuses a file that does not fit the catalogue', () => {
  it('a commune-scored component left out, named', () => {
    const bad = copy();
    delete bad.components.HTS7;
    expect(() => parseComponentGuidance(bad, catalogue)).toThrow('no guidance for HTS7');
  });

  it('a key that is no component code, or a context component', () => {
    const bad = copy();
    bad.components.HTS99 = structuredClone(bad.components.HTS7!);
    bad.components.HTS1 = structuredClone(bad.components.HTS7!);
    expect(() => parseComponentGuidance(bad, catalogue)).toThrow(/unknown component codes HTS99.*not commune-scored HTS1/u);
  });

  it('three levels instead of four, with the path of the problem', () => {
    const bad = copy();
    bad.components.ANM7!.levels.pop();
    const r = ComponentGuidanceSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['components', 'ANM7', 'levels']);
  });

  it('text that is not NFC', () => {
    const bad = copy();
    bad.components.DL10!.vi = bad.components.DL10!.vi.normalize('NFD');
    const r = ComponentGuidanceSchema.safeParse(bad);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['components.DL10.vi', 'not NFC']]);
  });

  it('an English file that leaves a code out or adds one', () => {
    const bad = structuredClone(englishJson) as { components: Record<string, unknown> };
    bad.components.DL99 = bad.components.DL10;
    delete bad.components.DL10;
    expect(() => parseGuidanceTranslation(bad, guidance)).toThrow(/no en text for DL10.*codes without guidance DL99/u);
  });

  it('another catalogue version', () => {
    expect(() => parseComponentGuidance({ ...copy(), catalogueVersion: '2026.2' }, catalogue)).toThrow('not 2026.1');
  });
});

describe('guidanceText', () => {
  it('gives English when written, else the Vietnamese marked as such', () => {
    expect(guidanceText({ vi: 'Xin chào', en: 'Hello' }, 'en')).toEqual({ text: 'Hello', lang: 'en' });
    expect(guidanceText({ vi: 'Xin chào' }, 'en')).toEqual({ text: 'Xin chào', lang: 'vi' });
    expect(guidanceText({ vi: 'Xin chào', en: 'Hello' }, 'vi')).toEqual({ text: 'Xin chào', lang: 'vi' });
  });
});
