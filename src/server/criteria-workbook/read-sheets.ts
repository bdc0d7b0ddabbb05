/**
 * The workbook's sheets as an (unchecked) criteria set, plus where each part of it came from,
 * so that every problem the domain validation finds can be pointed at its cell.
 */
import type ExcelJS from 'exceljs';
import { cellValue, RowReader } from './cells';
import { AGGREGATES, IF_NONE_COUNTED, SURVEY_QUESTION_TYPES } from './labels';
import type { SetRow } from './layout';
import { GATE_COLUMNS, GROUP_COLUMNS, INDICATOR_COLUMNS, LEVEL_COLUMNS, SET_ROWS, SHEETS, SURVEY_COLUMNS } from './layout';
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
  tables: Partial<Record<'groups' | 'indicators' | 'levels' | 'gates' | 'survey', Table>>;
  /** The survey sheet's row marked as the overall question, when one is. */
  overallRow?: number;
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
  return { set, rows, value };
}

type SetValue = ReturnType<typeof readSetSheet>['value'];

/**
 * The province's own survey (issue #15): the sheet "Khảo sát" (one row per question, the overall
 * one marked x) and the survey rows of the set sheet. None when both are empty; its version is the set's.
 */
function readSurvey(set: Loose, table: Table | undefined, value: SetValue) {
  const id = value('surveyId', (r) => r.text('vi'));
  if (id === undefined && !table?.readers.length) return {};
  let overallRow: number | undefined;
  let overallQuestion: string | undefined;
  table?.readers.forEach((r, i) => {
    if (r.text('overall') === undefined) return;
    if (overallRow === undefined) {
      overallRow = table.rows[i];
      overallQuestion = r.text('id');
    } else r.problem('overall', 'chỉ ghi x ở một câu hỏi chung');
  });
  const scale = [1, 2, 3, 4, 5].map((n) => value(`surveyScale${n}`, bilingual));
  const survey = compact({
    id,
    version: set.version,
    title: value('surveyTitle', bilingual),
    overallQuestion,
    questions: (table?.readers ?? []).map((r) =>
      compact({ id: r.text('id'), type: r.choice('type', SURVEY_QUESTION_TYPES), vi: r.text('vi'), en: r.text('en') }),
    ),
    scale: { vi: scale.map((x) => x?.vi), en: scale.map((x) => x?.en) },
  });
  return { survey, overallRow };
}

const table = (t: Table | undefined, read: (r: RowReader) => Loose): Loose[] => t?.readers.map(read) ?? [];

export function readSheets(wb: ExcelJS.Workbook, problems: Problem[], bad: Set<string>): SheetsRead {
  const { set, rows, value } = readSet(wb, problems, bad);
  const tables: SheetsRead['tables'] = {
    groups: openTable(wb, SHEETS.groups, GROUP_COLUMNS, problems, bad),
    indicators: openTable(wb, SHEETS.indicators, INDICATOR_COLUMNS, problems, bad),
    levels: openTable(wb, SHEETS.levels, LEVEL_COLUMNS, problems, bad),
    // A set without gates may leave the sheet out.
    gates: wb.getWorksheet(SHEETS.gates) ? openTable(wb, SHEETS.gates, GATE_COLUMNS, problems, bad) : undefined,
    // A workbook made before surveys (or a set without one) may leave the sheet out.
    survey: wb.getWorksheet(SHEETS.survey) ? openTable(wb, SHEETS.survey, SURVEY_COLUMNS, problems, bad) : undefined,
  };
  const { survey, overallRow } = readSurvey(set, tables.survey, value);
  if (survey) set.survey = survey;
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
  return { set, setRows: rows, tables, ...(overallRow === undefined ? {} : { overallRow }) };
}
