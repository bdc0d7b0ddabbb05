import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheControlFor } from '../../src/server/static';
import { DB_KINDS, serverPerTest } from './harness';

const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'xaso-dist-'));
fs.mkdirSync(path.join(dist, 'assets'));
fs.writeFileSync(
  path.join(dist, 'index.html'),
  '<!doctype html><title>Xã số</title><script type="module" src="/assets/index-Bx7f9kQ2.js"></script>',
);
fs.writeFileSync(path.join(dist, 'assets', 'index-Bx7f9kQ2.js'), 'console.log("app")');
fs.writeFileSync(path.join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {})');
fs.writeFileSync(path.join(dist, 'manifest.webmanifest'), '{"name":"Xã số"}');
fs.writeFileSync(path.join(os.tmpdir(), 'xaso-outside-secret.txt'), 'outside');
afterAll(() => {
  fs.rmSync(dist, { recursive: true, force: true });
  fs.rmSync(path.join(os.tmpdir(), 'xaso-outside-secret.txt'), { force: true });
});

describe('cache policy', () => {
  it('caches hashed assets for a year and revalidates the rest', () => {
    expect(cacheControlFor('assets/index-Bx7f9kQ2.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('workbox-1a2b3c4d.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('sw.js')).toBe('no-cache');
    expect(cacheControlFor('index.html')).toBe('no-cache');
    expect(cacheControlFor('manifest.webmanifest')).toBe('no-cache');
  });
});

describe.each(DB_KINDS)('static PWA (%s)', (kind) => {
  const server = serverPerTest(kind, { staticDir: dist });

  it('serves index.html, hashed assets and sw.js with the right caching and headers', async () => {
    const s = server();
    const root = await s.request('GET', '/');
    expect(root.status).toBe(200);
    expect(root.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(root.headers.get('cache-control')).toBe('no-cache');
    expect(root.headers.get('content-security-policy')).toContain("script-src 'self'");
    const asset = await s.request('GET', '/assets/index-Bx7f9kQ2.js');
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const sw = await s.request('GET', '/sw.js');
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    const manifest = await s.request('GET', '/manifest.webmanifest');
    expect(manifest.headers.get('content-type')).toBe('application/manifest+json; charset=utf-8');
    // Revalidation answers 304 when nothing changed.
    const again = await s.request('GET', '/sw.js', { headers: { 'if-none-match': sw.headers.get('etag') ?? '' } });
    expect(again.status).toBe(304);
  });

  it('falls back to index.html for app routes, but not for missing files or the API', async () => {
    const s = server();
    // The address a person types for the reviewer area leads to the app's hash route.
    for (const [typed, location] of [
      ['/review', './#/review'],
      ['/review/', '../#/review'],
    ] as const) {
      const sent = await s.request('GET', typed);
      expect(sent.status).toBe(302);
      expect(sent.headers.get('location')).toBe(location);
      expect(new URL(location, `http://x${typed}`).href).toBe('http://x/#/review');
    }
    const deep = await s.request('GET', '/review/04');
    expect(deep.status).toBe(200);
    expect(deep.text).toContain('<title>Xã số</title>');
    expect((await s.request('GET', '/assets/missing-12345678.js')).status).toBe(404);
    const api = await s.request('GET', '/api/v1/unknown');
    expect(api.status).toBe(404);
    expect(api.json.error.code).toBe('not_found');
  });

  it('never serves files outside dist', async () => {
    const s = server();
    for (const p of [
      '/../xaso-outside-secret.txt',
      '/%2e%2e/xaso-outside-secret.txt',
      '/assets/..%2f..%2fxaso-outside-secret.txt',
    ]) {
      const res = await s.request('GET', p);
      expect(res.text).not.toBe('outside');
    }
  });
});
