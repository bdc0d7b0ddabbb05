/**
 * writeCriteriaWorkbook: a criteria set as an .xlsx a provincial officer can edit in Excel and
 * upload again (readCriteriaWorkbook reads it back to the same set). Bold frozen headers, column
 * widths, drop-downs for the kinds, text format where Excel would turn "1/2" into a date.
 */
import type ExcelJS from 'exceljs';
import { loadExcel } from './load-excel';
import type { CriteriaSet } from '../../domain/criteria';
import { writeGuideSheet } from './guide';
import type { Column } from './layout';
import { GATE_COLUMNS, GROUP_COLUMNS, INDICATOR_COLUMNS, LEVEL_COLUMNS, SET_ROWS, SHEETS, SURVEY_COLUMNS } from './layout';
import type { CellOut, RowOut } from './to-rows';
import { gateRow, groupRow, indicatorRow, levelRow, setRows, surveyRow } from './to-rows';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

/** A drop-down of the given values (Excel's list source is one comma-separated string). */
function dropDown(values: readonly string[]): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: 'Giá trị không có trong danh sách',
    error: `Chọn một trong: ${values.join('; ')}`,
  };
}

function styleHeader(sheet: ExcelJS.Worksheet): void {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

function writeTable(wb: ExcelJS.Workbook, name: string, columns: readonly Column[], rows: readonly RowOut[]): void {
  const sheet = wb.addWorksheet(name);
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  for (const row of rows) sheet.addRow(Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined && v !== '')));
  // Validation and formats cover the written rows and room for the officer's new ones.
  const lastRow = Math.max(rows.length + 1, 200);
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.alignment = { vertical: 'top', wrapText: c.width >= 20 };
    if (c.text) column.numFmt = '@';
    if (c.list) for (let r = 2; r <= lastRow; r++) sheet.getCell(r, i + 1).dataValidation = dropDown(c.list);
  });
  styleHeader(sheet);
}

function writeSetSheet(wb: ExcelJS.Workbook, set: CriteriaSet): void {
  const sheet = wb.addWorksheet(SHEETS.set);
  sheet.columns = [
    { header: 'Mục', key: 'label', width: 26 },
    { header: 'Giá trị (tiếng Việt)', key: 'vi', width: 50 },
    { header: 'Tiếng Anh', key: 'en', width: 44 },
    { header: 'Giải thích', key: 'help', width: 60 },
  ];
  const values = setRows(set);
  for (const r of SET_ROWS) {
    const [vi, en] = values[r.key] ?? [];
    const row = sheet.addRow({ label: r.label, help: r.help });
    const put = (col: number, v: CellOut) => {
      const cell = row.getCell(col);
      if (r.text) cell.numFmt = '@';
      if (v !== undefined) cell.value = v;
    };
    put(2, vi);
    if (r.bilingual) put(3, en);
    if (r.list) row.getCell(2).dataValidation = dropDown(r.list);
  }
  sheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  sheet.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  sheet.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
  styleHeader(sheet);
}

export async function writeCriteriaWorkbook(set: CriteriaSet): Promise<Uint8Array> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'Xã số';
  // Fixed dates: the same set gives the same workbook content.
  wb.created = new Date(0);
  wb.modified = new Date(0);
  writeGuideSheet(wb);
  writeSetSheet(wb, set);
  writeTable(wb, SHEETS.groups, GROUP_COLUMNS, set.groups.map(groupRow));
  writeTable(wb, SHEETS.indicators, INDICATOR_COLUMNS, set.indicators.map(indicatorRow));
  writeTable(wb, SHEETS.levels, LEVEL_COLUMNS, set.levels.map(levelRow));
  writeTable(wb, SHEETS.gates, GATE_COLUMNS, set.gates.map(gateRow));
  const survey = set.survey;
  writeTable(wb, SHEETS.survey, SURVEY_COLUMNS, survey ? survey.questions.map((q) => surveyRow(q, survey.overallQuestion)) : []);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 3, visibility: 'visible' }];
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
