/**
 * Serves the built PWA (dist/). Vite's hashed files are immutable and cached for a year; the
 * service worker and index.html are revalidated on every load so that an update is seen at once.
 * Unknown paths without a file extension get index.html (client-side routes such as /#/enroll
 * are hash-based, but a deep link must still open the app).
 *
 * Text files go out brotli- or gzip-compressed when the client accepts it (static-cache.ts keeps
 * each file and its compressed forms in memory), with `Vary: Accept-Encoding` so that caches keep
 * the forms apart, and an ETag per form. Images and fonts are already compressed: sent as they are.
 * HEAD is answered by Hono from the GET handler, headers included.
 */
import path from 'node:path';
import type { Context, Hono } from 'hono';
import type { AppEnv } from './context';
import { styleHashSources } from './inline-styles';
import { API_PREFIX } from './routes/registry';
import { contentSecurityPolicy } from './security-headers';
import { isCompressible, negotiate, StaticCache, type Variant } from './static-cache';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** Vite puts content-hashed files under assets/ and names them name-<hash>.ext (workbox-<hash>.js at the root). */
export function cacheControlFor(relativePath: string): string {
  const name = path.posix.basename(relativePath);
  if (name === 'sw.js' || name === 'index.html') return REVALIDATE;
  if (relativePath.startsWith('assets/') || /-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(name)) return IMMUTABLE;
  return REVALIDATE;
}

/** A page's CSP, per cached page body: its inline styles allowed by hash (inline-styles.ts). */
const pagePolicies = new WeakMap<Uint8Array, string>();

function pagePolicy(page: Variant): string {
  let policy = pagePolicies.get(page.body);
  if (!policy) {
    policy = contentSecurityPolicy(styleHashSources(Buffer.from(page.body).toString('utf8')));
    pagePolicies.set(page.body, policy);
  }
  return policy;
}

/** If-None-Match: a list of ETags (weak comparison, as RFC 9110 asks for GET) or `*`. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

async function send(c: Context<AppEnv>, cache: StaticCache, file: string, relativePath: string): Promise<Response | undefined> {
  const entry = await cache.get(file);
  if (!entry) return undefined;
  const compressible = isCompressible(relativePath);
  let variant: Variant = entry.identity;
  for (const coding of compressible ? negotiate(c.req.header('accept-encoding')) : []) {
    const v = await cache.encoded(file, entry, coding);
    if (v) {
      variant = v;
      break;
    }
  }
  const headers: Record<string, string> = {
    'Content-Type': CONTENT_TYPES[path.extname(relativePath).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': cacheControlFor(relativePath),
    ETag: variant.etag,
  };
  if (path.extname(relativePath).toLowerCase() === '.html') headers['Content-Security-Policy'] = pagePolicy(entry.identity);
  // Every answer for a compressible file depends on Accept-Encoding, the plain one and 304s too.
  if (compressible) headers.Vary = 'Accept-Encoding';
  if (matches(c.req.header('if-none-match'), variant.etag)) return c.body(null, 304, headers);
  if (variant.coding) headers['Content-Encoding'] = variant.coding;
  headers['Content-Length'] = String(variant.body.byteLength);
  return c.body(variant.body, 200, headers);
}

export function serveStaticApp(app: Hono<AppEnv>, staticDir: string): void {
  const root = path.resolve(staticDir);
  const cache = new StaticCache();
  /** The absolute path of a file under root, or undefined for anything that escapes it. */
  const inside = (relativePath: string): string | undefined => {
    const file = path.resolve(root, relativePath);
    return file !== root && !file.startsWith(root + path.sep) ? undefined : file;
  };
  app.get('*', async (c, next) => {
    const pathname = new URL(c.req.url).pathname;
    if (pathname === API_PREFIX || pathname.startsWith(`${API_PREFIX}/`) || pathname.startsWith('/api/')) return next();
    let relative: string;
    try {
      relative = decodeURIComponent(pathname).replace(/^\/+/, '');
    } catch {
      return next();
    }
    if (relative.includes('\0')) return next();
    // "/review" typed in the address bar opens the reviewer area. The app routes by hash and its
    // assets are relative to the page, so send the browser to the app's root with that hash; the
    // Location is relative ("./" or "../") so that it holds behind a proxy that mounts us on a sub-path.
    if (relative === 'review' || relative === 'review/') {
      return c.redirect(relative === 'review' ? './#/review' : '../#/review', 302);
    }
    if (relative === '' || relative.endsWith('/')) relative += 'index.html';
    const file = inside(relative);
    const sent = file && (await send(c, cache, file, relative));
    if (sent) return sent;
    // A missing asset is a 404; a missing page is the app (SPA fallback).
    if (path.extname(relative) !== '') return next();
    return (await send(c, cache, path.join(root, 'index.html'), 'index.html')) ?? next();
  });
}
