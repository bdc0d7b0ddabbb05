/**
 * readCriteriaWorkbook: an uploaded .xlsx → a criteria set, or every problem with its cell.
 * In order, each step only on what the one before let through: the size; the zip's central
 * directory and a capped inflate (zip-guard.ts); the package's XML (no formulas, merges, hidden
 * sheets, macros, external links: package-check.ts); exceljs reads the values; the sheets become
 * the format (read-sheets.ts); the domain validates it (validate-read.ts). Never throws.
 */
import { loadExcel } from './load-excel';
import type { CriteriaSet } from '../../domain/criteria';
import type { Catalogue } from '../../domain/types';
import { SHEETS } from './layout';
import { checkPackage } from './package-check';
import type { Problem } from './problem';
import { readSheets } from './read-sheets';
import { validateRead } from './validate-read';
import { openZip } from './zip-guard';

export type WorkbookResult = { ok: true; set: CriteriaSet } | { ok: false; problems: Problem[] };

export interface ReadOptions {
  /** When given, links to catalogue components are checked against it too. */
  catalogue?: Catalogue;
}

const SHEET_ORDER: readonly string[] = Object.values(SHEETS);
const columnNumber = (letters = ''): number => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

function compare(a: readonly number[], b: readonly number[]): number {
  for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return (a[j] ?? 0) - (b[j] ?? 0);
  return 0;
}

/** As the reviewer will fix them: sheet by sheet, row by row, left to right (the sort is stable). */
function inSheetOrder(problems: Problem[]): Problem[] {
  const key = (p: Problem) => [SHEET_ORDER.indexOf(p.sheet ?? ''), p.row ?? 0, columnNumber(p.column)];
  return [...problems].sort((a, b) => compare(key(a), key(b)));
}

const refuse = (...problems: Problem[]): WorkbookResult => ({ ok: false, problems });

/** Problems about a sheet's shape (a missing sheet, column or row): the values cannot be placed without it. */
const structural = (p: Problem): boolean => p.cell === undefined && p.sheet !== undefined;

export async function readCriteriaWorkbook(bytes: Uint8Array, options: ReadOptions = {}): Promise<WorkbookResult> {
  const zip = openZip(bytes);
  if (!zip.ok) return refuse({ message: zip.message });
  const packageProblems = checkPackage(zip.entries);
  if (packageProblems.length > 0) return refuse(...packageProblems);

  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    return refuse({ message: 'Excel không đọc được tệp này: tệp bị hỏng hoặc không phải bảng tính .xlsx' });
  }
  const problems: Problem[] = [];
  const bad = new Set<string>();
  let read;
  try {
    read = readSheets(wb, problems, bad);
  } catch {
    return refuse({ message: 'không đọc được nội dung bảng tính; hãy tải mẫu mới và chép dữ liệu sang' });
  }
  if (problems.some(structural)) return refuse(...problems);
  const validated = validateRead(read, bad, options.catalogue);
  if (validated.ok && problems.length === 0) return validated;
  return refuse(...inSheetOrder([...problems, ...(validated.ok ? [] : validated.problems)]));
}
