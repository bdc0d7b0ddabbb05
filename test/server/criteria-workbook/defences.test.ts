/**
 * Hostile and broken files, each refused with its own Vietnamese reason and nothing returned but
 * problems: too large, not a zip, not an xlsx, zip bombs (declared and lying), formulas, merged
 * cells, hidden sheets, macros, external links, too many rows. All made here, none checked in.
 */
import { describe, expect, it } from 'vitest';
import { readCriteriaWorkbook, WORKBOOK_LIMITS } from '../../../src/server/criteria-workbook';
import { buildZip, edited, indicatorCell, rezipped, sheet, templateWorkbook } from './workbooks';

const MB = 1024 * 1024;

async function refusal(bytes: Uint8Array): Promise<{ message: string; cell?: string }[]> {
  const result = await readCriteriaWorkbook(bytes);
  expect(result).not.toHaveProperty('set');
  return result.ok ? [] : result.problems.map(({ message, cell }) => (cell ? { message, cell } : { message }));
}

describe('readCriteriaWorkbook refuses hostile files', () => {
  it('refuses a file over 10 MB before reading it', async () => {
    const big = new Uint8Array(WORKBOOK_LIMITS.maxFileBytes + 1);
    big.set([0x50, 0x4b, 3, 4]);
    expect(await refusal(big)).toEqual([{ message: 'tệp nặng 10,0 MB, quá giới hạn 10 MB' }]);
  });

  it('refuses what is not a zip, an old .xls, a zip that is not a workbook, a truncated workbook', async () => {
    expect(await refusal(new TextEncoder().encode('id,points\nNT1,20\n'))).toEqual([
      { message: 'tệp không phải là tệp Excel .xlsx' },
    ]);
    const xls = new Uint8Array(4096);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await refusal(xls))[0]?.message).toMatch(/^đây là tệp Excel 97–2003 \(\.xls\)/);
    const notes = buildZip([{ name: 'notes.txt', data: Buffer.from('xin chào') }]);
    expect(await refusal(notes)).toEqual([{ message: 'tệp nén này không phải bảng tính Excel .xlsx' }]);
    const whole = await templateWorkbook();
    expect((await refusal(whole.subarray(0, whole.length - 100)))[0]?.message).toMatch(/^tệp (không phải|nén bị hỏng)/);
  });

  it('refuses a zip bomb from its central directory, before inflating anything', async () => {
    const bomb = buildZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      // The claims alone refuse it: the data behind them is never looked at.
      ...[1, 2].map((n) => ({ name: `xl/worksheets/sheet${n}.xml`, data: Buffer.from('<x/>'), declaredSize: 20 * MB })),
    ]);
    expect(await refusal(bomb)).toEqual([{ message: 'tệp giải nén ra hơn 30 MB: có thể là "bom nén" (zip bomb), không mở' }]);
  });

  it('refuses one entry inflating far beyond its compressed size', async () => {
    const bomb = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(5 * MB) }]);
    expect(await refusal(bomb)).toEqual([
      {
        message:
          'thành phần "xl/worksheets/sheet1.xml" nén với tỷ lệ bất thường (hơn 200 lần): có thể là "bom nén" (zip bomb), không mở',
      },
    ]);
  });

  it('refuses a zip bomb that lies about its sizes, while inflating, without inflating it all', async () => {
    const bomb = buildZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(50 * MB), declaredSize: 1000 },
    ]);
    const before = process.memoryUsage().arrayBuffers;
    const started = performance.now();
    expect(await refusal(bomb)).toEqual([
      {
        message:
          'thành phần "xl/worksheets/sheet1.xml" giải nén ra nhiều hơn kích thước khai báo: có thể là "bom nén" (zip bomb), không mở',
      },
    ]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(20 * MB);
  });

  it('refuses too many entries, encrypted entries, ZIP64-sized claims', async () => {
    const many = buildZip(Array.from({ length: 501 }, (_, i) => ({ name: `f${i}`, data: Buffer.from('x') })));
    expect((await refusal(many))[0]?.message).toBe(
      'tệp nén có 501 thành phần, quá giới hạn 500: không phải bảng tính chỉ tiêu bình thường',
    );
    const locked = buildZip([{ name: 'xl/workbook.xml', data: Buffer.from('<w/>'), flags: 1 }]);
    expect(await refusal(locked)).toEqual([{ message: 'tệp được mã hoá (đặt mật khẩu); hãy bỏ mật khẩu rồi tải lên lại' }]);
    const huge = buildZip([{ name: 'xl/workbook.xml', data: Buffer.from('<w/>'), declaredSize: 0xffffffff }]);
    expect(await refusal(huge)).toEqual([{ message: 'tệp nén dạng ZIP64 không được hỗ trợ' }]);
  });
});

