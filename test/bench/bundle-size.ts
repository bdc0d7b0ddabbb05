/**
 * Measures what a phone downloads: the JavaScript the first screen loads (the entry and every chunk
 * it imports statically, followed transitively), and what the service worker precaches at install.
 * Reads the production build in dist/; sizes are gzip -9, as a server would send them.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { langOfUrl, planPrecache } from '../../src/sw/policy';

export const gzipBytes = (buf: Buffer | string): number => gzipSync(buf, { level: 9 }).length;

/** Static imports only: `import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"`; never `import("…")`. */
const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g;

export function staticImportsOf(code: string): string[] {
  const found: string[] = [];
  for (const m of code.matchAll(STATIC_IMPORT)) if (m[1]) found.push(m[1]);
  return found;
}

/** The entry scripts and modulepreloads index.html names, then their static import closure. */
export function firstScreenScripts(distDir: string): string[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const roots = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => (m[1] ?? '').replace(/^\.?\//, ''));
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const rel = queue.shift() as string;
    if (seen.has(rel)) continue;
    seen.add(rel);
    const code = readFileSync(join(distDir, rel), 'utf8');
    for (const spec of staticImportsOf(code)) {
      if (!spec.startsWith('.')) continue;
      queue.push(normalize(join(dirname(rel), spec)));
    }
  }
  return [...seen];
}

export function firstScreenJsGzip(distDir: string): { files: string[]; bytes: number } {
  const files = firstScreenScripts(distDir);
  const bytes = files.reduce((sum, f) => sum + gzipBytes(readFileSync(join(distDir, f))), 0);
  return { files, bytes };
}

/**
 * URLs in the precache manifest that injectManifest wrote into sw.js: entries such as
 * {"revision":"…","url":"index.html"} or {url:"…",revision:null}, keys in either order.
 */
export function precacheUrls(distDir: string): string[] {
  const sw = readFileSync(join(distDir, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/\{[^{}]*?"?url"?\s*:\s*"([^"]+)"[^{}]*\}/g)].map((m) => m[1] as string);
  return [...new Set(urls)];
}

export interface PrecacheBytes {
  files: number;
  /** gzip -9 bytes of what a Vietnamese-reading phone's worker fetches at install. */
  bytes: number;
  /** Entries the worker defers until first use (other languages, the reviewer area), by area. */
  deferred: { files: number; bytes: number; byArea: Record<string, number> };
  missing: string[];
}

/**
 * The manifest split as the worker itself splits it (planPrecache of src/sw/policy.ts, with no
 * other language in use): what it fetches at install is what a phone pays; the deferred areas
 * are fetched only when someone opens them (a reviewer on an office PC, a user choosing English).
 */
export function precacheGzip(distDir: string): PrecacheBytes {
  const urls = precacheUrls(distDir);
  const base = 'https://bench.invalid/';
  const { deferred } = planPrecache(
    urls.map((url) => ({ url, revision: null })),
    base,
    new Set(),
  );
  const later = new Set(deferred);
  const missing: string[] = [];
  const out: PrecacheBytes = { files: 0, bytes: 0, deferred: { files: 0, bytes: 0, byArea: {} }, missing };
  for (const url of urls) {
    const file = join(distDir, url.replace(/^\.?\//, ''));
    if (!existsSync(file)) {
      missing.push(url);
      continue;
    }
    const size = gzipBytes(readFileSync(file));
    const abs = new URL(url, base).href;
    if (later.has(abs)) {
      const area = langOfUrl(abs) ?? 'other';
      out.deferred.files++;
      out.deferred.bytes += size;
      out.deferred.byArea[area] = (out.deferred.byArea[area] ?? 0) + size;
    } else {
      out.files++;
      out.bytes += size;
    }
  }
  return out;
}
