/**
 * The dashboard numbers on a tiny seeded country, checked against figures worked out by hand:
 * Tỉnh Thử (90) has four communes: A (mountain, everything at 3 → 100), B (rural, everything at 0
 * → 0), C (mountain, everything at 2, one mountain item N/A → 66.7) and D (sent nothing).
 * Tỉnh Khác (91) has E (mountain, everything at 1 → 33.3), for the national averages.
 */
import { describe, expect, it } from 'vitest';
import type { AdminUnits } from '../../src/domain/admin-units';
import type { AreaType, CatalogueComponent, Status } from '../../src/domain/types';
import { buildReferenceData } from '../../src/server/reference-data';
import { vietnamYear } from '../../src/server/repositories/community-tally';
import { catalogue, submission } from './fixtures';
import { DB_KINDS, realReference, serverPerTest, type TestServer } from './harness';

const units: AdminUnits = {
  source: {},
  changes_since_baseline: [],
  provinces: [
    {
      code: '90',
      name: 'Tỉnh Thử',
      type: 'tỉnh',
      communes: [
        { code: '90001', name: 'Xã Ánh Dương', type: 'xã' },
        { code: '90002', name: 'Xã Bình Minh', type: 'xã' },
        { code: '90003', name: 'Phường Cửa Nam', type: 'phường' },
        { code: '90004', name: 'Xã Đồng Tâm', type: 'xã' },
      ],
    },
    { code: '91', name: 'Tỉnh Khác', type: 'tỉnh', communes: [{ code: '91001', name: 'Xã Hòa Bình', type: 'xã' }] },
  ],
};

const real = realReference();
const reference = buildReferenceData([...real.catalogues.values()], [...real.methodologies.values()], units);

/** The N/A item of commune C: the first mountain area-specific component that is not "…khác". */
const X = catalogue().components.find((c) => c.tier === 'area-specific' && c.areaType === 'mountain-border-island' && !c.open)!;
const nonOpen = (pred: (c: CatalogueComponent) => boolean) => catalogue().components.filter((c) => !c.open && pred(c));
const essentials = nonOpen((c) => c.tier === 'commune-essential');
const mountain = nonOpen((c) => c.tier === 'area-specific' && c.areaType === 'mountain-border-island');
const rural = nonOpen((c) => c.tier === 'area-specific' && c.areaType === 'rural');

async function seed(s: TestServer): Promise<string> {
  const admin = await s.adminToken();
  const send = async (commune: string, areaTypes: AreaType[], status: (c: CatalogueComponent) => Status, lagMinutes: number) => {
    const device = await s.enroll(admin, commune);
    const submittedAt = new Date(s.clock.getTime() - lagMinutes * 60_000).toISOString();
    const res = await s.request('PUT', `/api/v1/assessments/assessment-${commune}`, {
      token: device.token,
      body: submission(commune, { areaTypes, status, submittedAt }),
    });
    expect(res.status).toBe(200);
    return res.json.score.index as number;
  };
  expect(await send('90001', ['mountain-border-island'], () => 3, 0)).toBe(100);
  expect(await send('90002', ['rural'], () => 0, 90)).toBe(0);
  expect(await send('90003', ['mountain-border-island'], (c) => (c.code === X.code ? 'na' : 2), 5)).toBe(66.7);
  expect(await send('91001', ['mountain-border-island'], () => 1, 0)).toBe(33.3);
  return admin;
}

