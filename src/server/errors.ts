/**
 * One error shape for the whole API, `{ error: { code, message, ...details } }`, and the central
 * handler that turns anything thrown into it. A 5xx never carries the thrown error's text.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

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

export function errorBody(code: string, message: string, details: Record<string, unknown> = {}): { error: Record<string, unknown> } {
  return { error: { ...details, code, message } };
}

export type ErrorLogger = (error: unknown, c: Context) => void;

const defaultLogger: ErrorLogger = (error, c) => {
  console.error(`[xaso] ${c.req.method} ${new URL(c.req.url).pathname} failed:`, error);
};

export function handleError(log: ErrorLogger = defaultLogger) {
  return (error: unknown, c: Context): Response => {
    if (error instanceof ApiError) return c.json(errorBody(error.code, error.message, error.details), error.status, error.headers);
    if (error instanceof HTTPException && error.status < 500) {
      const code = error.status === 413 ? 'payload_too_large' : 'http_error';
      return c.json(errorBody(code, error.status === 413 ? 'Request body too large' : error.message || 'Request refused'), error.status);
    }
    log(error, c);
    return c.json(errorBody('internal', 'Internal server error'), 500);
  };
}
