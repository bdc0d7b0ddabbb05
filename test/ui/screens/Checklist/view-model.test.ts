import { describe, expect, it } from 'vitest';
import catalogueJson from '../../../../data/catalogue/2026.1/catalogue.json';
import methodologyJson from '../../../../data/methodology/provisional-2026.1.json';
import type { Catalogue, Methodology } from '../../../../src/domain/types';
import {
  actorKey,
  buildSections,
  groupOfCode,
  parseStatus,
  resumePoint,
  scaleLabel,
  statusChoices,
  statusKey,
  tierBadge,
  totalProgress,
} from '../../../../src/ui/screens/Checklist/view-model';

const catalogue = catalogueJson as unknown as Catalogue;
const methodology = methodologyJson as unknown as Methodology;
const byCode = new Map(catalogue.components.map((c) => [c.code, c]));
const get = (code: string) => {
  const c = byCode.get(code);
  if (!c) throw new Error(code);
  return c;
};

describe('checklist sections', () => {
  const sections = buildSections(catalogue, ['rural']);

  it('has the four layers in order, each with its groups in catalogue order', () => {
    expect(sections.map((s) => s.layer.id)).toEqual([1, 2, 3, 4]);
    expect(sections.flatMap((s) => s.groups.map((g) => g.group.code))).toEqual(catalogue.groups.map((g) => g.code));
  });

  it('answers essential and chosen area-specific components only, in catalogue order', () => {
    const answerable = sections.flatMap((s) => s.groups.flatMap((g) => g.components));
    expect(answerable.every((c) => c.tier === 'commune-essential' || c.areaType === 'rural')).toBe(true);
    const order = catalogue.components.map((c) => c.code);
    const codes = answerable.map((c) => c.code);
    expect([...codes].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(codes);
    expect(codes.length).toBe(42 + 23);
  });

  it('shows central and provincial components only as context', () => {
    const context = sections.flatMap((s) => s.groups.flatMap((g) => g.context));
    expect(context.length).toBe(50);
    expect(context.every((c) => c.tier === 'central' || c.tier === 'provincial')).toBe(true);
  });

  it('takes each area-specific component once when several types are chosen', () => {
    const all = buildSections(catalogue, ['urban', 'rural', 'mountain-border-island']);
    const codes = all.flatMap((s) => s.groups.flatMap((g) => g.components.map((c) => c.code)));
    expect(new Set(codes).size).toBe(codes.length);
    // Issue #10: 120 applicable, less the same items asked once (HTS16, ƯDCQS17, ƯDCQS21, ƯDKTS17).
    expect(codes.length).toBe(116);
    expect(codes).not.toContain('HTS16');
  });

  it('finds the group of a code', () => {
    expect(groupOfCode(sections, 'ANM7')).toBe('ANM');
    expect(groupOfCode(sections, 'HTS1')).toBeUndefined(); // context only
    expect(groupOfCode(sections, undefined)).toBeUndefined();
  });
});

describe('resume point', () => {
  const sections = buildSections(catalogue, ['urban']);

  it('opens the last edited card', () => {
    expect(resumePoint(sections, 'DL15', {})).toEqual({ group: 'DL', code: 'DL15' });
    expect(resumePoint(sections, 'DL6', {})).toEqual({ group: 'HTS', code: undefined }); // provincial: not a card
  });

  it('otherwise opens the first group with something unanswered, focusing nothing', () => {
    const answers: Record<string, { status: 0 | 1 | 2 | 3 | 'na' | null }> = {};
    for (const g of sections[0]?.groups ?? [])
      if (g.group.code === 'HTS') for (const c of g.components) answers[c.code] = { status: 0 };
    expect(resumePoint(sections, undefined, answers)).toEqual({ group: 'ANM', code: undefined });
    expect(resumePoint(sections, 'NOPE1', {})).toEqual({ group: 'HTS', code: undefined });
  });
});

describe('statuses', () => {
  it('offers "na" only where the methodology allows it', () => {
    expect(statusChoices(get('ANM7'), methodology)).toEqual([0, 1, 2, 3]); // essential
    expect(statusChoices(get('ANM8'), methodology)).toEqual([0, 1, 2, 3, 'na']); // essential but open
    const area = catalogue.components.find((c) => c.tier === 'area-specific');
    expect(area && statusChoices(area, methodology)).toEqual([0, 1, 2, 3, 'na']);
  });

  it('round-trips status keys', () => {
    for (const s of [0, 1, 2, 3, 'na'] as const) expect(parseStatus(statusKey(s))).toBe(s);
    expect(statusKey(null)).toBe('none');
    expect(parseStatus('7')).toBeNull();
  });

  it('labels 0–3 in the methodology words of the language', () => {
    expect(scaleLabel(3, methodology, 'vi')).toBe('Đã triển khai, sử dụng thường xuyên');
    expect(scaleLabel(1, methodology, 'en')).toBe('Planned (approved plan or budget)');
    expect(scaleLabel('na', methodology, 'vi')).toBeUndefined();
    expect(scaleLabel(null, methodology, 'vi')).toBeUndefined();
  });
});

describe('tier and actor', () => {
  it('tells essential from area-specific items', () => {
    expect(tierBadge(get('ANM7'))).toEqual({ kind: 'essential' });
    const area = catalogue.components.find((c) => c.areaType === 'mountain-border-island');
    expect(area && tierBadge(area)).toEqual({ kind: 'area', areaType: 'mountain-border-island' });
    expect(tierBadge(get('HTS1'))).toEqual({ kind: 'context', tier: 'central' });
  });

  it('says who acts', () => {
    expect(actorKey(get('ANM6'))).toBe('exploit');
    expect(actorKey(get('ANM7'))).toBe('essential');
    expect(actorKey(get('HTS1'))).toBe('central');
    const nv = catalogue.components.find((c) => c.kind === 'activity');
    expect(nv && actorKey(nv)).toBe('activity');
    const area = catalogue.components.find((c) => c.tier === 'area-specific' && !c.exploit && c.kind === 'component');
    expect(area && actorKey(area)).toBe('area');
  });
});

describe('total progress', () => {
  it('sums rows and rounds the percentage', () => {
    expect(
      totalProgress([
        { answered: 1, total: 3 },
        { answered: 1, total: 0 },
      ]),
    ).toEqual({ answered: 2, total: 3, percent: 67 });
    expect(totalProgress([])).toEqual({ answered: 0, total: 0, percent: 0 });
  });
});