describe.each(DB_KINDS)('province summary and CSV (%s)', (kind) => {
  const server = serverPerTest(kind, { reference });

  it('lists every commune of the province, submitted or not, with index, level and sync lag', async () => {
    const s = server();
    const admin = await seed(s);
    const res = await s.request('GET', '/api/v1/provinces/90/communes', { token: admin });
    expect(res.status).toBe(200);
    const rows = res.json.communes as {
      code: string;
      submitted: boolean;
      index: number | null;
      level: number | null;
      syncLagSeconds: number | null;
      areaTypes: string[];
    }[];
    expect(rows.map((r) => [r.code, r.submitted, r.index, r.level, r.syncLagSeconds])).toEqual([
      ['90001', true, 100, 5, 0],
      ['90002', true, 0, 1, 5400],
      ['90003', true, 66.7, 3, 300],
      ['90004', false, null, null, null],
    ]);
    expect(rows[1]!.areaTypes).toEqual(['rural']);
  });

  it('summarises the province against the national average, exactly as computed by hand', async () => {
    const s = server();
    const admin = await seed(s);
    const res = await s.request('GET', '/api/v1/provinces/90/summary', { token: admin });
    expect(res.status).toBe(200);
    const summary = res.json;
    expect(summary.communes).toEqual({ total: 4, submitted: 3 });
    // (100 + 0 + 66.7) / 3 = 55.57 → 55.6; nationally (100 + 0 + 66.7 + 33.3) / 4 = 50.
    expect(summary.averageIndex).toBe(55.6);
    expect(summary.nationalAverageIndex).toBe(50);
    expect(summary.levels).toEqual([
      { level: 1, count: 1 },
      { level: 2, count: 0 },
      { level: 3, count: 1 },
      { level: 4, count: 0 },
      { level: 5, count: 1 },
    ]);
    // Every layer and group of every commune scores like its index here.
    for (const l of summary.layers) expect(l).toEqual({ layer: l.layer, province: 55.6, national: 50 });
    expect(summary.groups).toHaveLength(7);
    for (const g of summary.groups) expect([g.province, g.national]).toEqual([55.6, 50]);

    // Coverage: rural items 0/1 (only B has them), essentials 2/3 (A, C), mountain items 2/2, X 1/1 (C said N/A).
    const byCode = new Map(
      (summary.coverage as { code: string; counted: number; covered: number; share: number }[]).map((r) => [r.code, r]),
    );
    expect(byCode.size).toBe(essentials.length + mountain.length + rural.length);
    for (const c of rural) expect(byCode.get(c.code)).toMatchObject({ counted: 1, covered: 0, share: 0 });
    for (const c of essentials) expect(byCode.get(c.code)).toMatchObject({ counted: 3, covered: 2, share: 0.667 });
    for (const c of mountain)
      expect(byCode.get(c.code)).toMatchObject(
        c.code === X.code ? { counted: 1, covered: 1, share: 1 } : { counted: 2, covered: 2, share: 1 },
      );
    // Weakest first, catalogue order within a share.
    const order = catalogue().components.map((c) => c.code);
    const expected = [...rural, ...essentials, ...mountain].map((c) => c.code);
    const rank = (code: string) => (rural.some((c) => c.code === code) ? 0 : essentials.some((c) => c.code === code) ? 1 : 2);
    expected.sort((a, b) => rank(a) - rank(b) || order.indexOf(a) - order.indexOf(b));
    expect(summary.coverage.map((r: { code: string }) => r.code)).toEqual(expected);
  });

  it('filters the summary by area type', async () => {
    const s = server();
    const admin = await seed(s);
    const res = await s.request('GET', '/api/v1/provinces/90/summary?areaType=mountain-border-island', { token: admin });
    expect(res.json.areaType).toBe('mountain-border-island');
    expect(res.json.communes).toEqual({ total: 4, submitted: 2 });
    // (100 + 66.7) / 2 = 83.35 → 83.4; nationally (100 + 66.7 + 33.3) / 3 = 66.67 → 66.7.
    expect(res.json.averageIndex).toBe(83.4);
    expect(res.json.nationalAverageIndex).toBe(66.7);
    expect(res.json.levels.filter((l: { count: number }) => l.count > 0)).toEqual([
      { level: 3, count: 1 },
      { level: 5, count: 1 },
    ]);
    expect(res.json.coverage.every((r: { share: number }) => r.share === 1)).toBe(true);
    expect(res.json.coverage).toHaveLength(essentials.length + mountain.length);
    expect((await s.request('GET', '/api/v1/provinces/90/summary?areaType=desert', { token: admin })).status).toBe(400);
  });

  it('exports the commune list and the coverage as Excel-friendly CSV', async () => {
    const s = server();
    const admin = await seed(s);
    const communes = await s.request('GET', '/api/v1/provinces/90/communes.csv', { token: admin });
    expect(communes.status).toBe(200);
    expect(communes.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(communes.headers.get('content-disposition')).toBe('attachment; filename="communes-90.csv"');
    // Response.text() strips the BOM, so look at the bytes.
    const raw = await s.xaso.app.request('/api/v1/provinces/90/communes.csv', { headers: { authorization: `Bearer ${admin}` } });
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = communes.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    // Last, the community-team tally of the year (issue #15): empty cells, no team sent anything here.
    const year = vietnamYear(s.clock);
    expect(lines[0]).toBe(
      'commune_code,commune_name,commune_type,submitted,assessment_id,revision,period,area_types,index,level,review_state,submitted_at,received_at,sync_lag_seconds,criteria_set,criteria_points,criteria_level,' +
        `Số lượt người dân được Tổ công nghệ số cộng đồng hỗ trợ (năm ${year}),Số lần hỗ trợ ghi nhận (năm ${year}),` +
        `Số phiếu khảo sát hài lòng (năm ${year}),Mức hài lòng trung bình (thang 1–5),Tỷ lệ hài lòng (%),Số phiếu tính mức hài lòng`,
    );
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe(
      `90001,Xã Ánh Dương,xã,yes,assessment-90001,1,2026,mountain-border-island,100,5,submitted,${s.clock.toISOString()},${s.clock.toISOString()},0,,,,,,,,,`,
    );
    expect(lines[2]).toMatch(/^90002,Xã Bình Minh,xã,yes,assessment-90002,1,2026,rural,0,1,submitted,.*,5400,,,,,,,,,$/);
    expect(lines[4]).toBe('90004,Xã Đồng Tâm,xã,no,,,,,,,,,,,,,,,,,,,');

    const coverage = await s.request('GET', '/api/v1/provinces/90/coverage.csv', { token: admin });
    const rows = coverage.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(rows[0]).toBe('code,group,tier,area_type,name,communes_counted,communes_covered,share_percent');
    expect(rows).toHaveLength(1 + essentials.length + mountain.length + rural.length);
    const firstRural = rural[0]!;
    expect(rows[1]).toBe(
      `${firstRural.code},${firstRural.group},area-specific,rural,${firstRural.vi.includes(',') ? `"${firstRural.vi}"` : firstRural.vi},1,0,0`,
    );
    const essentialRow = rows.find((r) => r.startsWith(`${essentials[0]!.code},`));
    expect(essentialRow?.endsWith(',3,2,66.7')).toBe(true);
  });

  it('shows the admin all provinces side by side', async () => {
    const s = server();
    const admin = await seed(s);
    const res = await s.request('GET', '/api/v1/provinces', { token: admin });
    expect(res.status).toBe(200);
    expect(
      res.json.provinces.map((p: { code: string; communes: unknown; averageIndex: number }) => [
        p.code,
        p.communes,
        p.averageIndex,
      ]),
    ).toEqual([
      ['90', { total: 4, submitted: 3 }, 55.6],
      ['91', { total: 1, submitted: 1 }, 33.3],
    ]);
    expect(res.json.national).toEqual({ communes: { total: 5, submitted: 4 }, averageIndex: 50 });
  });
});
