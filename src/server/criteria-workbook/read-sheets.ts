/**
 * The workbook's sheets as an (unchecked) criteria set, plus where each part of it came from,
 * so that every problem the domain validation finds can be pointed at its cell.
 */
import type ExcelJS from 'exceljs';
import { cellValue, RowReader } from './cells';
import { AGGREGATES, IF_NONE_COUNTED } from './labels';
import type { SetRow } from './layout';
import { GATE_COLUMNS, GROUP_COLUMNS, INDICATOR_COLUMNS, LEVEL_COLUMNS, SET_ROWS, SHEETS } from './layout';
import type { Problem } from './problem';
import type { Loose } from './read-indicator';
import { compact, readIndicator } from './read-indicator';
import { parseFraction } from './rule-syntax';
import type { Table } from './sheet-table';
import { normalizeHeader, openTable } from './sheet-table';

export interface SheetsRead {
  set: Loose;
  /** The set sheet's row of each field key (layout.ts SET_ROWS). */
  setRows: Map<string, number>;
  tables: Partial<Record<'groups' | 'indicators' | 'levels' | 'gates', Table>>;
}

function readSetSheet(wb: ExcelJS.Workbook, problems: Problem[], bad: Set<string>) {
  const sheet = wb.getWorksheet(SHEETS.set);
  const rows = new Map<string, number>();
  const readers = new Map<string, RowReader>();
  if (!sheet) {
    problems.push({ sheet: SHEETS.set, message: `thiếu sheet “${SHEETS.set}” (tên sheet phải giữ nguyên như mẫu)` });
    return { rows, value: () => undefined };
  }
  const byLabel = new Map<string, SetRow>(SET_ROWS.map((r) => [normalizeHeader(r.label), r]));
  for (let r = 2; r <= sheet.rowCount; r++) {
    const v = cellValue(sheet.getCell(r, 1));
    if (v.kind !== 'text') continue;
    const def = byLabel.get(normalizeHeader(v.text));
    if (!def) {
      problems.push({
        sheet: SHEETS.set,
        row: r,
        column: 'A',
        cell: `${SHEETS.set}!A${r}`,
        message: `mục “${v.text}” không có trong mẫu`,
      });
      continue;
    }
    rows.set(def.key, r);
    readers.set(
      def.key,
      new RowReader(
        sheet,
        r,
        (k) => (k === 'vi' ? 2 : k === 'en' ? 3 : undefined),
        () => def.label,
        problems,
        bad,
      ),
    );
  }
  for (const def of SET_ROWS)
    if (def.required && !rows.has(def.key))
      problems.push({ sheet: SHEETS.set, message: `sheet “${SHEETS.set}” thiếu dòng “${def.label}”` });
  const value = <T>(key: string, read: (r: RowReader) => T): T | undefined => {
    const reader = readers.get(key);
    return reader ? read(reader) : undefined;
  };
  return { rows, value };
}

const bilingual = (r: RowReader) => {
  const vi = r.text('vi');
  const en = r.text('en');
  return vi === undefined && en === undefined ? undefined : { vi, en };
};

function readSet(wb: ExcelJS.Workbook, problems: Problem[], bad: Set<string>) {
  const { rows, value } = readSetSheet(wb, problems, bad);
  const set = compact({
    $schema: value('$schema', (r) => r.text('vi')),
    id: value('id', (r) => r.text('vi')),
    version: value('version', (r) => r.text('vi', true)),
    title: value('title', bilingual),
    notice: value('notice', bilingual),
    template: value('template', (r) => r.boolean('vi')),
    catalogueVersions: value('catalogueVersions', (r) => r.list('vi', false, true)),
    total: {
      aggregate: value('aggregate', (r) => r.choice('vi', AGGREGATES)),
      points: value('points', (r) => r.number('vi')),
      decimals: value('decimals', (r) => r.number('vi')),
    },
    statusScale: [0, 1, 2, 3].map((n) => ({ value: n, ...value(`status${n}`, bilingual) })),
  });
  return { set, rows };
}

const table = (t: Table | undefined, read: (r: RowReader) => Loose): Loose[] => t?.readers.map(read) ?? [];

export function readSheets(wb: ExcelJS.Workbook, problems: Problem[], bad: Set<string>): SheetsRead {
  const { set, rows } = readSet(wb, problems, bad);
  const tables: SheetsRead['tables'] = {
    groups: openTable(wb, SHEETS.groups, GROUP_COLUMNS, problems, bad),
    indicators: openTable(wb, SHEETS.indicators, INDICATOR_COLUMNS, problems, bad),
    levels: openTable(wb, SHEETS.levels, LEVEL_COLUMNS, problems, bad),
    // A set without gates may leave the sheet out.
    gates: wb.getWorksheet(SHEETS.gates) ? openTable(wb, SHEETS.gates, GATE_COLUMNS, problems, bad) : undefined,
  };
  set.groups = table(tables.groups, (r) =>
    compact({
      id: r.text('id'),
      parent: r.text('parent'),
      vi: r.text('vi'),
      en: r.text('en'),
      aggregate: r.choice('aggregate', AGGREGATES),
      points: r.number('points'),
      weight: r.number('weight'),
      ifNoneCounted: r.choice('ifNoneCounted', IF_NONE_COUNTED),
    }),
  );
  set.indicators = table(tables.indicators, readIndicator);
  set.levels = table(tables.levels, (r) =>
    compact({ level: r.number('level'), min: r.number('min'), vi: r.text('vi'), en: r.text('en') }),
  );
  set.gates = table(tables.gates, (r) => {
    const below = r.text('below');
    const fraction = below === undefined ? undefined : parseFraction(below);
    if (below !== undefined && fraction === undefined)
      r.problem('below', `“Khi đạt dưới” phải là số từ 0 đến 1 (0,5) hoặc phân số (1/2), không phải "${below}"`);
    return compact({
      id: r.text('id'),
      indicators: r.list('indicators', true) ?? [],
      below: fraction,
      capLevel: r.number('capLevel'),
      vi: r.text('vi'),
      en: r.text('en'),
    });
  });
  return { set, setRows: rows, tables };
}
