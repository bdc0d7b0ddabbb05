/**
 * The API's request body limit. Hono's bodyLimit reads `c.req.raw.body` first, which makes the
 * Node adapter build a full WHATWG Request with a stream over the socket, and every body is then
 * read through web streams: 5–10 % of the CPU of a submission in profiles. A body with a
 * Content-Length (every client we know sends one) is judged by that header alone, and the adapter
 * reads it straight from the socket; Node's parser never delivers more than the length declared.
 * Chunked bodies (no length) still go through Hono's bodyLimit, which counts while reading.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './context';
import { errorBody } from './errors';

export function limitBody(maxBytes: number): MiddlewareHandler<AppEnv> {
  const tooLarge = (c: Parameters<MiddlewareHandler<AppEnv>>[0]) =>
    c.json(errorBody('payload_too_large', `Request body over ${maxBytes / 1024 / 1024} MB`), 413);
  const counting = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return counting(c, next);
    return Number(length) > maxBytes ? Promise.resolve(tooLarge(c)) : next();
  };
}
