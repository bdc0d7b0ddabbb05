/**
 * An answer to a request that may have written is sent only once what it wrote is on disk
 * (Storage.durable(): one fdatasync of the SQLite WAL shared by every request in flight; nothing
 * to wait for on PostgreSQL). A phone clears its outbox on the 200, so a 200 sent before the
 * fsync could be the only copy lost in a power cut. Reads (GET, HEAD) never wait.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context';
import type { Storage } from './db/storage';
import { errorBody, storageUnavailable } from './errors';

export function durableWrites(storage: Storage): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return;
    try {
      await storage.durable();
    } catch (error) {
      console.error('[xaso] fsync of the database failed; the write is not acknowledged:', error);
      const refusal = storageUnavailable(storage.problem()?.problem ?? 'io_error');
      // Cleared first: Hono would otherwise carry the 200's headers over to the 503.
      c.res = undefined;
      c.res = c.json(errorBody(refusal.code, refusal.message, refusal.details), 503, refusal.headers);
    }
  };
}
