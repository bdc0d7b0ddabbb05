/**
 * What a phone downloads for a province's published set (issue #12): the 47-indicator template
 * published through the API of the production server (SQLite), then GET /api/v1/criteria-sets/{id}
 * as an enrolled phone of the province with `Accept-Encoding: gzip`, counted on the socket: the
 * response's bytes as they cross the wire (status line and headers included), not decoded.
 * Budget: ≤ 14 KB. The set is 71 KB of JSON (UTF-8); gzip leaves about a fifth, which a 2G/EDGE link
 * (≈ 100 kbit/s) carries in about a second, once per published version (the phone keeps it).
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { enrollDevice, signIn } from './api';
import { kb, type Part, type PartContext, type Row } from './report';
import { startServer } from './server-process';

const FIGURE = 'bytes a phone downloads for a published 47-indicator set (gzip)';
const BUDGET = '≤ 14 KB';
const ADMIN_PASSWORD = 'bench-admin-password';
const PROVINCE = '04';
const COMMUNE = '01290';

/**
 * The response exactly as it crosses the socket: a plain HTTP/1.1 request with `Connection: close`,
 * every byte read until the server closes, then split at the blank line after the headers.
 */
function rawGet(url: string, token: string): Promise<{ status: number; wire: number; body: number; encoding: string }> {
  const { hostname, port, pathname } = new URL(url);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(Number(port), hostname, () =>
      socket.write(
        `GET ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAuthorization: Bearer ${token}\r\n` +
          'Accept: application/json\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n',
      ),
    );
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      const head = all.subarray(0, split).toString('latin1');
      resolve({
        status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1] ?? 0),
        wire: all.length,
        body: all.length - split - 4,
        encoding: /^content-encoding:\s*(\S+)/im.exec(head)?.[1] ?? 'identity',
      });
    });
  });
}

async function post(url: string, token: string, body: unknown): Promise<{ meta: { id: string; bytes: number } }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${new URL(url).pathname}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as { meta: { id: string; bytes: number } };
}

async function measure(ctx: PartContext): Promise<Row> {
  const dataDir = mkdtempSync(join(tmpdir(), 'xaso-bench-criteria-'));
  ctx.defer(() => rmSync(dataDir, { recursive: true, force: true }));
  const server = await startServer({ root: ctx.root, dataDir, adminPassword: ADMIN_PASSWORD });
  ctx.defer(server.stop);
  const admin = await signIn(server.url, 'admin', ADMIN_PASSWORD);
  const template = JSON.parse(readFileSync(join(ctx.root, 'data/criteria/template-commune-index-2026.1.json'), 'utf8')) as {
    id: string;
  };
  const set = { ...template, id: `chi-so-xa-tinh-${PROVINCE}` };
  const draft = await post(`${server.url}/api/v1/provinces/${PROVINCE}/criteria-sets`, admin, set);
  await post(`${server.url}/api/v1/criteria-sets/${draft.meta.id}/publish`, admin, undefined);
  const phone = await enrollDevice(server.url, admin, COMMUNE, PROVINCE);
  const got = await rawGet(`${server.url}/api/v1/criteria-sets/${draft.meta.id}`, phone.token);
  if (got.status !== 200) throw new Error(`GET the set as the phone: HTTP ${got.status}`);
  await server.stop();
  return {
    figure: FIGURE,
    value: `${kb(got.wire)} on the wire (body ${kb(got.body)}, ${got.encoding}; the set is ${kb(draft.meta.bytes)} of JSON)`,
    budget: BUDGET,
    pass: got.encoding === 'gzip' && got.wire <= 14 * 1000,
    note:
      'data/criteria/template-commune-index-2026.1.json (47 indicators) uploaded and published by the admin for province 04 on the production server (SQLite), ' +
      'then GET /api/v1/criteria-sets/{id} with the token of an enrolled phone of the province and Accept-Encoding: gzip; bytes counted on the socket (status line, headers and gzip body). ' +
      'The phone downloads each published version once and keeps it (src/sync).',
  };
}

export const criteriaDownloadPart: Part = {
  name: 'criteria-download',
  limitMs: { full: 120_000, quick: 120_000 },
  figures: [{ figure: FIGURE, budget: BUDGET }],
  run: async (ctx) => [await measure(ctx)],
};
