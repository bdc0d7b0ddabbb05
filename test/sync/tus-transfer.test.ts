// How a tus error becomes the uploader's outcome: the outbox's rules, applied to files.
import { describe, expect, it } from 'vitest';
import type { DetailedError } from 'tus-js-client';
import { classifyTusError } from '../../src/sync/tus-transfer';

function httpError(status: number, body = ''): DetailedError {
  const err = new Error(`tus: HTTP ${status}`) as DetailedError;
  err.originalResponse = {
    getStatus: () => status,
    getHeader: () => undefined,
    getBody: () => body,
    getUnderlyingObject: () => undefined,
  };
  return err;
}

describe('classifyTusError', () => {
  it('no answer, 5xx, 408, 409 (offset moved), 423, 429: retried later', () => {
    expect(classifyTusError(new Error('tus: failed to upload chunk'), true)).toEqual({ kind: 'retry', message: 'network error' });
    for (const status of [500, 502, 503, 408, 409, 423, 429])
      expect(classifyTusError(httpError(status), true)).toMatchObject({ kind: 'retry', status });
  });

  it('the stored upload URL is gone (404/410 while resuming): start a new upload', () => {
    expect(classifyTusError(httpError(404), true)).toEqual({ kind: 'expired', status: 404 });
    expect(classifyTusError(httpError(410), true)).toEqual({ kind: 'expired', status: 410 });
  });

  it("another 4xx is refused, with the server's code and words (JSON or plain text)", () => {
    const json = JSON.stringify({ error: { code: 'sha256_mismatch', message: 'The bytes do not match the declared sha256.' } });
    expect(classifyTusError(httpError(422, json), true)).toEqual({
      kind: 'rejected',
      status: 422,
      code: 'sha256_mismatch',
      message: 'The bytes do not match the declared sha256.',
    });
    expect(classifyTusError(httpError(413, 'Maximum size exceeded\n'), false)).toEqual({
      kind: 'rejected',
      status: 413,
      code: 'http_413',
      message: 'Maximum size exceeded',
    });
    // Creating an upload where the server has no tus endpoint: refused, not "expired".
    expect(classifyTusError(httpError(404), false)).toMatchObject({ kind: 'rejected', status: 404 });
    expect(classifyTusError(httpError(403, ''), true)).toMatchObject({ kind: 'rejected', code: 'http_403', message: 'HTTP 403' });
  });
});
