/**
 * Criteria sets as Excel workbooks through the API (issue #12): the template downloaded, edited in
 * a spreadsheet and uploaded back; a broken workbook refused with its cell named and nothing
 * stored; a province's own version downloaded to start the next one. On SQLite and PostgreSQL.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readCriteriaWorkbook, writeCriteriaWorkbook } from '../../src/server/criteria-workbook';
import { SET_ROWS, SHEETS } from '../../src/server/criteria-workbook/layout';
import { XLSX_TYPE } from '../../src/server/routes/criteria-set-writes';
import { PROVINCE_SET_ID, provinceSet, publishSet } from './criteria-set-fixtures';
import { edited, indicatorCell, sheet, columnOf } from './criteria-workbook/workbooks';
import { DB_KINDS, realReference, serverPerTest, type TestServer } from './harness';

const UPLOAD = '/api/v1/provinces/04/criteria-sets';

async function download(s: TestServer, token: string, query = ''): Promise<Response> {
  return s.xaso.app.request(`/api/v1/criteria-sets/template.xlsx${query}`, { headers: { authorization: `Bearer ${token}` } });
}

const upload = (s: TestServer, token: string, bytes: Uint8Array) =>
  s.request('POST', UPLOAD, { token, rawBody: new Uint8Array(bytes), headers: { 'content-type': XLSX_TYPE } });

describe.each(DB_KINDS)('criteria sets as workbooks (%s)', (kind) => {
  const server = serverPerTest(kind);

  it('downloads the template, edits one indicator’s points and one rule in the sheet, uploads it: stored as edited', async () => {
    const s = server();
    const reviewer = await s.reviewer('04', 'rev-cb');
    const res = await download(s, reviewer);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX_TYPE);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="template-commune-index-2026.1.xlsx"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    const read = await readCriteriaWorkbook(bytes);
    expect(read.ok && read.set).toEqual(realReference().criteriaSets.get('template-commune-index@2026.1'));

    const changed = await edited((wb) => {
      const setSheet = sheet(wb, SHEETS.set);
      // The set's own id, which a province must change (a bundled set's id is refused).
      for (let r = 1; r <= setSheet.rowCount; r++)
        if (setSheet.getCell(r, 1).value === SET_ROWS.find((r) => r.key === 'id')?.label)
          setSheet.getCell(r, 2).value = PROVINCE_SET_ID;
      indicatorCell(wb, 'NT4', 'Điểm tối đa').value = 25;
      indicatorCell(wb, 'NT3', 'Điểm tối đa').value = 15;
      const rule = indicatorCell(wb, 'NT2', 'Tham số tính điểm');
      rule.value = String(rule.value).replace('vice: 1/2', 'vice: 2/3');
    }, bytes);
    const up = await upload(s, reviewer, changed);
    if (up.status !== 201) throw new Error(up.text.slice(0, 1000));
    const nt = (code: string) => up.json.set.indicators.find((i: { code: string }) => i.code === code);
    expect(nt('NT4').points).toBe(25);
    expect(nt('NT2').rule.fractions.vice).toBe('2/3');
    expect(up.json.meta).toMatchObject({ setId: PROVINCE_SET_ID, status: 'draft', indicatorCount: 47 });
  });

  it('refuses a broken workbook with the sheet, row and column of every problem, and stores nothing', async () => {
    const s = server();
    const reviewer = await s.reviewer('04', 'rev-cb');
    const broken = await edited(
      (wb) => {
        indicatorCell(wb, 'NT4', 'Điểm tối đa').value = 'hai mươi';
      },
      await writeCriteriaWorkbook(provinceSet()),
    );
    const res = await upload(s, reviewer, broken);
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe('invalid_criteria_set');
    const ws = new ExcelJS.Workbook();
    await ws.xlsx.load(Buffer.from(broken) as unknown as ArrayBuffer);
    const column = columnOf(sheet(ws, 'Chỉ tiêu'), 'Điểm tối đa');
    expect(res.json.error.problems).toContainEqual(
      expect.objectContaining({
        sheet: 'Chỉ tiêu',
        row: indicatorCell(ws, 'NT4', 'Điểm tối đa').row,
        column: expect.any(String),
      }),
    );
    expect(res.json.error.problems[0].cell).toMatch(new RegExp(`^Chỉ tiêu!${String.fromCharCode(64 + column)}\\d+$`));
    const garbage = await upload(s, reviewer, new TextEncoder().encode('not a zip at all'));
    expect(garbage.status).toBe(422);
    expect(garbage.json.error.problems[0].message.length).toBeGreaterThan(10);
    expect(await s.db.selectFrom('criteria_sets').selectAll().execute()).toEqual([]);
  });

  it('downloads a province’s own version as a workbook to start the next one; another province cannot', async () => {
    const s = server();
    const reviewer = await s.reviewer('04', 'rev-cb');
    const meta = await publishSet(s, reviewer, provinceSet());
    const res = await download(s, reviewer, `?from=${meta.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${PROVINCE_SET_ID}-2026.1.xlsx"`);
    const read = await readCriteriaWorkbook(new Uint8Array(await res.arrayBuffer()));
    const stored = await s.request('GET', `/api/v1/criteria-sets/${meta.id}`, { token: reviewer });
    expect(read.ok && read.set).toEqual(stored.json.set);
    const hanoi = await s.reviewer('01', 'rev-hn');
    expect((await download(s, hanoi, `?from=${meta.id}`)).status).toBe(403);
  });
});
