/**
 * Compression of the built PWA (src/server/static.ts, static-cache.ts): text files go out as
 * brotli or gzip when the client accepts it, with Vary: Accept-Encoding, an ETag per coding and
 * the right Content-Length; images never; a precompressed twin from the build is used only when it
 * decodes to the file. Static hosting does not touch the database: SQLite only.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve } from '@hono/node-server';
import { afterAll, describe, expect, it } from 'vitest';
import { negotiate } from '../../src/server/static-cache';
import { serverPerTest, type TestServer } from './harness';

const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'xaso-dist-gz-'));
fs.mkdirSync(path.join(dist, 'assets'));
// Text that compresses well, with Vietnamese in it (multi-byte UTF-8).
const script = Array.from({ length: 400 }, (_, i) => `export const nhan${i} = "Tự đánh giá chuyển đổi số cấp xã ${i}";\n`).join(
  '',
);
const write = (rel: string, data: string | Buffer) => fs.writeFileSync(path.join(dist, rel), data);
write('index.html', `<!doctype html><html lang="vi"><title>Xã số</title>${'<p>Xã số</p>'.repeat(200)}</html>`);
write('assets/app-Bx7f9kQ2.js', script);
write('assets/tiny-Ab12Cd34.js', 'x');
// A PNG is compressed already: its bytes must go out as they are.
const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(4000, 7)]);
write('assets/icon-Zz99Yy88.png', png);
// Twins as the build writes them: a correct one (gzip level 1, so it differs from what the server
// would make itself) and a stale one left from another version of the file.
const twinned = script.replace(/nhan/g, 'ten');
write('assets/twin-Qw12Er34.js', twinned);
write('assets/twin-Qw12Er34.js.gz', zlib.gzipSync(twinned, { level: 1 }));
write('assets/stale-Ty56Ui78.js', script);
write('assets/stale-Ty56Ui78.js.br', zlib.brotliCompressSync('an older build of this file'));
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

interface Raw {
  status: number;
  headers: Headers;
  body: Buffer;
}

async function get(s: TestServer, url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  const res = await s.xaso.app.request(url, { method, headers });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

function decode(r: Raw): string {
  const coding = r.headers.get('content-encoding');
  const plain = coding === 'br' ? zlib.brotliDecompressSync(r.body) : coding === 'gzip' ? zlib.gunzipSync(r.body) : r.body;
  return plain.toString('utf8');
}

describe('Accept-Encoding negotiation', () => {
  it('orders the acceptable codings by q, brotli first on a tie, and honours q=0 and *', () => {
    expect(negotiate(undefined)).toEqual([]);
    expect(negotiate('')).toEqual([]);
    expect(negotiate('identity')).toEqual([]);
    expect(negotiate('gzip, deflate, br, zstd')).toEqual(['br', 'gzip']);
    expect(negotiate('gzip')).toEqual(['gzip']);
    expect(negotiate('x-gzip')).toEqual(['gzip']);
    expect(negotiate('GZIP;Q=0.5, BR;q=0.8')).toEqual(['br', 'gzip']);
    expect(negotiate('gzip;q=1, br;q=0.5')).toEqual(['gzip', 'br']);
    expect(negotiate('br;q=0, gzip')).toEqual(['gzip']);
    expect(negotiate('*')).toEqual(['br', 'gzip']);
    expect(negotiate('br;q=0, *')).toEqual(['gzip']);
    expect(negotiate('*;q=0')).toEqual([]);
    expect(negotiate('gzip;q=nonsense')).toEqual([]);
  });
});

describe('compressed static files', () => {
  const server = serverPerTest('sqlite', { staticDir: dist });

  it('sends brotli, gzip or the plain file as asked, each decoding to the file, with its own ETag', async () => {
    const s = server();
    const br = await get(s, '/assets/app-Bx7f9kQ2.js', { 'accept-encoding': 'gzip, deflate, br' });
    const gz = await get(s, '/assets/app-Bx7f9kQ2.js', { 'accept-encoding': 'gzip' });
    const plain = await get(s, '/assets/app-Bx7f9kQ2.js');
    expect([
      br.headers.get('content-encoding'),
      gz.headers.get('content-encoding'),
      plain.headers.get('content-encoding'),
    ]).toEqual(['br', 'gzip', null]);
    for (const r of [br, gz, plain]) {
      expect(r.status).toBe(200);
      expect(decode(r)).toBe(script);
      expect(r.headers.get('vary')).toBe('Accept-Encoding');
      expect(r.headers.get('content-length')).toBe(String(r.body.byteLength));
      expect(r.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(r.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    expect(br.body.byteLength).toBeLessThan(script.length / 5);
    expect(new Set([br, gz, plain].map((r) => r.headers.get('etag'))).size).toBe(3);
    // The SPA fallback is compressed the same way.
    const route = await get(s, '/review/04', { 'accept-encoding': 'br' });
    expect(route.headers.get('content-encoding')).toBe('br');
    expect(decode(route)).toContain('<title>Xã số</title>');
  });

  it('answers 304 to the ETag of the coding it would send, with Vary, and 200 to another coding’s', async () => {
    const s = server();
    const gz = await get(s, '/assets/app-Bx7f9kQ2.js', { 'accept-encoding': 'gzip' });
    const etag = gz.headers.get('etag') ?? '';
    const again = await get(s, '/assets/app-Bx7f9kQ2.js', { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.byteLength).toBe(0);
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('vary')).toBe('Accept-Encoding');
    expect(again.headers.get('content-encoding')).toBeNull();
    // A weak form of the tag, and a list holding it, match too.
    const list = await get(s, '/assets/app-Bx7f9kQ2.js', { 'accept-encoding': 'gzip', 'if-none-match': `"other", W/${etag}` });
    expect(list.status).toBe(304);
    // The gzip tag says nothing about the brotli bytes.
    const other = await get(s, '/assets/app-Bx7f9kQ2.js', { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(other.status).toBe(200);
    expect(decode(other)).toBe(script);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const s = server();
    const getRes = await get(s, '/assets/app-Bx7f9kQ2.js', { 'accept-encoding': 'br' });
    const head = await get(s, '/assets/app-Bx7f9kQ2.js', { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.byteLength).toBe(0);
    for (const h of ['content-encoding', 'content-length', 'etag', 'vary', 'content-type'])
      expect(head.headers.get(h)).toBe(getRes.headers.get(h));
  });

  it('never compresses images, and sends a file that would not shrink as it is', async () => {
    const s = server();
    const img = await get(s, '/assets/icon-Zz99Yy88.png', { 'accept-encoding': 'gzip, br' });
    expect(img.headers.get('content-encoding')).toBeNull();
    expect(img.headers.get('vary')).toBeNull();
    expect(img.body.equals(png)).toBe(true);
    const tiny = await get(s, '/assets/tiny-Ab12Cd34.js', { 'accept-encoding': 'gzip, br' });
    expect(tiny.headers.get('content-encoding')).toBeNull();
    expect(tiny.headers.get('vary')).toBe('Accept-Encoding');
    expect(tiny.body.toString()).toBe('x');
  });

  it('uses a precompressed twin that decodes to the file, and ignores a stale one', async () => {
    const s = server();
    const twin = await get(s, '/assets/twin-Qw12Er34.js', { 'accept-encoding': 'gzip' });
    expect(twin.body.equals(fs.readFileSync(path.join(dist, 'assets/twin-Qw12Er34.js.gz')))).toBe(true);
    expect(decode(twin)).toBe(twinned);
    const stale = await get(s, '/assets/stale-Ty56Ui78.js', { 'accept-encoding': 'br' });
    expect(stale.headers.get('content-encoding')).toBe('br');
    expect(decode(stale)).toBe(script);
  });

  it('serves a file again after it changed on disk (new content, new ETag)', async () => {
    const s = server();
    write('index.html', '<!doctype html><title>Xã số</title>' + 'một '.repeat(300));
    const first = await get(s, '/', { 'accept-encoding': 'gzip' });
    const next = '<!doctype html><title>Xã số 2</title>' + 'hai '.repeat(300);
    write('index.html', next);
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(path.join(dist, 'index.html'), later, later);
    const second = await get(s, '/', { 'accept-encoding': 'gzip' });
    expect(decode(second)).toBe(next);
    expect(second.headers.get('etag')).not.toBe(first.headers.get('etag'));
  });

  it('sends the right Content-Length over a real socket (Node adapter)', async () => {
    const s = server();
    const listener = serve({ fetch: s.xaso.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => (listener.listening ? resolve() : listener.once('listening', () => resolve())));
    try {
      const { port } = listener.address() as AddressInfo;
      const res = await new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port, path: '/assets/app-Bx7f9kQ2.js', headers: { 'accept-encoding': 'br' } }, (r) => {
            const chunks: Buffer[] = [];
            r.on('data', (c: Buffer) => chunks.push(c));
            r.on('end', () => resolve({ headers: r.headers, body: Buffer.concat(chunks) }));
          })
          .on('error', reject);
      });
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['content-length']).toBe(String(res.body.byteLength));
      expect(zlib.brotliDecompressSync(res.body).toString('utf8')).toBe(script);
    } finally {
      await new Promise<void>((resolve) => listener.close(() => resolve()));
    }
  });
});
