/**
 * exceljs, loaded on the first workbook a reviewer uploads or downloads rather than at server
 * start: most server processes only ingest submissions and never need its ~20 MB of modules
 * (the server memory row of npm run bench). Node caches the module after the first import.
 */
import type ExcelJS from 'exceljs';

export async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
