/**
 * E1 (issue #13): the server process is killed (SIGKILL) while a phone's PATCH is half sent.
 * After the restart the upload is still there at the offset that was durably stored (what HEAD
 * says, never more than arrived), and tus-js-client resumes from it: the file arrives whole.
 * The real bundle on SQLite and on PostgreSQL.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquirePostgres, createTestSchema, dropTestSchema, releasePostgres } from '../server/pg-harness';
import { MOUNTAIN_COMMUNE } from '../server/fixtures';
import { scannedPdf, sha256 } from '../server/evidence/samples';
import { createUpload, tusRequest, tusUpload } from '../server/evidence/world';
import { Api } from './support/api';
import { ServerProcess } from './support/server-process';

type Kind = 'sqlite' | 'postgres';

/** Opens a PATCH declaring the whole rest, sends `sent` bytes and leaves the request open. */
function halfPatch(base: string, path: string, token: string, sent: Buffer, declared: number): http.ClientRequest {
  const url = new URL(base + path);
  const req = http.request({
    host: url.hostname,
    port: url.port,
    path: url.pathname,
    method: 'PATCH',
    headers: {
      'Tus-Resumable': '1.0.0',
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/offset+octet-stream',
      'Upload-Offset': '0',
      'Content-Length': String(declared),
    },
  });
  req.on('error', () => undefined);
  req.write(sent);
  return req;
}

describe.each<Kind>(['sqlite', 'postgres'])('evidence upload across a server kill (%s)', (kind) => {
  let server: ServerProcess;
  let schema: string | undefined;

  beforeAll(async () => {
    let databaseUrl: string | undefined;
    if (kind === 'postgres') {
      await acquirePostgres();
      ({ url: databaseUrl, schema } = await createTestSchema());
    }
    server = await ServerProcess.start(databaseUrl ? { databaseUrl } : {});
  });

  afterAll(async () => {
    await server?.dispose();
    if (schema) await dropTestSchema(schema);
    if (kind === 'postgres') await releasePostgres();
  });

  it(`[E1] the server is killed mid-chunk: after the restart the upload resumes from the stored offset and arrives whole (${kind})`, async () => {
    const api = new Api(server.url);
    const { token } = await api.enroll(await api.reviewer('04'), MOUNTAIN_COMMUNE);
    const pdf = scannedPdf(500_000);
    const meta = { sha256: sha256(pdf), type: 'application/pdf', communeCode: MOUNTAIN_COMMUNE };
    const created = await createUpload(server.url, token, pdf.length, meta);
    expect(created.status).toBe(201);
    const path = created.headers.get('location') ?? '';
    const offset = async () => Number((await tusRequest(server.url, 'HEAD', path, token)).headers.get('upload-offset'));

    const req = halfPatch(server.url, path, token, pdf.subarray(0, 300_000), pdf.length);
    // Killed while the PATCH is open, once some of it is committed.
    await expect.poll(offset, { timeout: 10_000 }).toBeGreaterThanOrEqual(128 * 1024);
    await server.kill();
    req.destroy();
    await server.restart();

    const stored = await offset();
    expect(stored).toBeGreaterThanOrEqual(128 * 1024);
    expect(stored).toBeLessThanOrEqual(300_000);
    await tusUpload(server.url, token, pdf, meta, { uploadUrl: server.url + path });
    const file = await fetch(`${server.url}/api/v1/evidence/files/${sha256(pdf)}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(file.status).toBe(200);
    expect(sha256(Buffer.from(await file.arrayBuffer()))).toBe(sha256(pdf));
  });
});
