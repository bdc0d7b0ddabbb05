import { describe, expect, it } from 'vitest';
import catalogueJson from '../../../data/catalogue/2026.1/catalogue.json';
import { applicableComponents } from '../../../src/domain/catalogue';
import type { Answer, Catalogue } from '../../../src/domain/types';
import { cleanComments, filterLayers, groupAnswers, isWeak, unknownAnswers } from '../../../src/ui/reviewer/answer-groups';

const cat = catalogueJson as unknown as Catalogue;
const at = '2026-03-01T00:00:00Z';
const answer = (code: string, status: Answer['status'], extra: Partial<Answer> = {}): Answer => ({
  code,
  status,
  updatedAt: at,
  ...extra,
});

describe('groupAnswers', () => {
  const rural = applicableComponents(cat, ['rural']);
  const [first, second] = rural;
  const answers = [answer(first!.code, 3, { note: '<b>not html</b>' }), answer(second!.code, 'na', { naReason: 'không có' })];
  const layers = groupAnswers(cat, ['rural'], answers);
  const items = layers.flatMap((l) => l.groups.flatMap((g) => g.items));

  it('lists every component the commune assesses, in catalogue order, each once', () => {
    expect(items.map((i) => i.component.code)).toEqual(rural.map((c) => c.code));
    expect(new Set(items.map((i) => i.component.code)).size).toBe(items.length);
  });

  it('groups by layer then catalogue group, with the answer attached', () => {
    expect(layers.map((l) => l.layer)).toEqual([...new Set(rural.map((c) => c.layer))]);
    for (const l of layers) for (const g of l.groups) for (const i of g.items) expect(i.component.group).toBe(g.group.code);
    expect(items[0]!.answer?.note).toBe('<b>not html</b>');
    expect(items.filter((i) => i.answer === undefined)).toHaveLength(rural.length - 2);
  });

  it('still shows an answer to a component outside the area types', () => {
    const urbanOnly = cat.components.find((c) => c.tier === 'area-specific' && c.areaType === 'urban')!;
    const more = groupAnswers(cat, ['rural'], [answer(urbanOnly.code, 2)]);
    expect(more.flatMap((l) => l.groups.flatMap((g) => g.items)).some((i) => i.component.code === urbanOnly.code)).toBe(true);
    expect(unknownAnswers(cat, [answer('NOPE1', 2), answer(urbanOnly.code, 1)]).map((a) => a.code)).toEqual(['NOPE1']);
  });

  it('filters to changed or weak components, dropping empty groups', () => {
    const changed = filterLayers(layers, 'changed', new Set([second!.code]));
    expect(changed.flatMap((l) => l.groups.flatMap((g) => g.items.map((i) => i.component.code)))).toEqual([second!.code]);
    const weak = filterLayers(layers, 'weak', new Set()).flatMap((l) => l.groups.flatMap((g) => g.items));
    expect(weak).toHaveLength(rural.length - 2);
    expect(filterLayers(layers, 'all', new Set())).toEqual(layers);
  });

  it('counts unanswered and below "being deployed" as weak, N/A as not', () => {
    expect([null, undefined, 0, 1, 2, 3, 'na'].map((s) => isWeak(s as Answer['status']))).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('sends only non-empty, trimmed component comments', () => {
    expect(cleanComments({ HTS1: '  cần bổ sung  ', ANM2: '   ', DL1: '' })).toEqual({ HTS1: 'cần bổ sung' });
  });
});
