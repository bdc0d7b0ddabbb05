/**
 * Refusals thrown inside @tus/server's handlers and hooks. tus answers a thrown `{status_code,
 * body}` as is; the body here is already the API's error shape, so the phone reads the same
 * `{error: {code, message}}` as from every other route (routes/evidence-uploads.ts makes it JSON).
 */
import { errorBody } from '../errors';

export interface TusRefusal {
  status_code: number;
  body: string;
}

export function evidenceRefusal(status: number, code: string, message: string): TusRefusal {
  return { status_code: status, body: JSON.stringify(errorBody(code, message)) };
}

/** Codes for tus's own plain-text refusals, by status. */
const CODE_OF_STATUS: Record<number, string> = {
  400: 'invalid_upload_request',
  403: 'forbidden',
  404: 'not_found',
  409: 'upload_offset_conflict',
  410: 'upload_gone',
  412: 'tus_version_required',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  460: 'checksum_mismatch',
};

/** Any error response of tus as the API's JSON error; a 2xx/3xx passes unchanged. */
export async function asApiError(res: Response): Promise<Response> {
  if (res.status < 400) return res;
  const text = await res.text();
  let body = text;
  if (!text.startsWith('{"error"')) {
    const code = CODE_OF_STATUS[res.status] ?? (res.status >= 500 ? 'internal' : 'upload_refused');
    body = JSON.stringify(errorBody(code, res.status >= 500 ? 'Internal server error' : text.trim() || 'Upload refused'));
  }
  const headers = new Headers(res.headers);
  headers.set('Content-Type', 'application/json');
  headers.set('Content-Length', String(Buffer.byteLength(body)));
  return new Response(body, { status: res.status, headers });
}
