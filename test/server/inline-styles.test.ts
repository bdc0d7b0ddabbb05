import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { styleHashSources } from '../../src/server/inline-styles';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../../src/server/security-headers';
import { DB_KINDS, serverPerTest } from './harness';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('styleHashSources', () => {
  it('hashes the exact text of each <style> element, Vietnamese included', () => {
    const html = '<head><style>body{margin:0}</style><style>.boot::after{content:"Xã số"}</style></head><p>style</p>';
    expect(styleHashSources(html)).toEqual([sha('body{margin:0}'), sha('.boot::after{content:"Xã số"}')]);
    // The known SHA-256 of the empty string, as CSP writes it.
    expect(styleHashSources('<style></style>')).toEqual(["'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"]);
    expect(styleHashSources('<link rel="stylesheet" href="a.css">')).toEqual([]);
  });

  it('adds the hashes to style-src only', () => {
    const policy = contentSecurityPolicy([sha('a'), sha('b')]);
    expect(policy).toBe(CONTENT_SECURITY_POLICY.replace("style-src 'self'", `style-src 'self' ${sha('a')} ${sha('b')}`));
  });
});

const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'xaso-dist-style-'));
const page = (css: string) =>
  `<!doctype html><html><head><style>${css}</style></head><body><div class="boot">Xã số</div></body></html>`;
fs.writeFileSync(path.join(dist, 'index.html'), page('.boot{color:#fff}'));
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

describe.each(DB_KINDS)('the page is sent with its inline style allowed (%s)', (kind) => {
  const server = serverPerTest(kind, { staticDir: dist });

  it('on /, on an app route and on a 304; the API keeps the strict policy', async () => {
    const s = server();
    const expected = contentSecurityPolicy([sha('.boot{color:#fff}')]);
    const root = await s.request('GET', '/');
    expect(root.status).toBe(200);
    expect(root.headers.get('content-security-policy')).toBe(expected);
    const route = await s.request('GET', '/some/app/route');
    expect(route.headers.get('content-security-policy')).toBe(expected);
    const again = await s.request('GET', '/', { headers: { 'if-none-match': root.headers.get('etag') ?? '' } });
    expect(again.status).toBe(304);
    expect(again.headers.get('content-security-policy')).toBe(expected);
    const api = await s.request('GET', '/api/v1/health');
    expect(api.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('follows a rebuilt index.html: never the hash of the older one', async () => {
    const s = server();
    const before = await s.request('GET', '/');
    expect(before.headers.get('content-security-policy')).toContain(sha('.boot{color:#fff}'));
    // A new build with another style; a different size, so the file cache sees the change.
    fs.writeFileSync(path.join(dist, 'index.html'), page('.boot{color:#ffffff;background:#0b5d4b}'));
    try {
      const after = await s.request('GET', '/');
      expect(after.headers.get('content-security-policy')).toBe(
        contentSecurityPolicy([sha('.boot{color:#ffffff;background:#0b5d4b}')]),
      );
    } finally {
      fs.writeFileSync(path.join(dist, 'index.html'), page('.boot{color:#fff}'));
    }
  });

  it('lets no other handler loosen the policy', async () => {
    const s = server();
    s.xaso.app.get('/api/v1/test-loose', (c) => {
      c.header('Content-Security-Policy', `${CONTENT_SECURITY_POLICY}; script-src 'unsafe-inline'`);
      return c.json({});
    });
    s.xaso.app.get('/api/v1/test-hash-and-more', (c) => {
      c.header('Content-Security-Policy', contentSecurityPolicy([sha('x')]).replace("script-src 'self'", 'script-src *'));
      return c.json({});
    });
    for (const p of ['/api/v1/test-loose', '/api/v1/test-hash-and-more']) {
      const res = await s.request('GET', p);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });
});
