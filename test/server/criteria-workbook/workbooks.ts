/**
 * Test workbooks, made in the tests themselves (no binary files checked in): the template
 * written by writeCriteriaWorkbook, edited with exceljs as a reviewer would edit it in Excel,
 * and zips built by hand for what Excel would never write (bombs, lying sizes, macros).
 */
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import templateJson from '../../../data/criteria/template-commune-index-2026.1.json';
import type { CriteriaSet } from '../../../src/domain/criteria';
import { writeCriteriaWorkbook } from '../../../src/server/criteria-workbook';
import { openZip } from '../../../src/server/criteria-workbook/zip-guard';

export const template = templateJson as unknown as CriteriaSet;

let templateBytes: Promise<Uint8Array> | undefined;
/** The template set as a workbook, written once per test file. */
export const templateWorkbook = (): Promise<Uint8Array> => (templateBytes ??= writeCriteriaWorkbook(template));

/** The workbook of `set` (default: the template) after `edit`, saved again by exceljs. */
export async function edited(edit: (wb: ExcelJS.Workbook) => void, bytes?: Uint8Array): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes ?? (await templateWorkbook())) as unknown as ArrayBuffer);
  edit(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** Column number of a header in row 1. */
export function columnOf(ws: ExcelJS.Worksheet, header: string): number {
  for (let c = 1; c <= ws.columnCount; c++) if (ws.getCell(1, c).value === header) return c;
  throw new Error(`no column ${header} in ${ws.name}`);
}

/** The cell of an indicator (by code) in a column (by header) of the "Chỉ tiêu" sheet. */
export function indicatorCell(wb: ExcelJS.Workbook, code: string, header: string): ExcelJS.Cell {
  const ws = sheet(wb, 'Chỉ tiêu');
  const codeCol = columnOf(ws, 'Mã chỉ tiêu');
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, codeCol).value === code) return ws.getCell(r, columnOf(ws, header));
  throw new Error(`no indicator ${code}`);
}

export interface ZipEntryIn {
  name: string;
  data: Buffer;
  /** Stored (0) or deflated (8, the default). */
  method?: 0 | 8;
  /** What the central directory claims the entry inflates to (default: the truth). */
  declaredSize?: number;
  flags?: number;
  /** Already deflated bytes to store instead of deflating `data` (a bomb too big to hold inflated). */
  deflated?: Buffer;
}

/** A zip written byte by byte, so that its headers can say what a test needs them to say. */
export function buildZip(entries: readonly ZipEntryIn[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const method = e.method ?? 8;
    const body = e.deflated ?? (method === 8 ? deflateRawSync(e.data) : e.data);
    const name = Buffer.from(e.name, 'utf8');
    const size = e.declaredSize ?? e.data.length;
    const header = (central: boolean) => {
      const h = Buffer.alloc(central ? 46 : 30);
      let at = 0;
      h.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, at);
      at += 4;
      if (central) at += 2; // version made by
      h.writeUInt16LE(20, at); // version needed
      h.writeUInt16LE(e.flags ?? 0, at + 2);
      h.writeUInt16LE(method, at + 4);
      h.writeUInt32LE(crc32(e.data) >>> 0, at + 10);
      h.writeUInt32LE(body.length, at + 14);
      h.writeUInt32LE(size, at + 18);
      h.writeUInt16LE(name.length, at + 22);
      if (central) h.writeUInt32LE(offset, 42);
      return Buffer.concat([h, name]);
    };
    const local = Buffer.concat([header(false), body]);
    centrals.push(header(true));
    locals.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, central, end]);
}

/** The entries of a workbook, changed by `change`, zipped again by hand. */
export function rezipped(bytes: Uint8Array, change: (entries: Map<string, Buffer>) => void): Buffer {
  const zip = openZip(bytes);
  if (!zip.ok) throw new Error(zip.message);
  change(zip.entries);
  return buildZip([...zip.entries].map(([name, data]) => ({ name, data })));
}
