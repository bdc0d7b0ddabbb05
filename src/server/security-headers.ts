/**
 * Headers on every response, errors and static files included. The CSP allows no inline script:
 * the PWA ships only bundled files, and a reviewer screen showing commune-written text must not
 * be able to run it. The one inline style allowed is the first screen's CSS in index.html, by
 * the hash of its exact text (static.ts sends that page with contentSecurityPolicy(hashes)).
 */
import type { MiddlewareHandler } from 'hono';

/** The policy, with `'sha256-…'` sources of inline <style> elements the page may apply. */
export function contentSecurityPolicy(styleHashes: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    ["style-src 'self'", ...styleHashes].join(' '),
    // blob: the phone's own evidence photos, shown from IndexedDB through object URLs (issue #13).
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/**
 * An evidence file (routes/evidence.ts), stricter than the app's: opened on its own it runs in a
 * sandbox (unique origin, no script, no form, no plugin) and may load nothing.
 */
export const EVIDENCE_FILE_POLICY =
  "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'";

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** The `'sha256-…'` sources after style-src 'self' (base64: letters, digits, + / =). */
const HASH_SOURCE = /style-src 'self'((?: 'sha256-[A-Za-z0-9+/]+=*')+);/;

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const own = c.res.headers.get('Content-Security-Policy');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
    // A page sent by static.ts carries its own policy: this one plus the hashes of its inline
    // styles. Kept only if it is exactly that, so no handler can loosen anything else.
    if (
      own &&
      (own === EVIDENCE_FILE_POLICY || own === contentSecurityPolicy(HASH_SOURCE.exec(own)?.[1]?.trim().split(' ') ?? []))
    ) {
      c.res.headers.set('Content-Security-Policy', own);
    }
    // API answers carry tokens and commune data: never cached by the browser or a proxy.
    if (new URL(c.req.url).pathname.startsWith('/api/')) c.res.headers.set('Cache-Control', 'no-store');
  };
}
