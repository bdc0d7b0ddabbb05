/**
 * Reading a JSON request body within a byte limit, before anything is parsed:
 * - a declared Content-Length over the limit is refused (413) without reading a byte;
 * - a body without a length (chunked) is counted while it streams and refused at the limit;
 * - `Content-Encoding: gzip` (the phone compresses submissions, see src/sync/http.ts) is inflated
 *   with a cap on the OUTPUT, so a small zip bomb is refused (413) once the inflated text passes
 *   the limit, never inflated in full. Other encodings are refused (415).
 * Routes open to anonymous callers get a small limit (ANONYMOUS_BODY_BYTES), the rest the API's.
 */
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { AppContext } from './context';
import { ApiError } from './errors';

/** Sign-in and enrollment bodies are under 1 KB; 16 KB leaves room and costs nothing to parse. */
export const ANONYMOUS_BODY_BYTES = 16 * 1024;

const inflate = promisify(gunzip);

export function tooLarge(maxBytes: number): ApiError {
  const size = maxBytes >= 1024 * 1024 ? `${maxBytes / 1024 / 1024} MB` : `${maxBytes / 1024} KB`;
  return new ApiError(413, 'payload_too_large', `Request body over ${size}`, { maxBytes });
}

async function readCounted(c: AppContext, maxBytes: number): Promise<Buffer> {
  const stream = c.req.raw.body;
  if (!stream) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

async function readBytes(c: AppContext, maxBytes: number): Promise<Buffer> {
  const length = c.req.header('content-length');
  if (length === undefined || c.req.header('transfer-encoding') !== undefined) return readCounted(c, maxBytes);
  if (Number(length) > maxBytes) throw tooLarge(maxBytes);
  // Node's parser never delivers more than the declared length.
  return Buffer.from(await c.req.arrayBuffer());
}

/** The body as bytes (an uploaded workbook), inflated if gzipped; at most maxBytes before and after. */
export async function readBodyBytes(c: AppContext, maxBytes: number): Promise<Buffer> {
  const encoding = (c.req.header('content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity') return readBytes(c, maxBytes);
  return inflateCapped(c, encoding, maxBytes);
}

async function inflateCapped(c: AppContext, encoding: string, maxBytes: number): Promise<Buffer> {
  if (encoding !== 'gzip' && encoding !== 'x-gzip')
    throw new ApiError(415, 'unsupported_encoding', 'Send the body as plain JSON or gzip');
  const compressed = await readBytes(c, maxBytes);
  try {
    return await inflate(compressed, { maxOutputLength: maxBytes });
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(maxBytes);
    throw new ApiError(400, 'malformed_gzip', 'The body is not valid gzip');
  }
}

/** The body as text, inflated if gzipped; at most maxBytes before and after inflating. */
export async function readBodyText(c: AppContext, maxBytes: number): Promise<string> {
  const encoding = (c.req.header('content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity') {
    const length = c.req.header('content-length');
    // The common case keeps the adapter's direct read (no web stream, no extra copy).
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (Number(length) > maxBytes) throw tooLarge(maxBytes);
      return c.req.text();
    }
    return (await readCounted(c, maxBytes)).toString('utf8');
  }
  return (await inflateCapped(c, encoding, maxBytes)).toString('utf8');
}
