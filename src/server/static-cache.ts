/**
 * The files of dist/ in memory, each with its compressed forms, for src/server/static.ts.
 *
 * A phone on a slow mobile link pays for every byte of JavaScript (issue #4): text files go out
 * brotli- or gzip-compressed. The build writes `<file>.br` and `<file>.gz` next to each text file
 * (vite.config.ts); a twin is used only after it has been decompressed and found equal to the
 * file, so a stale twin from an older build is never served. Without a usable twin the file is
 * compressed once, off the event loop (zlib's thread pool), and kept. An entry is rebuilt when its
 * file's size or mtime changes.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { extname } from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

export type Coding = 'br' | 'gzip';

export interface Variant {
  /** Its own ArrayBuffer (copied once when cached), as a Response body wants. */
  body: Uint8Array<ArrayBuffer>;
  /** Strong ETag: a different one per content coding, as the bytes differ. */
  etag: string;
  coding?: Coding;
}

interface Entry {
  mtimeMs: number;
  size: number;
  identity: Variant;
  /** Started on first demand; undefined inside when compressing does not make it smaller. */
  coded: Partial<Record<Coding, Promise<Variant | undefined>>>;
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const unbrotli = promisify(zlib.brotliDecompress);
const gunzip = promisify(zlib.gunzip);

/** Types worth compressing: text. PNG, JPEG, WebP, WOFF2 are compressed formats already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.txt', '.map', '.wasm', '.ico']);

export function isCompressible(relativePath: string): boolean {
  return COMPRESSIBLE.has(extname(relativePath).toLowerCase());
}

const TWIN: Record<Coding, string> = { br: '.br', gzip: '.gz' };
const ETAG_SUFFIX: Record<Coding, string> = { br: '.br', gzip: '.gz' };

/** Compression on the fly: brotli 9 is close to 11 in size at a fraction of the time. */
export function compress(coding: Coding, data: Uint8Array, best = false): Promise<Buffer> {
  if (coding === 'gzip') return gzip(data, { level: 9 });
  return brotli(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: best ? 11 : 9,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.byteLength,
    },
  });
}

function decompress(coding: Coding, data: Uint8Array): Promise<Buffer> {
  return coding === 'gzip' ? gunzip(data) : unbrotli(data);
}

/** The precompressed twin if it decodes to exactly `data`; otherwise undefined. */
async function readTwin(file: string, coding: Coding, data: Uint8Array): Promise<Buffer | undefined> {
  try {
    const twin = await fs.readFile(file + TWIN[coding]);
    return Buffer.compare(await decompress(coding, twin), data) === 0 ? twin : undefined;
  } catch {
    return undefined;
  }
}

async function encode(file: string, identity: Variant, coding: Coding): Promise<Variant | undefined> {
  try {
    const body = (await readTwin(file, coding, identity.body)) ?? (await compress(coding, identity.body));
    if (body.byteLength >= identity.body.byteLength) return undefined;
    return { body: new Uint8Array(body), etag: identity.etag.slice(0, -1) + ETAG_SUFFIX[coding] + '"', coding };
  } catch {
    return undefined; // compression failed: the plain file still goes out
  }
}

/** Whole dist/ is about 1 MB; the bound only guards against a huge file put there by mistake. */
const MAX_CACHED_BYTES = 64 * 1024 * 1024;

export class StaticCache {
  private entries = new Map<string, Entry>();
  private bytes = 0;

  /** The file's plain form (read, hashed and cached on first use), or undefined if it is not a file. */
  async get(file: string): Promise<Entry | undefined> {
    let stat;
    try {
      stat = await fs.stat(file);
    } catch {
      return undefined;
    }
    if (!stat.isFile()) return undefined;
    const cached = this.entries.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached;
    const data = await fs.readFile(file).catch(() => undefined);
    if (!data) return undefined;
    const body = new Uint8Array(data);
    const entry: Entry = {
      mtimeMs: stat.mtimeMs,
      size: stat.size,
      identity: { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` },
      coded: {},
    };
    this.remember(file, entry);
    return entry;
  }

  /** The file in `coding`, or undefined when that coding is not worth it (or failed). */
  encoded(file: string, entry: Entry, coding: Coding): Promise<Variant | undefined> {
    entry.coded[coding] ??= encode(file, entry.identity, coding).then((v) => {
      if (v) this.bytes += v.body.byteLength;
      return v;
    });
    return entry.coded[coding];
  }

  private remember(file: string, entry: Entry): void {
    const old = this.entries.get(file);
    if (old) this.forget(file, old);
    this.entries.set(file, entry);
    this.bytes += entry.identity.body.byteLength;
    // Oldest first (Map keeps insertion order); the newest entry always stays.
    for (const [key, e] of this.entries) {
      if (this.bytes <= MAX_CACHED_BYTES || key === file) break;
      this.forget(key, e);
    }
  }

  private forget(file: string, entry: Entry): void {
    this.entries.delete(file);
    this.bytes -= entry.identity.body.byteLength;
    for (const p of Object.values(entry.coded)) void p.then((v) => v && (this.bytes -= v.body.byteLength));
  }
}

/**
 * The codings an Accept-Encoding header allows, best first (highest q; brotli first on a tie).
 * Empty: send the file as it is. `*` stands for the codings the header does not name.
 */
export function negotiate(acceptEncoding: string | undefined): Coding[] {
  if (!acceptEncoding) return [];
  const q = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const weight = (c: Coding) => q.get(c) ?? (c === 'gzip' ? q.get('x-gzip') : undefined) ?? q.get('*') ?? 0;
  return (['br', 'gzip'] as const).filter((c) => weight(c) > 0).sort((a, b) => weight(b) - weight(a));
}
