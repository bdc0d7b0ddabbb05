/**
 * Criteria sets as Excel workbooks, for provincial staff who work in Excel (issue #12). Server
 * only: the reviewer uploads and downloads through the API, so exceljs never reaches a phone.
 * See README.md in this folder for the format and the defences.
 */
export { readCriteriaWorkbook } from './read';
export type { ReadOptions, WorkbookResult } from './read';
export { writeCriteriaWorkbook } from './write';
export type { Problem } from './problem';
export { WORKBOOK_LIMITS } from './limits';
