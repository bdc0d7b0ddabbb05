/**
 * Checks on the workbook's own XML, done on the entries the zip guard inflated and before exceljs
 * reads anything: what we refuse is refused even where exceljs would quietly drop or keep it.
 * Values only: no formulas (a published index must not change when a cell is recalculated), no
 * merged cells (a merge hides which row a value belongs to), no hidden sheets (nothing the
 * reviewer cannot see), no macros, external links, data connections or embedded objects.
 */
import type { ZipEntries } from './zip-guard';
import { WORKBOOK_LIMITS } from './limits';
import type { Problem } from './problem';

/** Named problems listed per kind before the rest are summed up in one line. */
const MAX_LISTED = 20;

const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');

const attr = (tag: string, name: string): string | undefined => new RegExp(`(?:^|\\s)${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1];

function resolveTarget(target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.') out.push(p);
  }
  return out.join('/');
}

interface SheetRef {
  name: string;
  state: string;
  part: string | undefined;
}

function sheetsOf(entries: ZipEntries): SheetRef[] {
  const workbook = entries.get('xl/workbook.xml')?.toString('utf8') ?? '';
  const rels = entries.get('xl/_rels/workbook.xml.rels')?.toString('utf8') ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attr(m[1] ?? '', 'Id');
    const target = attr(m[1] ?? '', 'Target');
    if (id && target) targets.set(id, resolveTarget(decode(target)));
  }
  return [...workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)].map((m) => {
    const tag = m[1] ?? '';
    const id = attr(tag, '\\w+:id');
    return {
      name: decode(attr(tag, 'name') ?? ''),
      state: attr(tag, 'state') ?? 'visible',
      part: id ? targets.get(id) : undefined,
    };
  });
}

function listed(problems: Problem[], more: number, what: string): Problem[] {
  return more > 0 ? [...problems, { message: `… và ${more} ${what} khác` }] : problems;
}

function cellAt(sheet: string, ref: string, message: string): Problem {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  return m?.[1] && m[2] ? { message, sheet, row: Number(m[2]), column: m[1], cell: `${sheet}!${ref}` } : { message, sheet };
}

/** The address of the cell whose <f> starts at `at`: its opening <c r="…"> comes just before. */
function formulaCell(xml: string, at: number): string {
  const before = xml.slice(Math.max(0, at - 1000), at);
  const tags = [...before.matchAll(/<(?:\w+:)?c\s([^>]*)>/g)];
  return attr(tags.at(-1)?.[1] ?? '', 'r') ?? '';
}

/** How many times `re` (global) matches, and the first `keep` matches, without holding them all. */
function scan(xml: string, re: RegExp, keep: number): { count: number; first: RegExpExecArray[] } {
  const first: RegExpExecArray[] = [];
  let count = 0;
  for (let m = re.exec(xml); m; m = re.exec(xml)) if (count++ < keep) first.push(m);
  return { count, first };
}

function checkSheetXml(sheet: string, xml: string): Problem[] {
  const problems: Problem[] = [];
  // Linear scans only: this runs on XML nobody has parsed yet, perhaps written to make a regex backtrack.
  const rows = scan(xml, /<(?:\w+:)?row\b/g, 0).count;
  if (rows > WORKBOOK_LIMITS.maxRowsPerSheet)
    problems.push({ sheet, message: `sheet "${sheet}" có ${rows} dòng, quá giới hạn ${WORKBOOK_LIMITS.maxRowsPerSheet} dòng` });
  const formulas = scan(xml, /<(?:\w+:)?f[\s>/]/g, MAX_LISTED);
  const message = 'ô có công thức: chỉ nhập giá trị (hãy sao chép rồi "Dán giá trị")';
  const named = formulas.first.map((m) => cellAt(sheet, formulaCell(xml, m.index), message));
  problems.push(...listed(named, formulas.count - named.length, 'ô có công thức'));
  const merges = scan(xml, /<(?:\w+:)?mergeCell\b([^>]*)>/g, MAX_LISTED);
  const merged = merges.first.map((m) => {
    const ref = attr(m[1] ?? '', 'ref') ?? '';
    return cellAt(sheet, ref.split(':')[0] ?? '', `ô gộp ${ref}: hãy bỏ gộp ô (Merge & Center) để mỗi ô giữ giá trị của mình`);
  });
  problems.push(...listed(merged, merges.count - merged.length, 'vùng ô gộp'));
  return problems;
}

/** Every problem of the package; an empty list means exceljs may read it. */
export function checkPackage(entries: ZipEntries): Problem[] {
  if (!entries.has('[Content_Types].xml') || !entries.has('xl/workbook.xml'))
    return [{ message: 'tệp nén này không phải bảng tính Excel .xlsx' }];
  const problems: Problem[] = [];
  const names = [...entries.keys()];
  const contentTypes = entries.get('[Content_Types].xml')?.toString('utf8') ?? '';
  if (names.some((n) => /vbaProject\.bin$/i.test(n)) || /macroEnabled/i.test(contentTypes))
    problems.push({ message: 'tệp có macro (VBA): hãy lưu lại dưới dạng "Excel Workbook (.xlsx)" không có macro' });
  if (names.some((n) => n.startsWith('xl/externalLinks/')))
    problems.push({ message: 'tệp có liên kết tới tệp khác (External Links): hãy chọn Data › Edit Links › Break Link' });
  if (names.some((n) => n === 'xl/connections.xml' || n.startsWith('xl/queryTables/')))
    problems.push({
      message: 'tệp có kết nối dữ liệu ngoài (Data › Queries & Connections): hãy xoá các kết nối, chỉ giữ lại giá trị',
    });
  if (names.some((n) => /^xl\/(embeddings|activeX)\//.test(n)))
    problems.push({ message: 'tệp có đối tượng nhúng (OLE/ActiveX): hãy xoá chúng, chỉ giữ lại các ô giá trị' });
  for (const s of sheetsOf(entries)) {
    if (s.state === 'hidden' || s.state === 'veryHidden')
      problems.push({ sheet: s.name, message: `sheet "${s.name}" đang bị ẩn: hãy hiện (Unhide) hoặc xoá nó` });
    const xml = s.part ? entries.get(s.part)?.toString('utf8') : undefined;
    if (xml !== undefined) problems.push(...checkSheetXml(s.name, xml));
  }
  return problems;
}
