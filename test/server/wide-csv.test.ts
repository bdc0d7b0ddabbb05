/**
 * The wide CSV read as a spreadsheet program reads it: the bytes start with the UTF-8 BOM, the
 * separator is the comma, RFC 4180 quotes are undone, CRLF ends each record; then one record per
 * commune, each as wide as the header, Vietnamese diacritics intact, formulas defused, times in
 * Vietnam time, self and verified scores side by side.
 */
import { describe, expect, it } from 'vitest';
import { TEMPLATE, templateSubmission } from './criteria-fixtures';
import { MOUNTAIN_COMMUNE, MOUNTAIN_COMMUNE_2, MOUNTAIN_PROVINCE, submission } from './fixtures';
import { DB_KINDS, realReference, serverPerTest } from './harness';

/** RFC 4180 as Excel and LibreOffice read it (quotes doubled inside quoted fields, CRLF records). */
function parseSpreadsheet(bytes: Uint8Array): string[][] {
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.slice(3));
  expect(text.endsWith('\r\n')).toBe(true);
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else {
      // A bare CR or LF outside quotes would split a record in Excel: never written.
      expect(ch === '\r' || ch === '\n').toBe(false);
      field += ch;
    }
  }
  return records;
}

describe.each(DB_KINDS)('wide CSV (%s)', (kind) => {
  const server = serverPerTest(kind);

  it('one row per commune with self and verified totals, groups and every item, in Vietnamese, as a spreadsheet reads it', async () => {
    const s = server();
    const reviewer = await s.reviewer(MOUNTAIN_PROVINCE);
    const phoneA = await s.enroll(reviewer, MOUNTAIN_COMMUNE);
    const phoneB = await s.enroll(reviewer, MOUNTAIN_COMMUNE_2);
    const bodyA = { ...submission(MOUNTAIN_COMMUNE, { status: () => 2 }), period: '=1+2 "Năm"' };
    expect((await s.request('PUT', '/api/v1/assessments/wide-assessment-a', { token: phoneA.token, body: bodyA })).status).toBe(
      200,
    );
    const bodyB = templateSubmission({}, { communeCode: MOUNTAIN_COMMUNE_2 });
    expect((await s.request('PUT', '/api/v1/assessments/wide-assessment-b', { token: phoneB.token, body: bodyB })).status).toBe(
      200,
    );
    const adjustedCode = bodyA.answers[1]!.code;
    const step = await s.request('POST', '/api/v1/assessments/wide-assessment-a/verifications', {
      token: reviewer,
      body: { code: adjustedCode, outcome: 'adjusted', adjusted: { status: 0 }, reason: 'Chưa có minh chứng' },
    });
    expect(step.status).toBe(201);

    const res = await s.xaso.app.request(`/api/v1/provinces/${MOUNTAIN_PROVINCE}/communes.wide.csv`, {
      headers: { authorization: `Bearer ${reviewer}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('communes-wide-04.csv');
    const [header, ...rows] = parseSpreadsheet(new Uint8Array(await res.arrayBuffer()));
    const province = realReference().provinces.get(MOUNTAIN_PROVINCE)!;
    expect(rows.map((r) => r[0])).toEqual(province.communes.map((c) => c.code));
    for (const r of rows) expect(r).toHaveLength(header!.length);
    expect(header!.slice(0, 5)).toEqual(['Mã xã', 'Tên xã/phường', 'Loại đơn vị', 'Loại địa bàn', 'Kỳ đánh giá']);
    expect(header!.every((h) => h === h.normalize('NFC'))).toBe(true);
    const col = (name: string) => header!.indexOf(name);
    const a = rows.find((r) => r[0] === MOUNTAIN_COMMUNE)!;
    const b = rows.find((r) => r[0] === MOUNTAIN_COMMUNE_2)!;
    const communeA = province.communes.find((c) => c.code === MOUNTAIN_COMMUNE)!;
    expect(a[1]).toBe(communeA.name);
    expect(a[col('Loại địa bàn')]).toBe('Miền núi, biên giới, hải đảo');
    // A formula typed on the phone stays text.
    expect(a[col('Kỳ đánh giá')]).toBe(`'${bodyA.period}`);
    expect(a[col('Trạng thái')]).toBe('Chờ thẩm định');
    expect(a[col('Gửi lúc (giờ Việt Nam, UTC+7)')]).toBe('2026-03-01T14:30:00+07:00');
    const verified = step.json.score;
    const self = (await s.request('GET', '/api/v1/assessments/wide-assessment-a', { token: reviewer })).json.score;
    expect(Number(a[col('Tổng điểm tự đánh giá')])).toBe(self.index);
    expect(Number(a[col('Tổng điểm sau thẩm định')])).toBe(verified.index);
    expect(Number(a[col('Mức sau thẩm định')])).toBe(verified.level);
    expect(a[col('Số mục đã thẩm định')]).toBe(`1/${step.json.itemCount as number}`);
    const group = verified.groups.find((g: { score: number | null }) => g.score !== null);
    const groupCol = header!.findIndex(
      (h) => h.startsWith(`provisional-2026.1 · ${group.id as string} `) && h.includes('sau thẩm định'),
    );
    expect(Number(a[groupCol])).toBe(group.score);
    const itemCol = header!.findIndex((h) => h.startsWith(`provisional-2026.1 · ${adjustedCode} `));
    expect(a[itemCol]).toBe('2');
    // Commune B under the template set: its total and its own indicators' values, as labels.
    const bScore = (await s.request('GET', '/api/v1/assessments/wide-assessment-b', { token: reviewer })).json.score;
    expect(Number(b[col('Tổng điểm tự đánh giá')])).toBe(bScore.criteria.total);
    expect(b[col('Tổng điểm sau thẩm định')]).toBe('');
    expect(b[col('Phiên bản')]).toBe(TEMPLATE.version);
    const set = realReference().criteriaSets.get(`${TEMPLATE.id}@${TEMPLATE.version}`)!;
    const yesno = set.indicators.find((i) => i.input.kind === 'yesno')!;
    expect(b[header!.findIndex((h) => h.startsWith(`${TEMPLATE.id}@${TEMPLATE.version} · ${yesno.code} `))]).toBe('Có');
    // A commune that sent nothing has its row, named, marked as such.
    const none = rows.find((r) => r[0] !== MOUNTAIN_COMMUNE && r[0] !== MOUNTAIN_COMMUNE_2)!;
    expect(none[col('Trạng thái')]).toBe('Chưa gửi');

    const machine = await s.xaso.app.request(`/api/v1/provinces/${MOUNTAIN_PROVINCE}/communes.wide.csv?headers=machine`, {
      headers: { authorization: `Bearer ${reviewer}` },
    });
    const [mHeader, ...mRows] = parseSpreadsheet(new Uint8Array(await machine.arrayBuffer()));
    expect(mHeader!.slice(0, 4)).toEqual(['commune_code', 'commune_name', 'commune_type', 'area_types']);
    expect(mHeader).toContain('verified_total');
    const mA = mRows.find((r) => r[0] === MOUNTAIN_COMMUNE)!;
    expect(mA[mHeader!.indexOf('area_types')]).toBe('mountain-border-island');
    expect(mA[mHeader!.indexOf('review_state')]).toBe('submitted');
    expect(
      mRows.find((r) => r[0] === MOUNTAIN_COMMUNE_2)![mHeader!.indexOf(`${TEMPLATE.id}@${TEMPLATE.version}:item:${yesno.code}`)],
    ).toBe('yes');
  });
});
