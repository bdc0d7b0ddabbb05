/**
 * The "Hướng dẫn" sheet: how to fill the workbook, in Vietnamese, for provincial staff who know
 * Excel but not the JSON format. Every column of every sheet is explained from layout.ts itself,
 * so a column cannot be added without its explanation. The reader ignores this sheet.
 */
import type ExcelJS from 'exceljs';
import type { Column } from './layout';
import { GATE_COLUMNS, GROUP_COLUMNS, INDICATOR_COLUMNS, LEVEL_COLUMNS, SET_ROWS, SHEETS, SURVEY_COLUMNS } from './layout';
import { INPUT_KINDS, RULE_KINDS } from './labels';
import { WORKBOOK_LIMITS } from './limits';

const INTRO = [
  'Bảng tính này là một bộ tiêu chí đánh giá chuyển đổi số cấp xã. Sửa các sheet, lưu lại dạng .xlsx rồi tải lên trang “Bộ tiêu chí” của khu vực thẩm định; hệ thống kiểm tra toàn bộ và chỉ ra từng ô sai (ví dụ “Chỉ tiêu!E12”). Không có gì được lưu khi tệp còn lỗi.',
  'Chỉ nhập giá trị: không dùng công thức, không gộp ô (Merge), không ẩn sheet, không dùng macro hay liên kết tới tệp khác; các tệp như vậy bị từ chối.',
  `Tệp không quá ${WORKBOOK_LIMITS.maxFileBytes / 1024 / 1024} MB, mỗi sheet không quá ${WORKBOOK_LIMITS.maxRowsPerSheet} dòng. Giữ nguyên tên sheet và dòng tiêu đề; có thể đổi thứ tự cột.`,
  'Một bộ tiêu chí đã công bố không sửa được: muốn thay đổi, hãy tăng “Phiên bản” (2026.1 → 2026.2) và công bố bản mới. Các phiếu đang làm dở vẫn giữ phiên bản cũ cho đến khi cán bộ xã chọn chuyển.',
  'Ô Có/Không: ghi “Có” hoặc “Không”. Danh sách trong một ô: cách nhau bằng dấu chấm phẩy (;). Nhiều dòng trong một ô: Alt+Enter.',
  "Phân số (tỷ lệ của điểm tối đa, từ 0 đến 1): viết 1/2, 2/3 hoặc số thập phân 0,5. Các ô phân số đã được định dạng Văn bản để Excel không đổi 1/2 thành ngày tháng; nếu Excel vẫn đổi, gõ thêm dấu nháy đơn trước: '1/2.",
];

/** One worked example per input kind: what the officer enters and how it becomes points. */
const KIND_EXAMPLES: [string, string, string, string][] = [
  [
    INPUT_KINDS.status,
    RULE_KINDS.status,
    '0: 0; 1: 1/3; 2: 2/3; 3: 1',
    'Xã chọn trạng thái 0–3 của một thành phần; trạng thái 2 được 2/3 điểm tối đa.',
  ],
  [INPUT_KINDS.yesno, RULE_KINDS.yesno, 'có: 1; không: 0', '“Có” được đủ điểm, “Không” được 0 điểm.'],
  [
    INPUT_KINDS.choice,
    RULE_KINDS.choice,
    'chair: 1; vice: 1/2; none: 0',
    'Mỗi mã lựa chọn (cột “Các lựa chọn”) một phân số; lựa chọn “vice” được nửa số điểm.',
  ],
  [
    INPUT_KINDS.number,
    RULE_KINDS.steps,
    '≥1: 5; ≥2: 10; ≥4: 20',
    'Xã nhập một số; từ 1 được 5 điểm, từ 2 được 10, từ 4 trở lên được 20; dưới bậc thấp nhất: 0 điểm.',
  ],
  [
    INPUT_KINDS.pair,
    RULE_KINDS.ratio,
    'b = 0: 0 điểm',
    'Xã nhập a và b; điểm = a/b × điểm tối đa. Khi b = 0: “đủ điểm”, “0 điểm” hoặc “không tính” (chỉ tiêu không tính vào tổng).',
  ],
  [
    INPUT_KINDS.percent,
    RULE_KINDS.thresholds,
    '≥50%: 5; ≥80%: 10',
    'Xã nhập một tỷ lệ phần trăm; từ 50% được 5 điểm, từ 80% được 10; dưới ngưỡng thấp nhất: 0 điểm.',
  ],
  [
    INPUT_KINDS.measured,
    RULE_KINDS.steps,
    '≥10: 5; ≥50: 10',
    'Xã không nhập: máy chủ tính từ số liệu của Tổ công nghệ số cộng đồng (cột “Số liệu đo được”). Ví dụ “số lượt người dân được hỗ trợ trên 1.000 dân”: từ 10 được 5 điểm, từ 50 được 10. Chưa có số liệu (chưa có số dân, dưới 5 phiếu khảo sát): 0 điểm.',
  ],
  [
    INPUT_KINDS.measured,
    RULE_KINDS.thresholds,
    '≥50%: 5; ≥80%: 10',
    'Chỉ với “tỷ lệ người dân hài lòng” (trả lời 4 hoặc 5 điểm ở câu hỏi chung của phiếu khảo sát): từ 50% được 5 điểm, từ 80% được 10. Dưới 5 phiếu: 0 điểm.',
  ],
];