describe('readCriteriaWorkbook refuses what a published index must not hold', () => {
  it('refuses formulas, naming each cell', async () => {
    const problems = await refusal(
      await edited((wb) => {
        indicatorCell(wb, 'NT1', 'Điểm tối đa').value = { formula: '10+10', result: 20 } as never;
        sheet(wb, 'Nhóm').getCell('F2').value = { formula: 'SUM(1,2)', result: 3 } as never;
      }),
    );
    const message = 'ô có công thức: chỉ nhập giá trị (hãy sao chép rồi "Dán giá trị")';
    expect(problems).toEqual([
      { message, cell: 'Nhóm!F2' },
      { message, cell: 'Chỉ tiêu!E2' },
    ]);
  });

  it('refuses merged cells', async () => {
    const problems = await refusal(await edited((wb) => sheet(wb, 'Chỉ tiêu').mergeCells('C3:D3')));
    expect(problems).toEqual([
      { message: 'ô gộp C3:D3: hãy bỏ gộp ô (Merge & Center) để mỗi ô giữ giá trị của mình', cell: 'Chỉ tiêu!C3' },
    ]);
  });

  it('refuses hidden and very hidden sheets', async () => {
    const problems = await refusal(
      await edited((wb) => {
        sheet(wb, 'Mức').state = 'hidden';
        wb.addWorksheet('Bí mật').state = 'veryHidden';
      }),
    );
    expect(problems).toEqual([
      { message: 'sheet "Mức" đang bị ẩn: hãy hiện (Unhide) hoặc xoá nó' },
      { message: 'sheet "Bí mật" đang bị ẩn: hãy hiện (Unhide) hoặc xoá nó' },
    ]);
  });

  it('refuses macros, external links, data connections and embedded objects', async () => {
    const template = await templateWorkbook();
    // The same entries zipped again by hand still make a valid workbook: only the addition is refused.
    expect((await readCriteriaWorkbook(rezipped(template, () => {}))).ok).toBe(true);
    const withMacros = rezipped(template, (e) => e.set('xl/vbaProject.bin', Buffer.from('VBA')));
    expect(await refusal(withMacros)).toEqual([
      { message: 'tệp có macro (VBA): hãy lưu lại dưới dạng "Excel Workbook (.xlsx)" không có macro' },
    ]);
    const linked = rezipped(template, (e) => e.set('xl/externalLinks/externalLink1.xml', Buffer.from('<externalLink/>')));
    expect(await refusal(linked)).toEqual([
      { message: 'tệp có liên kết tới tệp khác (External Links): hãy chọn Data › Edit Links › Break Link' },
    ]);
    const connected = rezipped(template, (e) => e.set('xl/connections.xml', Buffer.from('<connections/>')));
    expect(await refusal(connected)).toEqual([
      { message: 'tệp có kết nối dữ liệu ngoài (Data › Queries & Connections): hãy xoá các kết nối, chỉ giữ lại giá trị' },
    ]);
    const embedded = rezipped(template, (e) => e.set('xl/embeddings/oleObject1.bin', Buffer.from('OLE')));
    expect((await refusal(embedded))[0]?.message).toMatch(/^tệp có đối tượng nhúng/);
  });

  it('scans hostile sheet XML in linear time: 200,000 formulas, 20 named and the rest counted', async () => {
    const hostile = rezipped(await templateWorkbook(), (e) =>
      e.set(
        'xl/worksheets/sheet4.xml',
        Buffer.from(`<worksheet><sheetData>${Array.from({ length: 200_000 }, (_, i) => `<c r="B${i + 7}"><f>${i}`).join('')}`),
      ),
    );
    const started = performance.now();
    const problems = await refusal(hostile);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(problems).toHaveLength(21);
    expect(problems[0]).toEqual({ message: expect.stringMatching(/^ô có công thức/), cell: 'Chỉ tiêu!B7' });
    expect(problems[20]).toEqual({ message: '… và 199980 ô có công thức khác' });
  });

  it('refuses a sheet with more rows than the cap', async () => {
    const problems = await refusal(
      await edited((wb) => {
        const ws = sheet(wb, 'Chỉ tiêu');
        for (let r = 0; r < WORKBOOK_LIMITS.maxRowsPerSheet; r++) ws.addRow(['NT', `X${r}`]);
      }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/^sheet "Chỉ tiêu" có \d{4} dòng, quá giới hạn 2000 dòng$/);
  });
});
