/** Liveness with the versions the server scores against, and the OpenAPI document. */
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppDeps } from '../context';
import { storageUnavailable } from '../errors';
import { buildOpenApiDocument } from '../openapi';
import { HealthSchema } from '../schemas/health';
import type { ApiRoutes } from './registry';

export function registerHealthRoutes(api: ApiRoutes, deps: AppDeps, version: string): void {
  api.add(
    {
      method: 'get',
      path: '/health',
      tag: 'meta',
      summary: 'Health, database kind and the catalogue/methodology in use',
      description:
        'A 503 `db_unavailable` names the storage problem in `error.storage`: `unreachable` (the database does not answer), `corrupt`, `read_only`, `disk_full` or `io_error` (a write failed so, within the last 30 s; corruption until restart).',
      auth: 'public',
      responses: {
        200: { description: 'Healthy', schema: HealthSchema },
        503: { description: 'Database unreachable or its storage failing' },
      },
    },
    async (c) => {
      // A trivial query proves the database answers; a failed write noted since says more.
      try {
        await sql`select 1`.execute(deps.db);
        deps.storage.noteSuccess('read');
      } catch (error) {
        if (!deps.storage.noteFailure(error)) throw storageUnavailable('unreachable', { db: deps.dialect });
      }
      const report = deps.storage.problem();
      if (report) throw storageUnavailable(report.problem, { db: deps.dialect, since: report.since });
      return c.json({
        status: 'ok' as const,
        db: deps.dialect,
        storage: 'ok' as const,
        catalogueVersion: deps.reference.current.catalogueVersion,
        methodologyVersion: deps.reference.current.methodologyId,
      });
    },
  );

  let document: unknown;
  api.add(
    {
      method: 'get',
      path: '/openapi.json',
      tag: 'meta',
      summary: 'This API as an OpenAPI 3.1 document',
      auth: 'public',
      responses: { 200: { description: 'OpenAPI document', schema: z.record(z.string(), z.unknown()) } },
    },
    (c) => {
      // Built on first request, once every route has been registered.
      document ??= buildOpenApiDocument(api.defs, { version });
      return c.json(document);
    },
  );
}
