/**
 * A sheet read as a table: its header row matched to the layout's columns (by header text, so
 * the columns may be reordered), the rows that hold data (blank rows are skipped), and a reader
 * per row. Unknown, repeated or missing columns are problems of their own.
 */
import type ExcelJS from 'exceljs';
import { cellValue, RowReader } from './cells';
import type { Column } from './layout';
import type { Problem } from './problem';
import { cellProblem } from './problem';

/** Headers compare without case, spacing or quote style: "Cho phép “Không áp dụng”" is the same header. */
export const normalizeHeader = (s: string): string =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[“”"']/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

export interface Table {
  name: string;
  columns: readonly Column[];
  columnOf: (key: string) => number | undefined;
  /** The Excel row of each data row, in order: the JSON array index → its row. */
  rows: number[];
  readers: RowReader[];
}

export function openTable(
  wb: ExcelJS.Workbook,
  name: string,
  columns: readonly Column[],
  problems: Problem[],
  bad: Set<string>,
): Table | undefined {
  const sheet = wb.getWorksheet(name);
  if (!sheet) {
    problems.push({ sheet: name, message: `thiếu sheet “${name}” (tên sheet phải giữ nguyên như mẫu)` });
    return undefined;
  }
  const byHeader = new Map(columns.map((c) => [normalizeHeader(c.header), c]));
  const at = new Map<string, number>();
  const header = sheet.getRow(1);
  for (let col = 1; col <= sheet.columnCount; col++) {
    const v = cellValue(header.getCell(col));
    if (v.kind === 'blank') continue;
    const text = v.kind === 'text' ? v.text : v.kind === 'number' ? String(v.value) : '';
    const column = byHeader.get(normalizeHeader(text));
    if (!column)
      problems.push(cellProblem(name, 1, col, `cột “${text}” không có trong mẫu: hãy xoá cột hoặc sửa tiêu đề cho đúng mẫu`));
    else if (at.has(column.key)) problems.push(cellProblem(name, 1, col, `cột “${column.header}” xuất hiện hai lần`));
    else at.set(column.key, col);
  }
  const missing = columns.filter((c) => c.required && !at.has(c.key));
  for (const c of missing) problems.push({ sheet: name, row: 1, message: `sheet “${name}” thiếu cột “${c.header}”` });
  if (missing.length > 0) return undefined;

  const labels = new Map(columns.map((c) => [c.key, c.header]));
  const columnOf = (key: string) => at.get(key);
  const labelOf = (key: string) => labels.get(key) ?? key;
  const rows: number[] = [];
  const readers: RowReader[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const reader = new RowReader(sheet, r, columnOf, labelOf, problems, bad);
    if (![...at.keys()].some((k) => reader.has(k))) continue;
    rows.push(r);
    readers.push(reader);
  }
  return { name, columns, columnOf, rows, readers };
}
