/**
 * Serves the built PWA (dist/). Vite's hashed files are immutable and cached for a year; the
 * service worker and index.html are revalidated on every load so that an update is seen at once.
 * Unknown paths without a file extension get index.html (client-side routes such as /#/enroll
 * are hash-based, but a deep link must still open the app).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Context, Hono } from 'hono';
import type { AppEnv } from './context';
import { API_PREFIX } from './routes/registry';

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

async function readFile(root: string, relativePath: string): Promise<{ data: Buffer; mtime: Date } | undefined> {
  const file = path.resolve(root, relativePath);
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return undefined;
    return { data: await fs.readFile(file), mtime: stat.mtime };
  } catch {
    return undefined;
  }
}

function send(c: Context<AppEnv>, relativePath: string, file: { data: Buffer }): Response {
  const etag = `"${createHash('sha1').update(file.data).digest('base64url')}"`;
  const headers = {
    'Content-Type': CONTENT_TYPES[path.extname(relativePath).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': cacheControlFor(relativePath),
    ETag: etag,
  };
  if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
  return c.body(new Uint8Array(file.data), 200, headers);
}

export function serveStaticApp(app: Hono<AppEnv>, staticDir: string): void {
  const root = path.resolve(staticDir);
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
    if (relative === '' || relative.endsWith('/')) relative += 'index.html';
    const file = await readFile(root, relative);
    if (file) return send(c, relative, file);
    // A missing asset is a 404; a missing page is the app (SPA fallback).
    if (path.extname(relative) !== '') return next();
    const index = await readFile(root, 'index.html');
    return index ? send(c, 'index.html', index) : next();
  });
}
