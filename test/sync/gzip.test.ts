/** Issue #16 item 3, the phone's side: submissions go up gzipped where CompressionStream exists. */
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiRequest, type FetchLike } from '../../src/sync/http';

interface Sent {
  headers: Headers;
  body: BodyInit | null | undefined;
}

function recorder(answers: Response[]): { sent: Sent[]; fetch: FetchLike } {
  const sent: Sent[] = [];
  return {
    sent,
    fetch: (_url, init) => {
      sent.push({ headers: new Headers(init?.headers), body: init?.body });
      return Promise.resolve(
        answers.shift() ?? new Response('{"ok":true}', { status: 200, headers: { 'Content-Type': 'application/json' } }),
      );
    },
  };
}

const big = { notes: Array.from({ length: 200 }, (_, i) => `Ghi chú số ${i}: đã triển khai cổng dịch vụ công`) };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('gzipped submissions', () => {
  it('sends a large body gzipped with Content-Encoding, a small one and an uncompressed call as plain JSON', async () => {
    const { sent, fetch } = recorder([]);
    await apiRequest({ method: 'PUT', path: '/assessments/x', body: big, compress: true, fetch });
    await apiRequest({ method: 'PUT', path: '/assessments/x', body: { a: 1 }, compress: true, fetch });
    await apiRequest({ method: 'POST', path: '/enrollments', body: big, fetch });
    const [gz, small, plain] = sent;
    expect(gz?.headers.get('content-encoding')).toBe('gzip');
    expect(gz?.body).toBeInstanceOf(Uint8Array);
    const bytes = gz?.body as Uint8Array;
    expect(JSON.parse(gunzipSync(bytes).toString('utf8'))).toEqual(big);
    expect(bytes.length).toBeLessThan(JSON.stringify(big).length / 4);
    expect(small?.headers.get('content-encoding')).toBeNull();
    expect(small?.body).toBe('{"a":1}');
    expect(plain?.headers.get('content-encoding')).toBeNull();
    expect(typeof plain?.body).toBe('string');
  });

  it('sends plain JSON where the browser has no CompressionStream', async () => {
    vi.stubGlobal('CompressionStream', undefined);
    const { sent, fetch } = recorder([]);
    await apiRequest({ method: 'PUT', path: '/assessments/x', body: big, compress: true, fetch });
    expect(sent[0]?.headers.get('content-encoding')).toBeNull();
    expect(JSON.parse(sent[0]?.body as string)).toEqual(big);
  });

  it('sends again as plain JSON when a server cannot read gzip (415), and the outcome is the second answer', async () => {
    const refused = new Response(JSON.stringify({ error: { code: 'unsupported_encoding', message: 'no' } }), {
      status: 415,
      headers: { 'Content-Type': 'application/json' },
    });
    const { sent, fetch } = recorder([refused]);
    const outcome = await apiRequest({ method: 'PUT', path: '/assessments/x', body: big, compress: true, fetch });
    expect(outcome.kind).toBe('ok');
    expect(sent).toHaveLength(2);
    expect(sent[1]?.headers.get('content-encoding')).toBeNull();
  });
});
