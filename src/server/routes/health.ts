/** Liveness with the versions the server scores against, and the OpenAPI document. */
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppDeps } from '../context';
import { ApiError } from '../errors';
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
      auth: 'public',
      responses: { 200: { description: 'Healthy', schema: HealthSchema }, 503: { description: 'Database unreachable' } },
    },
    async (c) => {
      // A trivial query proves the database answers.
      try {
        await sql`select 1`.execute(deps.db);
      } catch {
        throw new ApiError(503, 'db_unavailable', 'The database does not answer');
      }
      return c.json({
        status: 'ok' as const,
        db: deps.dialect,
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
