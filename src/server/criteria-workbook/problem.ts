/** One thing wrong with an uploaded criteria set, in Vietnamese, with where it is (shared contract of issue #12). */
export interface Problem {
  message: string;
  /** JSON path in the criteria-set format, e.g. "indicators[2].points". */
  path?: string;
  sheet?: string;
  /** 1-based, as Excel numbers rows. */
  row?: number;
  /** Column letter, e.g. "F". */
  column?: string;
  /** "Chỉ tiêu!F12". */
  cell?: string;
}

/** Column letter of a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** A problem at one cell of a sheet. */
export function cellProblem(sheet: string, row: number, column: number, message: string): Problem {
  const letter = columnLetter(column);
  return { message, sheet, row, column: letter, cell: `${sheet}!${letter}${row}` };
}

/** "a.b[2].c" from ["a", "b", 2, "c"]. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}
