/**
 * Serves the production build on 127.0.0.1 for the browser benchmarks: the real server
 * (src/server, static hosting of dist/, temp SQLite) when it starts, otherwise a minimal
 * static server with gzip, so that the page figures can still be measured. The description
 * says which one served, and whether responses were compressed.
 */
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { PartContext } from './report';
import { freePort, startServer } from './server-process';

export interface ServedApp {
  url: string;
  description: string;
  /** Content-Encoding of the entry script when gzip is offered ('none' when uncompressed). */
  encoding: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** dist/ over HTTP with gzip and the same cache headers as the real server (for comparison, or as a fallback). */
export async function gzipStaticServer(ctx: PartContext): Promise<string> {
  const port = await freePort();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let rel = normalize(path)
      .replace(/^(\.\.[/\\])+/, '')
      .replace(/^\/+/, '');
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = join(ctx.dist, rel);
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const cache = rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && /text|json|svg|manifest/.test(type)) {
      const body = gzipSync(readFileSync(file));
      res.writeHead(200, {
        'Content-Type': type,
        'Cache-Control': cache,
        'Content-Encoding': 'gzip',
        'Content-Length': body.length,
      });
      res.end(body);
      return;
    }
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': cache });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  ctx.defer(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${port}`;
}

/** Content-Encoding of the entry script when gzip is offered. */
async function compression(url: string, dist: string): Promise<string> {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = /<script[^>]*type="module"[^>]*src="\.?\/?([^"]+)"/.exec(html)?.[1];
  if (!entry) return 'unknown';
  const res = await fetch(`${url}/${entry}`, { headers: { 'Accept-Encoding': 'gzip, br' } });
  await res.arrayBuffer();
  return res.headers.get('content-encoding') ?? 'none';
}

export async function serveApp(ctx: PartContext): Promise<ServedApp> {
  if (!existsSync(join(ctx.dist, 'index.html'))) throw new Error('no production build in dist/ (run npm run build)');
  const dataDir = mkdtempSync(join(tmpdir(), 'xaso-bench-app-'));
  ctx.defer(() => rmSync(dataDir, { recursive: true, force: true }));
  let url: string;
  let who: string;
  try {
    const server = await startServer({ root: ctx.root, dataDir, staticDir: ctx.dist, adminPassword: 'bench-admin-password-1' });
    ctx.defer(server.stop);
    url = server.url;
    who = 'served by the real server (src/server static hosting)';
  } catch (error) {
    ctx.log(`real server unavailable (${error instanceof Error ? error.message : String(error)}); using a plain static server`);
    url = await gzipStaticServer(ctx);
    who = 'served by a plain gzip static server (the real server could not start)';
  }
  const encoding = await compression(url, ctx.dist);
  return { url, encoding, description: `${who}, Content-Encoding of scripts: ${encoding}` };
}
