/**
 * One error shape for the whole API, `{ error: { code, message, ...details } }`, and the central
 * handler that turns anything thrown into it. A 5xx never carries the thrown error's text.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Storage } from './db/storage';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    /** Extra, non-secret fields for the client (e.g. currentRevision, problems). */
    readonly details: Record<string, unknown> = {},
    /** Response headers, e.g. Retry-After on 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, details?: Record<string, unknown>): ApiError =>
  new ApiError(400, code, message, details);
export const unauthorized = (message = 'Sign in or enroll this device first'): ApiError =>
  new ApiError(401, 'unauthorized', message);
export const forbidden = (message = 'Not allowed for this account'): ApiError => new ApiError(403, 'forbidden', message);
export const notFound = (message = 'Not found'): ApiError => new ApiError(404, 'not_found', message);
export const conflict = (code: string, message: string, details?: Record<string, unknown>): ApiError =>
  new ApiError(409, code, message, details);

export function errorBody(
  code: string,
  message: string,
  details: Record<string, unknown> = {},
): { error: Record<string, unknown> } {
  return { error: { ...details, code, message } };
}

export type ErrorLogger = (error: unknown, c: Context) => void;

const defaultLogger: ErrorLogger = (error, c) => {
  console.error(`[xaso] ${c.req.method} ${new URL(c.req.url).pathname} failed:`, error);
};

/** Seconds a client is asked to wait when the database is away or its storage failing. */
export const STORAGE_RETRY_AFTER_S = 5;

export function storageUnavailable(problem: string, details: Record<string, unknown> = {}): ApiError {
  return new ApiError(
    503,
    'db_unavailable',
    'The database is unavailable; nothing was stored. Try again later.',
    { ...details, storage: problem },
    {
      'Retry-After': String(STORAGE_RETRY_AFTER_S),
    },
  );
}

export function handleError(log: ErrorLogger = defaultLogger, storage?: Storage) {
  return (error: unknown, c: Context): Response => {
    if (error instanceof ApiError)
      return c.json(errorBody(error.code, error.message, error.details), error.status, error.headers);
    if (error instanceof HTTPException && error.status < 500) {
      const code = error.status === 413 ? 'payload_too_large' : 'http_error';
      return c.json(
        errorBody(code, error.status === 413 ? 'Request body too large' : error.message || 'Request refused'),
        error.status,
      );
    }
    // The real error is logged (not what a failed ROLLBACK said after it); the client gets a 503,
    // which the phone retries, keeping what it sent.
    log(error, c);
    const problem = storage?.noteFailure(error);
    if (problem) {
      const refusal = storageUnavailable(problem);
      return c.json(errorBody(refusal.code, refusal.message, refusal.details), 503, refusal.headers);
    }
    return c.json(errorBody('internal', 'Internal server error'), 500);
  };
}
