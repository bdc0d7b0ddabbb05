/**
 * The province dashboard and the commune list under criteria sets (issue #11 item 6): per set and
 * version, never mixed, from the points the server itself scored. Cao Bằng (04), four communes:
 *   A 01290 template set, good answers;   B 01273 template set, lowest answers (rural);
 *   C 01279 names the provisional set;    D 01288 names no set (the provisional method alone).
 */
import { describe, expect, it } from 'vitest';
import type { CriteriaScore } from '../../src/domain/criteria';
import { round1 } from '../../src/domain/scoring';
import { vietnamYear } from '../../src/server/repositories/community-tally';
import type { Submission } from '../../src/domain/submission';
import { templateSubmission } from './criteria-fixtures';
import { MOUNTAIN_PROVINCE, submission } from './fixtures';
import { DB_KINDS, realReference, serverPerTest, type TestServer } from './harness';

const [A, B, C, D] = ['01290', '01273', '01279', '01288'] as const;
/** A commune of the province that sent nothing. */
const E = realReference()
  .provinces.get(MOUNTAIN_PROVINCE)!
  .communes.find((c) => ![A, B, C, D].includes(c.code as typeof A))!.code;
const template = realReference().criteriaSets.get('template-commune-index@2026.1')!;

interface Seeded {
  reviewer: string;
  scores: Record<string, { index: number; criteria?: CriteriaScore }>;
}

async function seed(s: TestServer): Promise<Seeded> {
  const reviewer = await s.reviewer(MOUNTAIN_PROVINCE, 'rev-dashboard');
  const scores: Seeded['scores'] = {};
  const send = async (commune: string, body: Submission) => {
    const device = await s.enroll(reviewer, commune);
    const res = await s.request('PUT', `/api/v1/assessments/assess-${commune}`, { token: device.token, body });
    expect(res.status, res.text).toBe(200);
    scores[commune] = res.json.score;
  };
  await send(A, templateSubmission({}, { communeCode: A }));
  await send(B, templateSubmission({}, { communeCode: B, low: true, areaTypes: ['rural'] }));
  await send(C, { ...submission(C, { status: () => 2 }), criteriaSet: { id: 'provisional', version: '2026.1' } });
  await send(D, submission(D, { status: () => 1 }));
  return { reviewer, scores };
}

const csvLines = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');

