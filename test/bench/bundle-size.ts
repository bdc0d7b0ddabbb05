/**
 * Measures what a phone downloads: the JavaScript the first screen loads (the entry and every chunk
 * it imports statically, followed transitively), and everything the service worker precaches.
 * Reads the production build in dist/; sizes are gzip -9, as a server would send them.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

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

export function precacheGzip(distDir: string): { files: number; bytes: number; missing: string[] } {
  const urls = precacheUrls(distDir);
  const missing: string[] = [];
  let bytes = 0;
  for (const url of urls) {
    const file = join(distDir, url.replace(/^\.?\//, ''));
    if (!existsSync(file)) {
      missing.push(url);
      continue;
    }
    bytes += gzipBytes(readFileSync(file));
  }
  return { files: urls.length, bytes, missing };
}
