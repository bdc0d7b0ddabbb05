/**
 * Issue #9 defect 4 (anonymous routes get a small body limit, checked before parsing) and issue #16
 * item 3 (gzip request bodies, limited on their inflated size).
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ANONYMOUS_BODY_BYTES } from '../../src/server/request-body';
import { MOUNTAIN_COMMUNE, MOUNTAIN_PROVINCE, submission } from './fixtures';
import { DB_KINDS, serverPerTest } from './harness';

const ID = 'a1b2c3d4-0000-4000-8000-0000000000aa';

function streamOf(text: string, chunk = 8192): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunk));
      offset += chunk;
    },
  });
}

describe.each(DB_KINDS)('request body limits (%s)', (kind) => {
  const server = serverPerTest(kind);

  it('[A9] a 1 MB body to POST /sessions is refused with 413 before it is parsed, with or without Content-Length', async () => {
    const s = server();
    const big = `[${Array<string>(250_000).fill('{}').join(',')}]`;
    const started = performance.now();
    const declared = await s.request('POST', '/api/v1/sessions', { rawBody: big });
    const chunked = await s.request('POST', '/api/v1/sessions', { rawBody: streamOf(big) });
    const enroll = await s.request('POST', '/api/v1/enrollments', { rawBody: streamOf(big) });
    expect([declared.status, chunked.status, enroll.status]).toEqual([413, 413, 413]);
    expect(declared.json.error.code).toBe('payload_too_large');
    expect(chunked.json.error.maxBytes).toBe(ANONYMOUS_BODY_BYTES);
    expect(performance.now() - started).toBeLessThan(1000);
    // A normal sign-in still works.
    expect((await s.request('POST', '/api/v1/sessions', { body: { username: 'admin', password: 'x'.repeat(20) } })).status).toBe(
      401,
    );
  });

  it('[A10] a gzipped submission is accepted and stored like the plain one', async () => {
    const s = server();
    const phone = (await s.enroll(await s.reviewer(MOUNTAIN_PROVINCE), MOUNTAIN_COMMUNE)).token;
    const body = submission(MOUNTAIN_COMMUNE);
    const res = await s.request('PUT', `/api/v1/assessments/${ID}`, {
      token: phone,
      rawBody: gzipSync(JSON.stringify(body)),
      headers: { 'content-encoding': 'gzip' },
    });
    expect(res.status).toBe(200);
    const replay = await s.request('PUT', `/api/v1/assessments/${ID}`, { token: phone, body });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
  });

  it('[A10] a zip bomb (10 KB inflating to 64 MB) gets 413; bad gzip 400; another encoding 415', async () => {
    const s = server();
    const phone = (await s.enroll(await s.reviewer(MOUNTAIN_PROVINCE), MOUNTAIN_COMMUNE)).token;
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20), { level: 9 });
    expect(bomb.length).toBeLessThan(100 * 1024);
    const url = `/api/v1/assessments/${ID}`;
    const gz = { 'content-encoding': 'gzip' };
    const bombed = await s.request('PUT', url, { token: phone, rawBody: bomb, headers: gz });
    expect(bombed.status).toBe(413);
    expect(bombed.json.error.code).toBe('payload_too_large');
    const anonymousBomb = await s.request('POST', '/api/v1/sessions', {
      rawBody: gzipSync(Buffer.alloc(1024 * 1024, 0x20)),
      headers: gz,
    });
    expect(anonymousBomb.status).toBe(413);
    const broken = await s.request('PUT', url, {
      token: phone,
      rawBody: new TextEncoder().encode('not gzip at all'),
      headers: gz,
    });
    expect(broken.status).toBe(400);
    expect(broken.json.error.code).toBe('malformed_gzip');
    const brotli = await s.request('PUT', url, { token: phone, rawBody: '{}', headers: { 'content-encoding': 'br' } });
    expect(brotli.status).toBe(415);
    expect(await s.db.selectFrom('assessment_revisions').selectAll().execute()).toEqual([]);
  });
});
