/**
 * A test server listening on a real socket (tus-js-client speaks HTTP in Node, and a cut
 * connection is only real over a socket), phones and reviewers on it, and the upload calls.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import * as tus from 'tus-js-client';
import { afterEach } from 'vitest';
import type { EvidenceType } from '../../../src/domain/evidence';
import { FLUSH_BYTES } from '../../../src/server/evidence/store';
import { realReference, type TestServer } from '../harness';

export const UPLOADS = '/api/v1/evidence/uploads';

export interface Listening {
  base: string;
  close(): Promise<void>;
}

const open: Listening[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((l) => l.close()));
});

export async function listen(s: TestServer): Promise<Listening> {
  const listener = serve({ fetch: s.xaso.app.fetch, port: 0, hostname: '127.0.0.1' }) as http.Server;
  await new Promise<void>((resolve) => (listener.listening ? resolve() : listener.once('listening', () => resolve())));
  const { port } = listener.address() as AddressInfo;
  const listening = {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        listener.closeAllConnections();
        listener.close(() => resolve());
      }),
  };
  open.push(listening);
  return listening;
}

export const provinceOf = (commune: string): string => realReference().communes.get(commune)!.province.code;

/** An enrolled phone of the commune (its province's reviewer is created on the way). */
export async function phone(s: TestServer, commune: string): Promise<string> {
  const username = `rev-${commune}`;
  const existing = await s.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  const reviewer = existing ? await s.login(username, 'reviewer-password-1') : await s.reviewer(provinceOf(commune), username);
  return (await s.enroll(reviewer, commune)).token;
}

export interface UploadMeta {
  sha256: string;
  type: EvidenceType | string;
  filename?: string;
  communeCode: string;
}

/** Uploads with tus-js-client as the phone does; resolves with the upload URL, rejects with the server's refusal. */
export function tusUpload(
  base: string,
  token: string,
  bytes: Buffer,
  meta: UploadMeta,
  options: { chunkSize?: number; uploadUrl?: string } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const upload = new tus.Upload(bytes, {
      endpoint: base + UPLOADS,
      ...(options.uploadUrl ? { uploadUrl: options.uploadUrl } : {}),
      chunkSize: options.chunkSize ?? 64 * 1024,
      retryDelays: [],
      headers: { Authorization: `Bearer ${token}` },
      metadata: { filename: 'anh.jpg', ...meta },
      onError: (error) => reject(error),
      onSuccess: () => resolve(upload.url ?? ''),
    });
    upload.start();
  });
}

/** The status the server answered a failed tus-js-client upload with, and its error code. */
export function refusalOf(error: unknown): { status: number | undefined; code: string | undefined } {
  const res = (error as tus.DetailedError).originalResponse;
  const body = res?.getBody();
  let code: string | undefined;
  try {
    code = (JSON.parse(body ?? '') as { error?: { code?: string } }).error?.code;
  } catch {
    code = undefined;
  }
  return { status: res?.getStatus(), code };
}

/** One raw tus request (for what tus-js-client never sends: wrong offsets, other communes' URLs). */
export function tusRequest(
  base: string,
  method: string,
  path: string,
  token: string | undefined,
  headers: Record<string, string> = {},
  body?: Buffer,
): Promise<Response> {
  return fetch(base + path, {
    method,
    headers: {
      'Tus-Resumable': '1.0.0',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'Content-Type': 'application/offset+octet-stream' } : {}),
      ...headers,
    },
    ...(body ? { body: new Uint8Array(body) } : {}),
  });
}

export function metadataHeader(meta: Record<string, string>): string {
  return Object.entries(meta)
    .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
    .join(',');
}

/** Creates an upload without sending bytes; returns its path. */
export async function createUpload(base: string, token: string, size: number, meta: UploadMeta): Promise<Response> {
  return tusRequest(base, 'POST', UPLOADS, token, {
    'Upload-Length': String(size),
    'Upload-Metadata': metadataHeader({ filename: 'x', ...meta }),
  });
}

/**
 * Sends `sent` bytes of a PATCH that announced `declared` more, then destroys the socket: a link
 * dropping mid-chunk. Resolves once the socket is gone.
 */
export function cutPatch(
  base: string,
  path: string,
  token: string,
  offset: number,
  sent: Buffer,
  declared: number,
  committed?: () => Promise<number>,
): Promise<void> {
  const url = new URL(base + path);
  return new Promise((resolve) => {
    const req = http.request({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: 'PATCH',
      headers: {
        'Tus-Resumable': '1.0.0',
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/offset+octet-stream',
        'Upload-Offset': String(offset),
        'Content-Length': String(declared),
      },
    });
    req.on('error', () => resolve());
    req.on('close', () => resolve());
    // With `committed` (the server's stored offset, read from its database), the cut comes once the
    // server has committed every whole row it can, or after 10 s: a fixed pause lost the race on a
    // loaded machine, cutting before the server had read the bytes, which is not the case tested.
    const cut = committed
      ? () => void reaches(committed, sent.length - FLUSH_BYTES, 10_000).then(() => req.destroy())
      : () => setTimeout(() => req.destroy(), 150);
    req.write(sent, cut);
  });
}

async function reaches(read: () => Promise<number>, bytes: number, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end && (await read()) < bytes) await new Promise((r) => setTimeout(r, 10));
}
