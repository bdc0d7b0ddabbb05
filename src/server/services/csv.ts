/**
 * CSV for Excel: UTF-8 with a byte-order mark (without it Excel shows Vietnamese as mojibake),
 * CRLF line ends, RFC 4180 quoting, and text that looks like a formula defused with a quote.
 */
export type CsvValue = string | number | boolean | null | undefined;

const BOM = '\uFEFF';

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  // "=HYPERLINK(…)" typed into a free-text field must not run in the reviewer's spreadsheet.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return BOM + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
