/**
 * Is a PDF a document and nothing more? Evidence PDFs are scanned decisions and minutes; a PDF
 * that runs JavaScript, launches a program, or carries embedded files is an attack on the
 * reviewer's computer, so it is refused. The check reads names the way a PDF reader does: a name
 * may be written with #xx escapes (/J#61vaScript is /JavaScript), and dictionaries may sit in
 * compressed object streams, which are inflated and read too; an object stream that cannot be
 * read is refused rather than trusted.
 */
import { inflateSync } from 'node:zlib';

export type PdfCheck = { ok: true } | { ok: false; reason: string; code: 'pdf_active_content' | 'pdf_unreadable' };

/** Actions and payloads a reviewer's PDF reader must never meet. */
const ACTIVE_NAMES = new Set(['JavaScript', 'JS', 'Launch', 'EmbeddedFile', 'EmbeddedFiles', 'RichMedia', 'XFA']);
/** An object stream inflates to its dictionaries; far more than any scanned document's. */
const MAX_INFLATED = 16 * 1024 * 1024;
const NAME = /\/([^\s()<>[\]{}/%]*)/g;

function decodeName(raw: string): string {
  return raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function activeName(text: string): string | undefined {
  for (const match of text.matchAll(NAME)) {
    const name = decodeName(match[1] ?? '');
    if (ACTIVE_NAMES.has(name)) return name;
  }
  return undefined;
}

interface Stream {
  /** Its object's text from "obj" to "stream", names unescaped. */
  dict: string;
  data: Uint8Array;
}

/**
 * Splits the file into the text outside streams (where dictionaries are written) and the streams.
 * Stream bytes are never read as names: 10 MB of image data holds "/JS " by chance.
 */
function split(bytes: Uint8Array, text: string): { outside: string; streams: Stream[] } {
  const keyword = /(?<!end)stream(\r\n|\n|\r)/g;
  const streams: Stream[] = [];
  let outside = '';
  let from = 0;
  for (let match = keyword.exec(text); match; match = keyword.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    outside += text.slice(from, start);
    const dict = text.slice(Math.max(0, text.lastIndexOf('obj', match.index)), match.index);
    streams.push({ dict: decodeName(dict), data: bytes.subarray(start, end) });
    from = end;
    keyword.lastIndex = end + 9;
  }
  return { outside: outside + text.slice(from), streams };
}

const FLATE_ONLY = /\/Filter\s*(\[\s*)?\/FlateDecode\s*\]?/;

/** The dictionaries packed in an object stream, or why they cannot be read. */
function objectStreamText(stream: Stream): string | undefined {
  if (!/\/Filter/.test(stream.dict)) return Buffer.from(stream.data).toString('latin1');
  if (!FLATE_ONLY.test(stream.dict)) return undefined;
  try {
    return inflateSync(stream.data, { maxOutputLength: MAX_INFLATED }).toString('latin1');
  } catch {
    return undefined;
  }
}

export function checkPdf(bytes: Uint8Array): PdfCheck {
  // Latin-1 keeps one character per byte, so offsets in the text are offsets in the bytes.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!text.slice(0, 1024).includes('%PDF-')) return { ok: false, code: 'pdf_unreadable', reason: 'not a PDF' };
  if (!text.slice(-1024).includes('%%EOF')) return { ok: false, code: 'pdf_unreadable', reason: 'the PDF is truncated' };
  const { outside, streams } = split(bytes, text);
  const found = activeName(outside);
  if (found) return { ok: false, code: 'pdf_active_content', reason: `the PDF contains /${found}` };
  for (const stream of streams) {
    // A stream whose type is not written plainly could be an object stream in disguise.
    if (/\/Type\s*\d+\s+\d+\s+R/.test(stream.dict))
      return { ok: false, code: 'pdf_unreadable', reason: 'a stream hides its type' };
    if (!/\/Type\s*\/ObjStm/.test(stream.dict)) continue;
    const inner = objectStreamText(stream);
    if (inner === undefined) return { ok: false, code: 'pdf_unreadable', reason: 'an object stream cannot be read' };
    const name = activeName(inner);
    if (name) return { ok: false, code: 'pdf_active_content', reason: `the PDF contains /${name}` };
  }
  return { ok: true };
}
