/**
 * The one way the phone talks to the sync API. Every call ends in one of four outcomes the
 * callers decide on, so the retry policy lives in one place:
 *   ok        2xx with a JSON body;
 *   conflict  409: the server holds other content for this revision, or a newer one;
 *   rejected  any other 4xx: retrying the same request cannot help (bad token, invalid body);
 *   retry     no answer, a timeout, a 5xx, a 408/429, or an answer that is not our JSON (a
 *             captive portal's login page, a proxy's error page): worth trying again later.
 * The success of a real request is the only proof of a connection (navigator.onLine lies).
 */

import { gzipJson } from './gzip-body';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export type ApiOutcome =
  /**
   * `etag`: the answer's ETag header, when it has one (a conditional GET keeps it for the next ask).
   * Status 304 (only to a request that sent `ifNoneMatch`): what the phone holds is current; no body.
   */
  | { kind: 'ok'; status: number; body: unknown; etag?: string }
  | { kind: 'conflict'; status: 409; code: string; message: string; body: unknown }
  | { kind: 'rejected'; status: number; code: string; message: string; body: unknown }
  /** `code`: the server's error code when it sent one (429 too_many_attempts, 503 db_unavailable). */
  | { kind: 'retry'; status?: number; code?: string; message: string };

export interface ApiRequest {
  method: 'GET' | 'POST' | 'PUT';
  /** Relative to /api/v1, e.g. "/enrollments". */
  path: string;
  body?: unknown;
  token?: string;
  fetch?: FetchLike;
  /** A stalled 2G connection can hang for minutes; give up and retry later instead. */
  timeoutMs?: number;
  /** Send the body gzipped where the browser can (submissions: gzip-body.ts). */
  compress?: boolean;
  /** A GET's stored ETag: the server answers 304 when it still holds the same thing. */
  ifNoneMatch?: string;
}

/** What a server that cannot read a gzipped body answers; the request is then sent again as plain JSON. */
const GZIP_REFUSED = new Set(['unsupported_encoding', 'malformed_json', 'malformed_gzip']);

export const DEFAULT_TIMEOUT_MS = 45_000;

/**
 * The API sits next to the app. A relative URL keeps working when the app is served from a
 * sub-path (the build uses base './'); hash routes never change the document's path.
 */
export function apiUrl(path: string): string {
  const rel = `api/v1${path.startsWith('/') ? path : `/${path}`}`;
  const base = typeof document === 'undefined' ? undefined : document.baseURI;
  return base ? new URL(rel, base).href : `/${rel}`;
}

function asRecord(x: unknown): Record<string, unknown> | undefined {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined;
}

/** `{error:{code, message, problems?}}` → code, and a message that names the first problems. */
export function readError(body: unknown, status: number): { code: string; message: string } {
  const error = asRecord(asRecord(body)?.error);
  const code = typeof error?.code === 'string' ? error.code : `http_${status}`;
  let message = typeof error?.message === 'string' && error.message !== '' ? error.message : `HTTP ${status}`;
  const problems = Array.isArray(error?.problems) ? error.problems : [];
  const named = problems
    .slice(0, 3)
    .map((p) => asRecord(p))
    .map((p) => [p?.code, p?.problem].filter((s) => typeof s === 'string').join(': '))
    .filter((s) => s !== '');
  if (named.length > 0) message += ` (${named.join('; ')}${problems.length > 3 ? '; …' : ''})`;
  return { code, message };
}

/** The error's other members (retryAfterSeconds, problems…), for callers that act on them. */
export function errorDetails(body: unknown): Record<string, unknown> {
  const { code: _code, message: _message, ...details } = asRecord(asRecord(body)?.error) ?? {};
  return details;
}

/** The body as JSON, or undefined when it is not JSON (a captive portal's or a proxy's page). */
export async function readJson(res: Response): Promise<unknown> {
  try {
    return (await res.json()) as unknown;
  } catch {
    return undefined;
  }
}

export async function apiRequest(req: ApiRequest): Promise<ApiOutcome> {
  const outcome = await sendOnce(req, req.compress === true);
  if (
    req.compress &&
    outcome.kind === 'rejected' &&
    (outcome.status === 400 || outcome.status === 415) &&
    GZIP_REFUSED.has(outcome.code)
  ) {
    return sendOnce(req, false);
  }
  return outcome;
}

async function sendOnce(req: ApiRequest, compress: boolean): Promise<ApiOutcome> {
  const doFetch = req.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (req.body !== undefined) headers['Content-Type'] = 'application/json';
  if (req.token) headers.Authorization = `Bearer ${req.token}`;
  if (req.ifNoneMatch) headers['If-None-Match'] = req.ifNoneMatch;
  // Compressed before the clock starts: the timeout is for the network, not the phone's CPU.
  const json = req.body === undefined ? undefined : JSON.stringify(req.body);
  const encoded: { body: BodyInit | undefined; contentEncoding?: string } =
    json !== undefined && compress ? await gzipJson(json) : { body: json };
  if (encoded.contentEncoding) headers['Content-Encoding'] = encoded.contentEncoding;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), req.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    const res = await doFetch(apiUrl(req.path), {
      method: req.method,
      headers,
      body: encoded.body,
      signal: controller.signal,
      // Never let an HTTP cache answer for the server: review states change.
      cache: 'no-store',
      credentials: 'omit',
    });
    const { status } = res;
    if (status === 304 && req.ifNoneMatch) return { kind: 'ok', status, body: undefined };
    const body = await readJson(res);
    if (status >= 200 && status < 300) {
      if (!asRecord(body)) return { kind: 'retry', status, message: 'unexpected response' };
      const etag = res.headers.get('ETag');
      return etag ? { kind: 'ok', status, body, etag } : { kind: 'ok', status, body };
    }
    if (status >= 500 || status === 408 || status === 429) {
      const { code, message } = readError(body, status);
      return asRecord(asRecord(body)?.error) ? { kind: 'retry', status, code, message } : { kind: 'retry', status, message };
    }
    // A 4xx without our error shape came from something else on the way (a portal, a proxy):
    // our server never said no, so try again later.
    if (!asRecord(asRecord(body)?.error)) return { kind: 'retry', status, message: `HTTP ${status}` };
    if (status === 409) return { kind: 'conflict', status, ...readError(body, status), body };
    if (status >= 400) return { kind: 'rejected', status, ...readError(body, status), body };
    return { kind: 'retry', status, message: `HTTP ${status}` };
  } catch (err) {
    const message = controller.signal.aborted ? 'timeout' : err instanceof Error && err.message ? err.message : 'network error';
    return { kind: 'retry', message };
  } finally {
    clearTimeout(timer);
  }
}
