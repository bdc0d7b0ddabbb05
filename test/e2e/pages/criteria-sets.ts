/**
 * The reviewer's "Bộ tiêu chí" screen (#/review/criteria-sets, issue #12), and the workbook edits a
 * province makes in Excel, done here with exceljs on the file the screen downloaded.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, type Locator, type Page } from '@playwright/test';
import { INDICATOR_COLUMNS, SET_ROWS, SHEETS } from '../../../src/server/criteria-workbook/layout';
import { tx } from './text';

const t = (key: string, vars: Record<string, string | number> = {}) => tx('reviewer', key, vars);

export class CriteriaSetsScreen {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('./#/review/criteria-sets');
    await expect(this.page.getByRole('heading', { level: 2, name: t('criteriaSets.uploadTitle') })).toBeVisible();
  }

  get versions(): Locator {
    return this.page.getByRole('table', { name: t('criteriaSets.versionsCaption') });
  }

  /** The version table's row of a version (its cells: version, status, when, indicators, actions). */
  versionRow(version: string): Locator {
    return this.versions.getByRole('row').filter({ has: this.page.getByRole('cell', { name: version, exact: true }) });
  }

  /** Clicks a button and returns the path of the file it downloaded. */
  async download(button: Locator): Promise<string> {
    const download = this.page.waitForEvent('download');
    await button.click();
    return (await download).path();
  }

  async upload(name: string, buffer: Buffer, mimeType: string): Promise<void> {
    await this.page.getByLabel(t('criteriaSets.file')).setInputFiles({ name, mimeType, buffer });
    await this.page.getByRole('button', { name: t('criteriaSets.upload'), exact: true }).click();
  }

  previewPanel(setId: string, version: string): Locator {
    return this.page.getByRole('region', { name: t('criteriaSets.previewTitle', { set: setId, version }) });
  }

  /** "Công bố": confirms in the dialog after checking that it says a published version is final. */
  async publish(setId: string, version: string, check?: (dialog: Locator) => Promise<void>): Promise<void> {
    const names = { set: setId, version };
    await this.previewPanel(setId, version)
      .getByRole('button', { name: t('criteriaSets.publishOf', names) })
      .click();
    const dialog = this.page.getByRole('dialog', { name: t('criteriaSets.confirmTitle', names) });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(t('criteriaSets.confirmBody'));
    await check?.(dialog);
    await dialog.getByRole('button', { name: t('criteriaSets.confirm'), exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(this.versionRow(version)).toContainText(t('criteriaSets.published'));
  }
}

// ── Workbooks ────────────────────────────────────────────────────────────────────────────────

export async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return wb;
}

export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** The value cell (column B; C for English) of a row of the set's sheet, by its layout key ("id", "version"). */
export function setCell(wb: ExcelJS.Workbook, key: string, column = 2): ExcelJS.Cell {
  const label = SET_ROWS.find((r) => r.key === key)?.label;
  const ws = sheet(wb, SHEETS.set);
  for (let r = 1; r <= ws.rowCount; r++) if (label && ws.getCell(r, 1).value === label) return ws.getCell(r, column);
  throw new Error(`no row ${key}`);
}

/** An indicator's cell (by code) in a column (by its layout key: "points", "ruleParams") of the indicators' sheet. */
export function indicatorCell(wb: ExcelJS.Workbook, code: string, key: string): ExcelJS.Cell {
  const ws = sheet(wb, SHEETS.indicators);
  const col = (k: string) => {
    const header = INDICATOR_COLUMNS.find((c) => c.key === k)?.header;
    for (let c = 1; c <= ws.columnCount; c++) if (header && ws.getCell(1, c).value === header) return c;
    throw new Error(`no column ${k}`);
  };
  const codeCol = col('code');
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, codeCol).value === code) return ws.getCell(r, col(key));
  throw new Error(`no indicator ${code}`);
}