describe.each(DB_KINDS)('criteria sets on the province dashboard (%s)', (kind) => {
  const server = serverPerTest(kind);

  it('summarises each set apart: communes, average total and group points, levels; the index stays the provisional one', async () => {
    const s = server();
    const { reviewer, scores } = await seed(s);
    const a = scores[A]!.criteria!;
    const b = scores[B]!.criteria!;
    expect(a.total).toBeGreaterThan(b.total);
    const res = await s.request('GET', `/api/v1/provinces/${MOUNTAIN_PROVINCE}/summary`, { token: reviewer });
    expect(res.status).toBe(200);
    const summary = res.json;
    // The provisional index of every commune, whatever set it named: the mean of the four.
    const indices = [A, B, C, D].map((c) => scores[c]!.index);
    expect(summary.averageIndex).toBe(round1(indices.reduce((x, y) => x + y, 0) / 4));
    expect(summary.criteriaSets.map((c: { setId: string }) => c.setId)).toEqual(['provisional', 'template-commune-index']);

    const [provisional, tpl] = summary.criteriaSets;
    expect(provisional).toMatchObject({ setVersion: '2026.1', communes: 1, template: false, pointBased: false, max: 100 });
    expect(provisional.averageTotal).toBe(scores[C]!.criteria!.total);
    expect(tpl).toMatchObject({
      setVersion: '2026.1',
      title: { vi: template.title.vi, en: template.title.en },
      notice: { vi: template.notice!.vi, en: template.notice!.en },
      template: true,
      pointBased: true,
      communes: 2,
      max: 1000,
      averageTotal: round1((a.total + b.total) / 2),
    });
    expect(tpl.levels).toEqual(template.levels.map((l) => ({ ...l, count: [a, b].filter((x) => x.level === l.level).length })));
    expect(tpl.levels.reduce((n: number, l: { count: number }) => n + l.count, 0)).toBe(2);
    expect(tpl.groups.map((g: { id: string; vi: string; max: number }) => [g.id, g.vi, g.max])).toEqual([
      ['NT', 'Nhận thức số', 100],
      ['TC', 'Thể chế số', 80],
      ['HT', 'Hạ tầng số', 120],
      ['NL', 'Nhân lực số', 100],
      ['AT', 'An toàn thông tin mạng', 100],
      ['CQ', 'Hoạt động chính quyền số', 250],
      ['KT', 'Hoạt động kinh tế số', 100],
      ['XH', 'Hoạt động xã hội số', 150],
    ]);
    for (const g of tpl.groups) {
      const points = [a, b].flatMap((x) => x.groups.filter((y) => y.id === g.id && y.score !== null).map((y) => y.score!));
      expect(g.average, g.id).toBe(round1(points.reduce((x, y) => x + y, 0) / points.length));
    }

    // The area filter counts the same communes as everywhere else: only A is a mountain commune under the template.
    const mountain = await s.request('GET', `/api/v1/provinces/${MOUNTAIN_PROVINCE}/summary?areaType=mountain-border-island`, {
      token: reviewer,
    });
    const mountainTemplate = mountain.json.criteriaSets.find((c: { setId: string }) => c.setId === template.id);
    expect(mountainTemplate).toMatchObject({ communes: 1, averageTotal: a.total });
    const rural = await s.request('GET', `/api/v1/provinces/${MOUNTAIN_PROVINCE}/summary?areaType=urban`, { token: reviewer });
    expect(rural.json.criteriaSets).toEqual([]);
  });

  it('gives each commune of the list its set and points, and the CSV a column per group of the point-based set', async () => {
    const s = server();
    const { reviewer, scores } = await seed(s);
    const a = scores[A]!.criteria!;
    const list = await s.request('GET', `/api/v1/provinces/${MOUNTAIN_PROVINCE}/communes`, { token: reviewer });
    const rows = new Map((list.json.communes as { code: string; criteria: unknown }[]).map((r) => [r.code, r.criteria]));
    expect(rows.get(A)).toEqual({
      setId: template.id,
      setVersion: '2026.1',
      template: true,
      pointBased: true,
      total: a.total,
      max: 1000,
      level: a.level,
      groups: a.groups.map((g) => ({ id: g.id, points: g.score, max: g.max })),
    });
    expect(rows.get(C)).toMatchObject({ setId: 'provisional', pointBased: false, template: false });
    expect(rows.get(D)).toBeNull();
    expect(rows.get(E)).toBeNull();

    const csv = await s.request('GET', `/api/v1/provinces/${MOUNTAIN_PROVINCE}/communes.csv`, { token: reviewer });
    expect(csv.status).toBe(200);
    const lines = csvLines(csv.text);
    const header = lines[0]!.split(',');
    expect(header.slice(0, 14).join(',')).toBe(
      'commune_code,commune_name,commune_type,submitted,assessment_id,revision,period,area_types,index,level,review_state,submitted_at,received_at,sync_lag_seconds',
    );
    // The provisional set is not point-based: no group columns of its own.
    expect(header.slice(14)).toEqual([
      'criteria_set',
      'criteria_points',
      'criteria_level',
      'template-commune-index@2026.1 · NT Nhận thức số (tối đa 100 điểm)',
      'template-commune-index@2026.1 · TC Thể chế số (tối đa 80 điểm)',
      'template-commune-index@2026.1 · HT Hạ tầng số (tối đa 120 điểm)',
      'template-commune-index@2026.1 · NL Nhân lực số (tối đa 100 điểm)',
      'template-commune-index@2026.1 · AT An toàn thông tin mạng (tối đa 100 điểm)',
      'template-commune-index@2026.1 · CQ Hoạt động chính quyền số (tối đa 250 điểm)',
      'template-commune-index@2026.1 · KT Hoạt động kinh tế số (tối đa 100 điểm)',
      'template-commune-index@2026.1 · XH Hoạt động xã hội số (tối đa 150 điểm)',
      // Then the community-team tally of the year (issue #15), empty here: no team sent anything.
      `Số lượt người dân được Tổ công nghệ số cộng đồng hỗ trợ (năm ${vietnamYear(s.clock)})`,
      `Số lần hỗ trợ ghi nhận (năm ${vietnamYear(s.clock)})`,
      `Số phiếu khảo sát hài lòng (năm ${vietnamYear(s.clock)})`,
      'Mức hài lòng trung bình (thang 1–5)',
      'Tỷ lệ hài lòng (%)',
      'Số phiếu tính mức hài lòng',
    ]);
    expect(header.every((h) => h === h.normalize('NFC'))).toBe(true);
    const cells = (code: string) =>
      lines
        .find((l) => l.startsWith(`${code},`))!
        .split(',')
        .slice(14);
    expect(cells(A)).toEqual([
      'template-commune-index@2026.1',
      String(a.total),
      String(a.level),
      ...a.groups.map((g) => (g.score === null ? '' : String(g.score))),
      ...Array<string>(6).fill(''),
    ]);
    expect(cells(C)).toEqual(['provisional@2026.1', '', String(scores[C]!.criteria!.level), ...Array<string>(8 + 6).fill('')]);
    expect(cells(D)).toEqual(Array<string>(11 + 6).fill(''));
    expect(cells(E)).toEqual(Array<string>(11 + 6).fill(''));
    expect(lines).toHaveLength(1 + realReference().provinces.get(MOUNTAIN_PROVINCE)!.communes.length);
  });
});
