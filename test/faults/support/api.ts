/**
 * A small HTTP client for the real server over a real socket, speaking the API the way the
 * reviewer screens and the phone do. Mirrors test/server/harness.ts (which goes in-process).
 */
import http from 'node:http';
import { ADMIN_PASSWORD } from './server-process';

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
  // Tests read into whatever they expect; a wrong guess fails the assertion that follows.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

export interface HttpOptions {
  token?: string | undefined;
  body?: unknown;
  rawBody?: string | Uint8Array;
  headers?: Record<string, string>;
}

export const REVIEWER_PASSWORD = 'fault-reviewer-password-3K';

export class Api {
  constructor(readonly baseUrl: string) {}

  async request(method: string, path: string, options: HttpOptions = {}): Promise<HttpResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | Uint8Array | undefined = options.rawBody;
    if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(this.baseUrl + path, { method, headers, body: body as BodyInit | undefined });
    const text = await res.text();
    let json: unknown = undefined;
    if ((res.headers.get('content-type') ?? '').includes('json') && text !== '') json = JSON.parse(text);
    return { status: res.status, headers: res.headers, text, json };
  }

  async login(username: string, password: string): Promise<string> {
    const res = await this.request('POST', '/api/v1/sessions', { body: { username, password } });
    if (res.status !== 201) throw new Error(`login ${username}: ${res.status} ${res.text}`);
    return res.json.token as string;
  }

  adminToken(): Promise<string> {
    return this.login('admin', ADMIN_PASSWORD);
  }

  /** Creates a reviewer of the province (as admin) and signs them in. */
  async reviewer(
    provinceCode: string,
    username = `rev${provinceCode}-${Math.random().toString(36).slice(2, 8)}`,
  ): Promise<string> {
    const res = await this.request('POST', '/api/v1/users', {
      token: await this.adminToken(),
      body: { username, password: REVIEWER_PASSWORD, provinceCode },
    });
    if (res.status !== 201) throw new Error(`create reviewer: ${res.status} ${res.text}`);
    return this.login(username, REVIEWER_PASSWORD);
  }

  async issueCode(reviewerToken: string, communeCode: string): Promise<string> {
    const res = await this.request('POST', `/api/v1/communes/${communeCode}/enrollment-codes`, { token: reviewerToken });
    if (res.status !== 201) throw new Error(`issue code: ${res.status} ${res.text}`);
    return res.json.code as string;
  }

  async enroll(reviewerToken: string, communeCode: string): Promise<{ token: string; deviceId: string }> {
    const code = await this.issueCode(reviewerToken, communeCode);
    const res = await this.request('POST', '/api/v1/enrollments', { body: { code } });
    if (res.status !== 201) throw new Error(`enroll: ${res.status} ${res.text}`);
    return { token: res.json.token as string, deviceId: res.json.deviceId as string };
  }
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/**
 * One request on its own connection (no keep-alive pool), optionally from a chosen loopback
 * source address (127.0.0.2, 127.0.0.3…: the server sees another client IP, as it would for two
 * offices) and optionally with a body streamed in chunks without a Content-Length. When the
 * server answers before the upload is finished (a 413), the answer is what counts.
 */
export function rawRequest(
  url: string,
  init: {
    method: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    chunkedBytes?: number;
    localAddress?: string;
  },
): Promise<RawResponse> {
  // A keep-alive connection of its own, as a browser's: "Connection: close" would make the
  // server close while the client still uploads, and the kernel would discard the answer.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return new Promise<RawResponse>((resolve, reject) => {
    let answered = false;
    const req = http.request(
      url,
      { method: init.method, headers: init.headers, agent, ...(init.localAddress ? { localAddress: init.localAddress } : {}) },
      (res) => {
        answered = true;
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
        res.on('error', reject);
      },
    );
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    if (init.chunkedBytes !== undefined) {
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let sent = 0;
      const pump = () => {
        while (sent < (init.chunkedBytes ?? 0) && !answered && !req.destroyed) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
      return;
    }
    if (init.body !== undefined) req.write(init.body);
    req.end();
  }).finally(() => agent.destroy());
}

export function requestFrom(
  localAddress: string,
  url: string,
  init: { method: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  return rawRequest(url, { ...init, localAddress });
}
