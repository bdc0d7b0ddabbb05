/**
 * What to tell the reviewer when a call fails: a key under "errors." in the reviewer namespace,
 * chosen from the server's error code or, failing that, the HTTP status.
 */
import { ApiError } from './api';

const BY_CODE: Record<string, string> = {
  network: 'network',
  invalid_credentials: 'invalid-credentials',
  too_many_attempts: 'too-many-attempts',
  rate_limited: 'too-many-attempts',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  not_found: 'not-found',
  stale_revision: 'stale-revision',
  comment_required: 'comment-required',
  unknown_component: 'unknown-component',
  reason_required: 'reason-required',
  username_taken: 'username-taken',
  invalid_body: 'invalid',
  password_change_required: 'password-change-required',
  password_unchanged: 'password-unchanged',
  enrollment_code_closed: 'code-closed',
};

const BY_STATUS: Record<number, string> = {
  0: 'network',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'too-large',
  429: 'too-many-attempts',
};

/** A key under "errors." for any thrown value; "unknown" takes {{message}}. */
export function errorKey(err: unknown): string {
  if (err instanceof ApiError) {
    const byCode = BY_CODE[err.code];
    if (byCode) return byCode;
    const byStatus = BY_STATUS[err.status];
    if (byStatus) return byStatus;
    if (err.status >= 500) return 'server';
  }
  return 'unknown';
}

export function errorText(err: unknown, t: (key: string, opts?: Record<string, unknown>) => string): string {
  const message = err instanceof Error ? err.message : String(err);
  return t(`errors.${errorKey(err)}`, { message });
}
