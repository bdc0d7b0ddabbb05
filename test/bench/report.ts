/**
 * The shape every benchmark part returns (one or more rows of the table), the formatting of
 * numbers, and the markdown table itself. A row whose part could not run says why instead of a
 * value; `pass: null` marks a row with no budget of its own (context, or not measured).
 */

export interface Row {
  figure: string;
  value: string;
  budget: string;
  /** true = within budget, false = misses it, null = no verdict (informational or not measured). */
  pass: boolean | null;
  /** How it was measured. */
  note?: string;
  /** When the budget is missed: what it would take, from what the run measured. */
  fix?: string;
}

export interface PartContext {
  quick: boolean;
  /** The production build. */
  dist: string;
  /** The repository root. */
  root: string;
  /** Aborted when the part's time is up: stop starting new work. */
  signal: AbortSignal;
  /** Registers cleanup (stop a server, delete a temp dir); run after the part, even on timeout. */
  defer: (cleanup: () => Promise<void> | void) => void;
  log: (message: string) => void;
  /** Records a finished row at once: it survives a later timeout of the same part. */
  report: (row: Row) => void;
}

export interface Part {
  name: string;
  /** Hard time limit of the whole part, full and quick runs. */
  limitMs: { full: number; quick: number };
  /** The rows shown when the part cannot run (so the table always has every figure). */
  figures: { figure: string; budget: string }[];
  /** Returns its rows, or reports them one by one through ctx.report (or both). */
  run: (ctx: PartContext) => Promise<Row[] | void>;
}

export const KB = 1000;

export function kb(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} KB`;
}

export function ms(value: number): string {
  if (value < 1) return `${value.toFixed(3)} ms`;
  if (value < 100) return `${value.toFixed(1)} ms`;
  return `${Math.round(value)} ms`;
}

export function seconds(valueMs: number): string {
  return `${(valueMs / 1000).toFixed(2)} s`;
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

export function notMeasured(figures: Part['figures'], reason: string): Row[] {
  const oneLine = reason.replace(/\s+/g, ' ').slice(0, 240);
  return figures.map((f) => ({ ...f, value: `not measured: ${oneLine}`, pass: null }));
}

/** One database's run of a part failed: its stack to the log, its rows as "not measured". */
export function reportNotMeasured(ctx: PartContext, what: string, figures: Part['figures'], error: unknown): void {
  ctx.log(`${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  for (const row of notMeasured(figures, error instanceof Error ? error.message : String(error))) ctx.report(row);
}

function verdict(pass: boolean | null): string {
  if (pass === true) return 'pass';
  if (pass === false) return '**FAIL**';
  return '—';
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdownTable(rows: readonly Row[]): string {
  const lines = ['| figure | value | budget | result |', '|---|---|---|---|'];
  for (const r of rows) lines.push(`| ${cell(r.figure)} | ${cell(r.value)} | ${cell(r.budget)} | ${verdict(r.pass)} |`);
  return lines.join('\n');
}

/** For each missed budget, what it would take (when the part could tell). */
export function markdownFixes(rows: readonly Row[]): string {
  return rows
    .filter((r) => r.pass === false)
    .map((r) => `- **${r.figure}** (${r.value}; budget ${r.budget}): ${r.fix ?? 'see the note below.'}`)
    .join('\n');
}

/** Notes, numbered in table order, for the rows that have one. */
export function markdownNotes(rows: readonly Row[]): string {
  return rows
    .filter((r) => r.note)
    .map((r) => `- **${r.figure}**: ${r.note}`)
    .join('\n');
}