function heading(sheet: ExcelJS.Worksheet, text: string): void {
  sheet.addRow([]);
  const row = sheet.addRow([text]);
  row.font = { bold: true, size: 13 };
}

function table(sheet: ExcelJS.Worksheet, header: string[], rows: string[][]): void {
  sheet.addRow(header).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
}

const columnRows = (columns: readonly Column[]): string[][] =>
  columns.map((c) => [c.header, `${c.required ? '(bắt buộc) ' : ''}${c.help}`, c.example ?? '']);

export function writeGuideSheet(wb: ExcelJS.Workbook): void {
  const sheet = wb.addWorksheet(SHEETS.guide);
  sheet.columns = [{ width: 30 }, { width: 90 }, { width: 40 }];
  sheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  sheet.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  sheet.addRow(['Hướng dẫn điền bộ tiêu chí']).font = { bold: true, size: 15 };
  for (const p of INTRO) sheet.addRow(['', p]);

  heading(sheet, 'Loại nhập liệu và cách tính điểm');
  table(
    sheet,
    ['Loại nhập liệu → cách tính điểm', 'Ý nghĩa', 'Ví dụ “Tham số tính điểm”'],
    KIND_EXAMPLES.map(([input, rule, example, meaning]) => [`${input} → ${rule}`, meaning, example]),
  );

  heading(sheet, `Sheet “${SHEETS.set}”: mỗi dòng một thông tin của cả bộ`);
  table(
    sheet,
    ['Mục (cột A)', 'Cách điền (cột B; cột C là tiếng Anh nếu có)', ''],
    SET_ROWS.map((r) => [r.label, `${r.required ? '(bắt buộc) ' : ''}${r.help}`, '']),
  );

  const sheets: [string, string, readonly Column[]][] = [
    [SHEETS.groups, 'mỗi dòng một nhóm chỉ tiêu', GROUP_COLUMNS],
    [SHEETS.indicators, 'mỗi dòng một chỉ tiêu', INDICATOR_COLUMNS],
    [SHEETS.levels, 'mỗi dòng một mức xếp loại, từ thấp đến cao', LEVEL_COLUMNS],
    [SHEETS.gates, 'điều kiện giới hạn mức xếp loại (có thể không có dòng nào)', GATE_COLUMNS],
    [
      SHEETS.survey,
      'mỗi dòng một câu hỏi của phiếu khảo sát mức độ hài lòng riêng của tỉnh (để trống: phiếu mặc định)',
      SURVEY_COLUMNS,
    ],
  ];
  for (const [name, what, columns] of sheets) {
    heading(sheet, `Sheet “${name}”: ${what}`);
    table(sheet, ['Cột', 'Cách điền', 'Ví dụ'], columnRows(columns));
  }
}
