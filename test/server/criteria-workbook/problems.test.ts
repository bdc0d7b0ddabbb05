/** A workbook with mistakes: every problem listed at once, in Vietnamese, each with its cell. */
import { describe, expect, it } from 'vitest';
import { readCriteriaWorkbook } from '../../../src/server/criteria-workbook';
import type { Problem } from '../../../src/server/criteria-workbook';
import { realCatalogue } from '../../domain/scoring-fixtures';
import { columnOf, edited, indicatorCell, sheet } from './workbooks';

async function problemsOf(bytes: Uint8Array): Promise<Problem[]> {
  const result = await readCriteriaWorkbook(bytes);
  if (result.ok) throw new Error('the workbook was accepted');
  return result.problems;
}
const at = (problems: Problem[]) => Object.fromEntries(problems.map((p) => [p.cell ?? p.sheet ?? '', p.message]));

describe('readCriteriaWorkbook: problems, each with its cell', () => {
  it('names wrong types, unknown rule kinds, points not adding up and duplicate codes, all at once', async () => {
    const problems = await problemsOf(
      await edited((wb) => {
        indicatorCell(wb, 'NT1', 'Điểm tối đa').value = 'mười'; // row 2
        indicatorCell(wb, 'NT2', 'Cách tính điểm').value = 'logarit'; // row 3
        indicatorCell(wb, 'HT1', 'Điểm tối đa').value = 30; // HT: 125 of 120
        indicatorCell(wb, 'HT2', 'Mã chỉ tiêu').value = 'HT3'; // row 12
        indicatorCell(wb, 'NL2', 'Điểm tối đa').value = -5; // row 16
      }),
    );
    expect(at(problems)).toEqual({
      'Nhóm!F4': '120 điểm không khớp: các mục con cộng lại được 125 điểm',
      'Chỉ tiêu!E2': '“Điểm tối đa” phải là một số, không phải "mười"',
      'Chỉ tiêu!H3':
        '“Cách tính điểm” không có giá trị "logarit"; chọn "theo trạng thái", "có/không", "theo lựa chọn", "bậc", "tỷ lệ a/b" hoặc "ngưỡng %"',
      'Chỉ tiêu!B12': 'mã chỉ tiêu "HT3" bị trùng',
      'Chỉ tiêu!E16': '“Điểm tối đa” phải lớn hơn 0 (đang ghi "-5")',
    });
    // The NT and NL sums are not blamed for points that are themselves wrong.
    expect(problems.find((p) => p.cell === 'Chỉ tiêu!B12')).toMatchObject({
      sheet: 'Chỉ tiêu',
      row: 12,
      column: 'B',
      path: 'indicators[10].code',
    });
    expect(problems.find((p) => p.cell === 'Chỉ tiêu!E16')?.path).toBe('indicators[14].points');
  });

  it('names a rule whose parameters cannot be read, a blank required cell, a yes/no that is neither', async () => {
    const problems = await problemsOf(
      await edited((wb) => {
        indicatorCell(wb, 'TC3', 'Tham số tính điểm').value = '0: 0; 1: một nửa; 2: 2/3; 3: 1';
        indicatorCell(wb, 'NL1', 'Tham số tính điểm').value = 'b = 0: tuỳ';
        indicatorCell(wb, 'NL3', 'Bắt buộc trả lời').value = 'hmm';
        indicatorCell(wb, 'NL4', 'Tên chỉ tiêu (tiếng Anh)').value = null;
      }),
    );
    expect(at(problems)).toEqual({
      'Chỉ tiêu!I9':
        '“Tham số tính điểm” (theo trạng thái): "1: một nửa": "một nửa" không phải phân số; viết số từ 0 đến 1 (0,5) hoặc phân số (1/2)',
      'Chỉ tiêu!I15': '“Tham số tính điểm” (tỷ lệ a/b): viết một trong: "b = 0: đủ điểm", "b = 0: 0 điểm", "b = 0: không tính"',
      'Chỉ tiêu!F17': '“Bắt buộc trả lời” phải là "Có" hoặc "Không", không phải "hmm"',
      'Chỉ tiêu!D18': 'chưa điền “Tên chỉ tiêu (tiếng Anh)”',
    });
  });

  it('says when Excel turned a version into a number or a fraction into a date', async () => {
    const problems = await problemsOf(
      await edited((wb) => {
        sheet(wb, 'Bộ tiêu chí').getCell('B3').value = 2026.1;
        const below = sheet(wb, 'Giới hạn mức').getCell('C2');
        below.value = new Date(Date.UTC(2026, 1, 3));
        below.numFmt = 'd/m/yyyy';
      }),
    );
    expect(at(problems)).toEqual({
      'Bộ tiêu chí!B3': '“Phiên bản” phải là văn bản: Excel đã đổi thành số 2026.1; hãy định dạng ô là Văn bản rồi gõ lại',
      'Giới hạn mức!C2': '“Khi đạt dưới” phải là văn bản, không phải ngày tháng (Excel đã tự đổi; hãy định dạng ô là Văn bản)',
    });
  });

  it('names rules that do not fit, fractions above 1, unknown groups and gates on unknown indicators', async () => {
    const problems = await problemsOf(
      await edited((wb) => {
        indicatorCell(wb, 'NT1', 'Cách tính điểm').value = 'ngưỡng %';
        indicatorCell(wb, 'NT1', 'Tham số tính điểm').value = '≥50%: 5';
        indicatorCell(wb, 'TC3', 'Tham số tính điểm').value = '0: 0; 1: 1/3; 2: 4/3; 3: 1';
        indicatorCell(wb, 'TC1', 'Nhóm').value = 'ZZ';
        sheet(wb, 'Giới hạn mức').getCell('B2').value = 'AT1; AT99';
      }),
    );
    expect(at(problems)).toMatchObject({
      'Chỉ tiêu!H2': 'không hợp với loại nhập liệu (xem bảng ở sheet “Hướng dẫn”)',
      'Chỉ tiêu!I9': 'phân số 4/3 lớn hơn 1',
      'Chỉ tiêu!A7': 'không có nhóm "ZZ" trong sheet “Nhóm”',
      'Giới hạn mức!B2': 'không có chỉ tiêu "AT99" trong sheet “Chỉ tiêu”',
    });
  });

  it('names a link to a component the catalogue does not have, when given the catalogue', async () => {
    const bytes = await edited((wb) => {
      indicatorCell(wb, 'NT1', 'Thành phần danh mục liên quan').value = 'HTS1; XYZ9';
    });
    const result = await readCriteriaWorkbook(bytes, { catalogue: realCatalogue });
    expect(result.ok ? [] : at(result.problems)).toEqual({ 'Chỉ tiêu!AB2': 'danh mục không có thành phần "XYZ9"' });
    expect((await readCriteriaWorkbook(bytes)).ok).toBe(true);
  });

  it('refuses a missing sheet, a missing or unknown column, a missing row of the set sheet', async () => {
    const problems = await problemsOf(
      await edited((wb) => {
        wb.removeWorksheet(sheet(wb, 'Mức').id);
        const ws = sheet(wb, 'Chỉ tiêu');
        ws.getCell(1, columnOf(ws, 'Điểm tối đa')).value = 'Điểm';
        sheet(wb, 'Bộ tiêu chí').spliceRows(3, 1);
      }),
    );
    expect(problems.map((p) => p.message)).toEqual([
      'sheet “Bộ tiêu chí” thiếu dòng “Phiên bản”',
      'cột “Điểm” không có trong mẫu: hãy xoá cột hoặc sửa tiêu đề cho đúng mẫu',
      'sheet “Chỉ tiêu” thiếu cột “Điểm tối đa”',
      'thiếu sheet “Mức” (tên sheet phải giữ nguyên như mẫu)',
    ]);
    expect(problems[1]?.cell).toBe('Chỉ tiêu!E1');
  });

  it('names a problem of an optional row the reviewer deleted: a template without its notice', async () => {
    const problems = await problemsOf(await edited((wb) => sheet(wb, 'Bộ tiêu chí').spliceRows(5, 1)));
    expect(problems).toEqual([{ sheet: 'Bộ tiêu chí', message: 'bộ mẫu phải có lưu ý nói rằng đây là bộ mẫu', path: 'notice' }]);
  });

  it('refuses a parameter column filled for another input kind', async () => {
    const problems = await problemsOf(
      await edited((wb) => {
        indicatorCell(wb, 'NT1', 'a không vượt quá b').value = 'Có';
      }),
    );
    expect(at(problems)).toEqual({
      'Chỉ tiêu!Z2': 'cột này chỉ dùng cho loại nhập liệu “cặp số a/b”; với “số lượng” hãy để trống',
    });
  });

  it('accepts what people type: reordered columns, blank rows, "0,5", "co", English kinds, decomposed Vietnamese', async () => {
    const result = await readCriteriaWorkbook(
      await edited((wb) => {
        indicatorCell(wb, 'TC3', 'Bắt buộc trả lời').value = 'co';
        indicatorCell(wb, 'TC3', 'Tham số tính điểm').value = '0: 0\n1: 0,5\n2: 2/3\n3: 1';
        indicatorCell(wb, 'NT1', 'Loại nhập liệu').value = 'number';
        indicatorCell(wb, 'NT3', 'Tên chỉ tiêu (tiếng Việt)').value = 'Có kế hoạch'.normalize('NFD');
        const ws = sheet(wb, 'Chỉ tiêu');
        ws.insertRow(5, []);
        // The two name columns swapped, header and values.
        for (let r = 1; r <= ws.rowCount; r++) {
          const [vi, en] = [ws.getCell(r, 3), ws.getCell(r, 4)];
          [vi.value, en.value] = [en.value, vi.value];
        }
      }),
    );
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (!result.ok) return;
    const nt = (code: string) => result.set.indicators.find((i) => i.code === code);
    expect(nt('NT3')?.vi).toBe('Có kế hoạch');
    expect(nt('NT1')?.input.kind).toBe('number');
    expect(nt('TC3')).toMatchObject({ required: true, rule: { kind: 'status', fractions: [0, 0.5, '2/3', 1] } });
    expect(nt('NT1')?.en).toMatch(/^Meetings of the commune/);
  });
});

