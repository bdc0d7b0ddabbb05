/**
 * Reading criteria sets (issue #12): the JSON Schema of the format, a province's sets, one set
 * with its meta, and a draft's preview on a commune's latest submission. Published sets are served
 * from the store (parsed once, body kept as stored); JSON responses are gzipped (app.ts).
 */
import { criteriaSetJsonSchema } from '../../domain/criteria/json-schema';
import { canReviewProvince } from '../auth/guards';
import type { AppContext, AppDeps, Principal } from '../context';
import type { CriteriaSetStatus } from '../db/schema';
import { forbidden } from '../errors';
import { listCriteriaSets } from '../repositories/criteria-sets';
import {
  CriteriaPreviewSchema,
  CriteriaSetListQuerySchema,
  CriteriaSetListSchema,
  CriteriaSetResponseSchema,
  PreviewQuerySchema,
} from '../schemas/criteria-sets';
import { metaOf, readableSet } from '../services/criteria-set-access';
import { previewOnCommune } from '../services/criteria-set-preview';
import { registerCriteriaSetWorkbookRoute } from './criteria-set-workbook';
import { registerCriteriaSetWrites } from './criteria-set-writes';
import type { ApiRoutes } from './registry';
import { z } from 'zod';

const STATUSES: Record<'published' | 'draft' | 'all', CriteriaSetStatus[]> = {
  published: ['published'],
  draft: ['draft'],
  all: ['draft', 'published'],
};

/** The province listed: the one asked for, else the caller's own (the admin: every province). */
function listedProvince(principal: Principal | undefined, asked: string | undefined, drafts: boolean): string | undefined {
  if (!principal) return asked;
  const own = principal.kind === 'device' ? principal.provinceCode : (principal.provinceCode ?? undefined);
  const code = asked ?? own;
  if (principal.kind === 'device') {
    if (drafts) throw forbidden('A device sees published sets only');
    if (code !== own) throw forbidden('A device sees its own province’s sets only');
    return code;
  }
  if (code !== undefined && !canReviewProvince(principal, code)) throw forbidden('This account reviews another province');
  if (code === undefined && principal.role !== 'admin') throw forbidden('This account reviews no province');
  return code;
}

/** {"meta":…,"set":…} with the stored canonical JSON as the set, byte for byte (its sha256 holds). */
function setResponse(c: AppContext, meta: unknown, body: string): Response {
  c.header('Content-Type', 'application/json; charset=UTF-8');
  return c.body(`{"meta":${JSON.stringify(meta)},"set":${body}}`);
}

/** Generated from the zod schema once: it changes only with the code. */
let schemaDocument: Record<string, unknown> | undefined;

export function registerCriteriaSetRoutes(api: ApiRoutes, deps: AppDeps): void {
  // Fixed paths before /criteria-sets/{id}, which would otherwise take "schema.json" for an id.
  api.add(
    {
      method: 'get',
      path: '/criteria-sets/schema.json',
      tag: 'criteria-sets',
      summary: 'JSON Schema of the criteria-set format (as data/criteria/criteria-set.schema.json)',
      auth: 'public',
      responses: { 200: { description: 'JSON Schema (draft 7)', schema: z.record(z.string(), z.unknown()) } },
    },
    (c) => c.json((schemaDocument ??= criteriaSetJsonSchema())),
  );

  api.add(
    {
      method: 'get',
      path: '/criteria-sets',
      tag: 'criteria-sets',
      summary: 'Criteria sets of a province the caller may see',
      description:
        'Published sets by default (a phone: its own province’s). `status=draft` (drafts only) or `all`: the province’s reviewers and the admin. Newest first.',
      auth: 'any',
      query: CriteriaSetListQuerySchema,
      responses: { 200: { description: 'Sets (meta only)', schema: CriteriaSetListSchema } },
    },
    async (c, { query }) => {
      const provinceCode = listedProvince(c.get('principal'), query.provinceCode, query.status !== 'published');
      const rows = await listCriteriaSets(deps.db, { provinceCode, statuses: STATUSES[query.status] });
      return c.json({ sets: rows.map(metaOf) });
    },
  );

  registerCriteriaSetWorkbookRoute(api, deps);
  registerCriteriaSetWrites(api, deps);

  api.add(
    {
      method: 'get',
      path: '/criteria-sets/{id}',
      tag: 'criteria-sets',
      summary: 'One criteria set with its meta',
      description: 'A draft: the province’s reviewers and the admin (404 for anyone else). Published: also its phones.',
      auth: 'any',
      responses: {
        200: { description: 'The set', schema: CriteriaSetResponseSchema },
        404: { description: 'No such set' },
      },
    },
    async (c) => {
      const row = await readableSet(deps, c.get('principal'), c.req.param('id') ?? '');
      if (row.status === 'published') deps.criteriaSets.remember(row);
      return setResponse(c, metaOf(row), row.body);
    },
  );

  api.add(
    {
      method: 'get',
      path: '/criteria-sets/{id}/preview',
      tag: 'criteria-sets',
      summary: 'A commune’s latest submission scored under this set, beside its score under the set it named',
      auth: 'reviewer',
      query: PreviewQuerySchema,
      responses: {
        200: { description: 'Both scores', schema: CriteriaPreviewSchema },
        404: { description: 'No such set, or the commune (of the set’s province) has no submission' },
      },
    },
    async (c, { query }) => {
      const row = await readableSet(deps, c.get('principal'), c.req.param('id') ?? '');
      return c.json(await previewOnCommune(deps, row, query.communeCode));
    },
  );
}
