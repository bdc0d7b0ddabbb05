/**
 * Opens an .xlsx (a zip) defensively, before any library inflates it: the central directory is
 * read first and the file refused when its declared sizes are too large (a zip bomb), then each
 * entry is inflated with a hard output cap equal to its declared size, since a declared size
 * can lie. Only what passes reaches exceljs, which inflates without limits.
 */
import { inflateRawSync } from 'node:zlib';
import { WORKBOOK_LIMITS } from './limits';

export type ZipEntries = Map<string, Buffer>;
export type ZipResult = { ok: true; entries: ZipEntries } | { ok: false; message: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MB = 1024 * 1024;

interface CentralEntry {
  name: string;
  method: number;
  flags: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

function findEndOfCentralDirectory(b: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) if (b.readUInt32LE(i) === EOCD) return i;
  return -1;
}

function readCentralDirectory(b: Buffer): CentralEntry[] | string {
  const end = findEndOfCentralDirectory(b);
  if (end < 0) return 'tệp không phải là tệp Excel .xlsx (không đọc được cấu trúc tệp nén)';
  const count = b.readUInt16LE(end + 10);
  const size = b.readUInt32LE(end + 12);
  const offset = b.readUInt32LE(end + 16);
  if (b.readUInt16LE(end + 4) !== 0 || b.readUInt16LE(end + 6) !== 0 || count !== b.readUInt16LE(end + 8))
    return 'tệp nén chia nhiều phần không được hỗ trợ';
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff)
    return 'tệp nén dạng ZIP64 (quá lớn) không được hỗ trợ; bảng tính chỉ tiêu không cần đến cỡ đó';
  if (count > WORKBOOK_LIMITS.maxEntries)
    return `tệp nén có ${count} thành phần, quá giới hạn ${WORKBOOK_LIMITS.maxEntries}: không phải bảng tính chỉ tiêu bình thường`;
  if (offset + size > end) return 'tệp nén bị hỏng (mục lục trỏ ra ngoài tệp)';
  const entries: CentralEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || b.readUInt32LE(at) !== CENTRAL) return 'tệp nén bị hỏng (mục lục không đọc được)';
    const nameLength = b.readUInt16LE(at + 28);
    const extraLength = b.readUInt16LE(at + 30);
    const commentLength = b.readUInt16LE(at + 32);
    entries.push({
      flags: b.readUInt16LE(at + 8),
      method: b.readUInt16LE(at + 10),
      compressed: b.readUInt32LE(at + 20),
      uncompressed: b.readUInt32LE(at + 24),
      localOffset: b.readUInt32LE(at + 42),
      name: b.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Refusals decided from the declared sizes alone, before a single byte is inflated. */
function checkDeclared(entries: readonly CentralEntry[]): string | undefined {
  if (entries.some((e) => e.uncompressed === 0xffffffff || e.compressed === 0xffffffff))
    return 'tệp nén dạng ZIP64 không được hỗ trợ';
  const total = entries.reduce((sum, e) => sum + e.uncompressed, 0);
  if (total > WORKBOOK_LIMITS.maxTotalUncompressedBytes)
    return `tệp giải nén ra hơn ${WORKBOOK_LIMITS.maxTotalUncompressedBytes / MB} MB: có thể là "bom nén" (zip bomb), không mở`;
  const names = new Set<string>();
  for (const e of entries) {
    if (names.has(e.name)) return `tệp nén có hai thành phần cùng tên "${e.name}"`;
    names.add(e.name);
    if (e.flags & 1) return 'tệp được mã hoá (đặt mật khẩu); hãy bỏ mật khẩu rồi tải lên lại';
    if (e.method !== 0 && e.method !== 8) return `thành phần "${e.name}" nén theo cách không được hỗ trợ (${e.method})`;
    if (e.uncompressed > WORKBOOK_LIMITS.ratioExemptBytes && e.uncompressed > e.compressed * WORKBOOK_LIMITS.maxEntryRatio)
      return `thành phần "${e.name}" nén với tỷ lệ bất thường (hơn ${WORKBOOK_LIMITS.maxEntryRatio} lần): có thể là "bom nén" (zip bomb), không mở`;
  }
  return undefined;
}

function inflateEntry(b: Buffer, e: CentralEntry): Buffer | string {
  const at = e.localOffset;
  if (at + 30 > b.length || b.readUInt32LE(at) !== LOCAL) return `tệp nén bị hỏng (thành phần "${e.name}")`;
  const start = at + 30 + b.readUInt16LE(at + 26) + b.readUInt16LE(at + 28);
  if (start + e.compressed > b.length) return `tệp nén bị hỏng (thành phần "${e.name}" bị cắt cụt)`;
  const data = b.subarray(start, start + e.compressed);
  if (e.method === 0) return e.compressed === e.uncompressed ? data : `tệp nén bị hỏng (thành phần "${e.name}")`;
  try {
    // The cap is the declared size (+1 so that "more than declared" is seen): memory stays bounded even if it lies.
    const out = inflateRawSync(data, { maxOutputLength: e.uncompressed + 1 });
    if (out.length !== e.uncompressed)
      return `thành phần "${e.name}" không đúng kích thước khai báo: tệp bị hỏng hoặc bị làm giả`;
    return out;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      return `thành phần "${e.name}" giải nén ra nhiều hơn kích thước khai báo: có thể là "bom nén" (zip bomb), không mở`;
    return `tệp nén bị hỏng (thành phần "${e.name}" không giải nén được)`;
  }
}

const XLS_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Every entry of the zip, inflated within the limits; or the Vietnamese reason it is refused. */
export function openZip(bytes: Uint8Array): ZipResult {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length > WORKBOOK_LIMITS.maxFileBytes)
    return fail(
      `tệp nặng ${(b.length / MB).toFixed(1).replace('.', ',')} MB, quá giới hạn ${WORKBOOK_LIMITS.maxFileBytes / MB} MB`,
    );
  if (b.subarray(0, 8).equals(XLS_SIGNATURE))
    return fail('đây là tệp Excel 97–2003 (.xls); hãy mở bằng Excel và lưu lại dưới dạng "Excel Workbook (.xlsx)"');
  if (b.length < 22 || b.readUInt32LE(0) !== LOCAL) return fail('tệp không phải là tệp Excel .xlsx');
  const central = readCentralDirectory(b);
  if (typeof central === 'string') return fail(central);
  const declared = checkDeclared(central);
  if (declared) return fail(declared);
  const entries: ZipEntries = new Map();
  for (const e of central) {
    if (e.name.endsWith('/')) continue;
    const out = inflateEntry(b, e);
    if (typeof out === 'string') return fail(out);
    entries.set(e.name, out);
  }
  return { ok: true, entries };
}
