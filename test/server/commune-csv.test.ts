/**
 * The communes CSV under criteria sets, on rows as the commune list gives them: the columns it
 * always had first and unchanged, then the set, points and level, then one column per group of
 * every point-based set present (each under its own set: two versions of a set never share a
 * column), empty for communes under another set or none.
 */
import { describe, expect, it } from 'vitest';
import type { CriteriaSet } from '../../src/domain/criteria';
import { buildReferenceData } from '../../src/server/reference-data';
import type { CommuneCriteria, CommuneRow } from '../../src/server/schemas/provinces';
import { communesCsv } from '../../src/server/services/commune-csv';
import { realReference } from './harness';

const real = realReference();
const template = real.criteriaSets.get('template-commune-index@2026.1')!;
const provisional = real.criteriaSets.get('provisional@2026.1')!;
/** A later version with one group fewer, renamed with a comma, to show the columns keep sets apart. */
const next: CriteriaSet = {
  ...template,
  version: '2026.2',
  groups: [{ ...template.groups[0]!, vi: 'Nhận thức, kỹ năng số' }, ...template.groups.slice(1, 3)],
};
const reference = buildReferenceData([...real.catalogues.values()], [...real.methodologies.values()], real.adminUnits, [
  template,
  provisional,
  next,
]);

function row(code: string, criteria: CommuneCriteria | null): CommuneRow {
  return {
    code,
    name: `Xã ${code}`,
    type: 'xã',
    submitted: true,
    assessmentCount: 1,
    assessmentId: `a-${code}`,
    revision: 1,
    period: '2026',
    areaTypes: ['rural'],
    index: 50,
    level: 3,
    reviewState: 'submitted',
    submittedAt: '2026-03-01T07:30:00.000Z',
    receivedAt: '2026-03-01T07:30:00.000Z',
    syncLagSeconds: 0,
    criteria,
  };
}

const under = (set: CriteriaSet, total: number, points: (number | null)[]): CommuneCriteria => ({
  setId: set.id,
  setVersion: set.version,
  template: set.template,
  pointBased: set.total.aggregate === 'sum',
  total,
  max: set.total.points,
  level: 2,
  groups: set.groups.map((g, i) => ({ id: g.id, points: points[i] ?? null, max: g.points ?? 100 })),
});

const BASE =
  'commune_code,commune_name,commune_type,submitted,assessment_id,revision,period,area_types,index,level,review_state,submitted_at,received_at,sync_lag_seconds';
const lines = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');

describe('communes CSV with criteria sets', () => {
  it('adds the set, points and level, and a column per group of each point-based set present', () => {
    const csv = communesCsv(
      [
        row('1', under(template, 612.5, [80, 40, null, 100, 50, 200, 60, 82.5])),
        row('2', under(next, 250, [90, 70, 90])),
        row('3', under(provisional, 48.2, [])),
        row('4', null),
      ],
      reference,
    );
    const [header, ...body] = lines(csv);
    expect(header).toBe(
      [
        BASE,
        'criteria_set,criteria_points,criteria_level',
        'template-commune-index@2026.1 · NT Nhận thức số (tối đa 100 điểm)',
        'template-commune-index@2026.1 · TC Thể chế số (tối đa 80 điểm)',
        'template-commune-index@2026.1 · HT Hạ tầng số (tối đa 120 điểm)',
        'template-commune-index@2026.1 · NL Nhân lực số (tối đa 100 điểm)',
        'template-commune-index@2026.1 · AT An toàn thông tin mạng (tối đa 100 điểm)',
        'template-commune-index@2026.1 · CQ Hoạt động chính quyền số (tối đa 250 điểm)',
        'template-commune-index@2026.1 · KT Hoạt động kinh tế số (tối đa 100 điểm)',
        'template-commune-index@2026.1 · XH Hoạt động xã hội số (tối đa 150 điểm)',
        // A comma in a name is quoted, as RFC 4180 says.
        '"template-commune-index@2026.2 · NT Nhận thức, kỹ năng số (tối đa 100 điểm)"',
        'template-commune-index@2026.2 · TC Thể chế số (tối đa 80 điểm)',
        'template-commune-index@2026.2 · HT Hạ tầng số (tối đa 120 điểm)',
      ].join(','),
    );
    const fixed = (code: string) =>
      `${code},Xã ${code},xã,yes,a-${code},1,2026,rural,50,3,submitted,2026-03-01T07:30:00.000Z,2026-03-01T07:30:00.000Z,0`;
    expect(body).toEqual([
      `${fixed('1')},template-commune-index@2026.1,612.5,2,80,40,,100,50,200,60,82.5,,,`,
      `${fixed('2')},template-commune-index@2026.2,250,2,,,,,,,,,90,70,90`,
      // The provisional set is an index, not points: its set and level only.
      `${fixed('3')},provisional@2026.1,,2,,,,,,,,,,,`,
      `${fixed('4')},,,,,,,,,,,,,,`,
    ]);
  });

  it('keeps the columns it always had, and only those three more, when no commune is under a point-based set', () => {
    const [header, ...body] = lines(communesCsv([row('3', under(provisional, 48.2, [])), row('4', null)], reference));
    expect(header).toBe(`${BASE},criteria_set,criteria_points,criteria_level`);
    expect(body[1]).toMatch(/,0,,,$/);
  });
});
