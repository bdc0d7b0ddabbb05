/**
 * Typed reading of one cell. Every cell that cannot be what its column needs is reported once,
 * in Vietnamese, with its address, and remembered as bad, so that the domain validation's later
 * problem about the same field is not reported a second time.
 */
import type ExcelJS from 'exceljs';
import type { Labels } from './labels';
import { booleanOf, choices, keyOf } from './labels';
import type { Problem } from './problem';
import { cellProblem } from './problem';
import { parseDecimal } from './rule-syntax';

export type CellValue =
  | { kind: 'blank' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'other'; what: string };

/** Excel text as the format wants it: NFC (Vietnamese typed on some systems is decomposed), trimmed, LF line breaks. */
const clean = (s: string): string => s.normalize('NFC').replace(/\r\n?/g, '\n').trim();

export function cellValue(cell: ExcelJS.Cell): CellValue {
  const v = cell.value;
  if (v === null || v === undefined) return { kind: 'blank' };
  if (typeof v === 'number') return { kind: 'number', value: v };
  if (typeof v === 'boolean') return { kind: 'bool', value: v };
  if (typeof v === 'string') return clean(v) === '' ? { kind: 'blank' } : { kind: 'text', text: clean(v) };
  if (v instanceof Date) return { kind: 'other', what: 'ngày tháng (Excel đã tự đổi; hãy định dạng ô là Văn bản)' };
  if ('richText' in v) {
    const text = clean(v.richText.map((r) => r.text).join(''));
    return text === '' ? { kind: 'blank' } : { kind: 'text', text };
  }
  if ('formula' in v || 'sharedFormula' in v) return { kind: 'other', what: 'công thức' };
  if ('error' in v) return { kind: 'other', what: `lỗi ${String(v.error)}` };
  if ('hyperlink' in v && typeof v.text === 'string') return { kind: 'text', text: clean(v.text) };
  return { kind: 'other', what: 'giá trị không đọc được' };
}

/** One row of a sheet, read column by column. */
export class RowReader {
  constructor(
    private readonly sheet: ExcelJS.Worksheet,
    readonly row: number,
    private readonly columnOf: (key: string) => number | undefined,
    private readonly labelOf: (key: string) => string,
    private readonly problems: Problem[],
    private readonly bad: Set<string>,
  ) {}

  private report(key: string, message: string): undefined {
    const col = this.columnOf(key);
    if (col === undefined) return undefined;
    const p = cellProblem(this.sheet.name, this.row, col, message);
    this.problems.push(p);
    if (p.cell) this.bad.add(p.cell);
    return undefined;
  }

  value(key: string): CellValue {
    const col = this.columnOf(key);
    return col === undefined ? { kind: 'blank' } : cellValue(this.sheet.getCell(this.row, col));
  }

  has(key: string): boolean {
    return this.value(key).kind !== 'blank';
  }

  /** Text; a number is taken as its digits unless `exact` (versions: Excel reads "2026.10" as 2026.1). */
  text(key: string, exact = false): string | undefined {
    const v = this.value(key);
    if (v.kind === 'text') return v.text;
    if (v.kind === 'number' && !exact) return String(v.value);
    if (v.kind === 'blank') return undefined;
    const label = this.labelOf(key);
    if (v.kind === 'number')
      return this.report(
        key,
        `“${label}” phải là văn bản: Excel đã đổi thành số ${v.value}; hãy định dạng ô là Văn bản rồi gõ lại`,
      );
    return this.report(key, `“${label}” phải là văn bản, không phải ${v.kind === 'bool' ? 'TRUE/FALSE' : v.what}`);
  }

  number(key: string): number | undefined {
    const v = this.value(key);
    if (v.kind === 'number') return v.value;
    if (v.kind === 'blank') return undefined;
    const parsed = v.kind === 'text' ? parseDecimal(v.text) : undefined;
    if (parsed !== undefined) return parsed;
    return this.report(
      key,
      `“${this.labelOf(key)}” phải là một số, không phải ${v.kind === 'text' ? `"${v.text}"` : v.kind === 'bool' ? 'TRUE/FALSE' : v.what}`,
    );
  }

  boolean(key: string): boolean | undefined {
    const v = this.value(key);
    if (v.kind === 'bool') return v.value;
    if (v.kind === 'blank') return undefined;
    const parsed = v.kind === 'text' ? booleanOf(v.text) : undefined;
    if (parsed !== undefined) return parsed;
    return this.report(
      key,
      `“${this.labelOf(key)}” phải là "Có" hoặc "Không", không phải ${v.kind === 'text' ? `"${v.text}"` : v.kind === 'number' ? v.value : v.what}`,
    );
  }

  /** One of the labels (or the format's own key); `what` names the thing for the message. */
  choice<K extends string>(key: string, labels: Labels<K>): K | undefined {
    const text = this.text(key);
    if (text === undefined) return undefined;
    const k = keyOf(labels, text);
    if (k !== undefined) return k;
    return this.report(key, `“${this.labelOf(key)}” không có giá trị "${text}"; chọn ${choices(Object.values(labels))}`);
  }

  /** Items separated by ";" (and "," when `comma`) or line breaks. */
  list(key: string, comma: boolean, exact = false): string[] | undefined {
    const text = this.text(key, exact);
    if (text === undefined) return undefined;
    return text
      .split(comma ? /[;,\n]/ : /[;\n]/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }

  /** Marks the cell as explained by a problem reported elsewhere in the row. */
  markBad(key: string): undefined {
    const col = this.columnOf(key);
    if (col !== undefined) this.bad.add(cellProblem(this.sheet.name, this.row, col, '').cell ?? '');
    return undefined;
  }

  /** Records a problem about this row's cell in the column `key`. */
  problem(key: string, message: string): undefined {
    return this.report(key, message);
  }
}
