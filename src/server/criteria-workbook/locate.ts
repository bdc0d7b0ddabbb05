/**
 * From a JSON path of the format back to the sheet, row and column it was read from, and the
 * name the reviewer sees for that column: "indicators[11].points" → Chỉ tiêu!E14, “Điểm tối đa”.
 */
import { SET_ROWS, SHEETS, SURVEY_COLUMNS } from './layout';
import type { SheetsRead } from './read-sheets';

export interface Location {
  sheet?: string;
  row?: number;
  col?: number;
  label: string;
}

const TABLE_KEYS = {
  groups: ['id', 'parent', 'vi', 'en', 'aggregate', 'points', 'weight', 'ifNoneCounted'],
  levels: ['level', 'min', 'vi', 'en'],
  gates: ['id', 'indicators', 'below', 'capLevel', 'vi', 'en'],
} as const;
const INDICATOR_OWN = ['code', 'group', 'vi', 'en', 'points', 'required', 'areaTypes', 'links', 'ownQuestion', 'actor'];
const INPUT_OWN = ['component', 'naAllowed', 'countOnlyWhenNamed', 'max', 'aAtMostB', 'metric'];

const lang = (p: PropertyKey | undefined): 'Vi' | 'En' => (p === 'en' ? 'En' : 'Vi');

/** The "Chỉ tiêu" column of a path inside one indicator. */
export function indicatorColumn(rest: readonly PropertyKey[]): string {
  const [a, b, c, d] = rest;
  if (a === 'input') {
    if (b === 'options') return `options${lang(rest.at(-1))}`;
    if (b === 'unit') return `unit${lang(c)}`;
    if (b === 'a' || b === 'b') return c === 'unit' ? `${b}Unit${lang(d)}` : `${b}${lang(c)}`;
    return typeof b === 'string' && INPUT_OWN.includes(b) ? b : 'inputKind';
  }
  if (a === 'rule') return b === 'kind' ? 'ruleKind' : 'ruleParams';
  if (a === 'evidence') {
    if (b === 'items') return `evidence${lang(rest.at(-1))}`;
    if (b === 'source' || b === 'verifiedBy') return `${b}${lang(c)}`;
    return 'evidenceRequired';
  }
  if (a === 'guidance') return b === 'levels' ? `level${typeof c === 'number' ? c : 0}` : `guidance${lang(b)}`;
  return typeof a === 'string' && INDICATOR_OWN.includes(a) ? a : 'code';
}

function setLocation(path: readonly PropertyKey[], read: SheetsRead): Location | undefined {
  const [a, b, c] = path;
  let key = String(a);
  let english = false;
  if (a === 'title' || a === 'notice' || a === 'surveyTitle' || String(a).startsWith('surveyScale')) english = b === 'en';
  if (a === 'total') key = String(b ?? 'points');
  if (a === 'statusScale') {
    key = `status${typeof b === 'number' ? b : 0}`;
    english = c === 'en';
  }
  const def = SET_ROWS.find((r) => r.key === key);
  if (!def) return { sheet: SHEETS.set, label: SHEETS.set };
  const row = read.setRows.get(key);
  const label = english ? `${def.label} (tiếng Anh)` : def.label;
  // A missing required row was reported as missing; what the domain says about its value adds nothing.
  if (row === undefined) return def.required ? undefined : { sheet: SHEETS.set, label };
  return { sheet: SHEETS.set, row, col: english ? 3 : 2, label };
}

/** A path inside the survey (issue #15): its questions and overall mark on "Khảo sát", the rest on the set sheet. */
function surveyLocation(path: readonly PropertyKey[], read: SheetsRead): Location | undefined {
  const [, field, b, c] = path;
  const table = read.tables.survey;
  const sheet = table?.name ?? SHEETS.survey;
  const column = (key: string, row?: number): Location => {
    const label = SURVEY_COLUMNS.find((x) => x.key === key)?.header ?? key;
    const col = table?.columnOf(key);
    return { sheet, ...(row === undefined ? {} : { row }), ...(col === undefined ? {} : { col }), label };
  };
  if (field === 'questions') {
    if (typeof b !== 'number' || !table) return { sheet, label: sheet };
    const key = SURVEY_COLUMNS.some((x) => x.key === c) ? String(c) : 'id';
    return column(key, table.rows[b]);
  }
  if (field === 'overallQuestion') return column('overall', read.overallRow);
  if (field === 'version') return setLocation(['version'], read);
  if (field === 'title') return setLocation(['surveyTitle', b ?? 'vi'], read);
  if (field === 'scale') return setLocation([`surveyScale${typeof c === 'number' ? c + 1 : 1}`, b ?? 'vi'], read);
  return setLocation(['surveyId'], read);
}

/** Where a path was read from; undefined when a problem already reported covers it. */
export function locate(path: readonly PropertyKey[], read: SheetsRead): Location | undefined {
  const [a, index, ...rest] = path;
  if (a === 'survey') return surveyLocation(path, read);
  if (a === 'groups' || a === 'indicators' || a === 'levels' || a === 'gates') {
    const table = read.tables[a];
    const sheet = table?.name ?? SHEETS[a];
    if (typeof index !== 'number' || !table) return { sheet, label: sheet };
    const key =
      a === 'indicators'
        ? indicatorColumn(rest)
        : ((TABLE_KEYS[a] as readonly string[]).find((k) => k === rest[0]) ?? TABLE_KEYS[a][0]);
    const column = table.columns.find((c) => c.key === key);
    return { sheet, row: table.rows[index], col: table.columnOf(key), label: column?.header ?? key };
  }
  return setLocation(path, read);
}