describe('readCriteriaWorkbook: a survey’s problems (issue #15), each with its cell', () => {
  it('names the default survey’s id, a yes/no question marked as the overall one, a second mark and a repeated id', async () => {
    const problems = await problemsOf(
      await edited((wb) => {
        const set = sheet(wb, 'Bộ tiêu chí');
        set.eachRow((row) => {
          if (row.getCell(1).value === 'Mã phiếu khảo sát') row.getCell(2).value = 'survey-default';
          if (row.getCell(1).value === 'Tên phiếu khảo sát') {
            row.getCell(2).value = 'Khảo sát mức độ hài lòng';
            row.getCell(3).value = 'Satisfaction survey';
          }
        });
        const survey = sheet(wb, 'Khảo sát');
        const put = (row: number, cells: string[]) => cells.forEach((v, i) => (survey.getCell(row, i + 1).value = v));
        put(2, ['danh-gia-chung', 'thang 5 mức', 'Ông/bà hài lòng thế nào?', 'How satisfied are you?']);
        put(3, ['gioi-thieu', 'có/không', 'Ông/bà có giới thiệu người thân không?', 'Would you tell a relative?', 'x']);
        put(4, ['gioi-thieu', 'có/không', 'Lần sau ông/bà tự làm được không?', 'Next time on your own?', 'x']);
      }),
    );
    expect(problems.filter((p) => p.sheet === 'Khảo sát' || p.path?.startsWith('survey'))).toEqual([
      expect.objectContaining({
        sheet: 'Bộ tiêu chí',
        path: 'survey.id',
        message: '"survey-default" là mã của phiếu khảo sát mặc định; phiếu của tỉnh cần một mã khác',
      }),
      expect.objectContaining({
        cell: 'Khảo sát!E3',
        message: 'câu hỏi chung "gioi-thieu" phải là câu hỏi “thang 5 mức”, không phải “có/không”',
        path: 'survey.overallQuestion',
      }),
      expect.objectContaining({
        cell: 'Khảo sát!A4',
        message: 'mã câu hỏi "gioi-thieu" bị trùng',
        path: 'survey.questions[2].id',
      }),
      expect.objectContaining({ cell: 'Khảo sát!E4', message: 'chỉ ghi x ở một câu hỏi chung' }),
    ]);
  });
});
