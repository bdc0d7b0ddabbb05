import { describe, expect, it } from 'vitest';
import methodologyJson from '../../data/methodology/provisional-2026.1.json';
import { MethodologySchema, parseMethodology } from '../../src/domain/methodology-schema';
import { realCatalogue } from './scoring-fixtures';

const base = () => structuredClone(methodologyJson) as Record<string, unknown> & typeof methodologyJson;
const problems = (json: unknown) => {
  const r = MethodologySchema.safeParse(json);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('data/methodology/provisional-2026.1.json', () => {
  const m = parseMethodology(methodologyJson);

  it('validates against the schema', () => {
    expect(m.id).toBe('provisional-2026.1');
    expect(m.catalogueVersions).toContain(realCatalogue.version);
  });

  it('states the product methodology', () => {
    expect(m.weights).toEqual({ 'commune-essential': 2, 'area-specific': 1, open: 1 });
    expect(m.statusScale.map((s) => s.vi)).toEqual([
      'Chưa triển khai',
      'Có kế hoạch',
      'Đang triển khai',
      'Đã triển khai, sử dụng thường xuyên',
    ]);
    expect(m.levels.map((l) => [l.level, l.min, l.vi])).toEqual([
      [1, 0, 'Khởi động'],
      [2, 25, 'Cơ bản'],
      [3, 50, 'Phát triển'],
      [4, 75, 'Nâng cao'],
      [5, 90, 'Dẫn đầu'],
    ]);
    expect(m.scoreGroups.map((g) => [g.id, g.layer])).toEqual([
      ['HTS', 1],
      ['ANM', 1],
      ['DL', 2],
      ['NTL', 2],
      ['ƯD', 3],
      ['KTT', 4],
      ['ĐLHQ', 4],
    ]);
    expect(m.gates).toMatchObject([{ id: 'anm-prerequisite', groups: ['ANM'], minStatus: 2, capLevel: 2 }]);
  });

  it('puts every catalogue group in exactly one score group of the same layer', () => {
    for (const g of realCatalogue.groups) {
      const owners = m.scoreGroups.filter((s) => s.members.includes(g.code));
      expect(
        owners.map((o) => o.layer),
        g.code,
      ).toEqual([g.layer]);
    }
  });
});

describe('MethodologySchema refinements', () => {
  it('requires levels ascending from 0', () => {
    const notFromZero = base();
    notFromZero.levels[0]!.min = 5;
    expect(problems(notFromZero)).toContain('the first level must start at 0');
    const unsorted = base();
    unsorted.levels[2]!.min = 20;
    expect(problems(unsorted)).toContain('levels must ascend strictly in both level and min');
  });

  it('requires every layer to have a score group', () => {
    const json = base();
    json.scoreGroups = json.scoreGroups.filter((g) => g.layer !== 4);
    expect(problems(json)).toContain('layer 4 has no score group');
  });

  it('refuses negative weights, a group counted twice, and N/A for central components', () => {
    const negative = base();
    negative.weights.open = -1;
    expect(problems(negative)).not.toEqual([]);
    const twice = base();
    twice.scoreGroups[0]!.members.push('ANM');
    expect(problems(twice)).toContain('ANM is already in HTS');
    const naCentral = base();
    naCentral.na.allowedTiers.push('central');
    expect(problems(naCentral)).toContain('central components are never scored');
  });

  it('refuses a gate capping at an undefined level and unknown fields', () => {
    const gate = base();
    gate.gates[0]!.capLevel = 9;
    expect(problems(gate)).toContain('capLevel is not a defined level');
    expect(problems({ ...base(), extra: 1 })).not.toEqual([]);
  });

  it('accepts numeric indicators of both kinds, scored into a known group', () => {
    const json = base();
    (json as Record<string, unknown>).indicators = [
      {
        code: 'TL1',
        kind: 'ratio',
        points: 10,
        group: 'ƯD',
        vi: 'Tỷ lệ hồ sơ trực tuyến toàn trình',
        en: 'Share of fully online files',
      },
      {
        code: 'BL1',
        kind: 'steps',
        group: 'HTS',
        steps: [
          { min: 0, points: 0 },
          { min: 4, points: 5 },
        ],
        vi: 'Số buổi',
        en: 'Meetings',
      },
    ];
    expect(problems(json)).toEqual([]);
    (json.indicators as { group: string }[])[1]!.group = 'XYZ';
    expect(problems(json)).toContain('unknown score group');
  });
});
