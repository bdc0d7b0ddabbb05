/**
 * GET /criteria-sets/template.xlsx: the workbook a province edits in Excel and uploads back
 * (issue #12). Without `from`, the bundled template; with `from=<id>`, that set (published or a
 * draft), so that a province starts its next version from its last one. Reviewers and the admin.
 */
import { parseCriteriaSet } from '../../domain/criteria';
import type { AppDeps } from '../context';
import { writeCriteriaWorkbook } from '../criteria-workbook';
import { TemplateQuerySchema } from '../schemas/criteria-sets';
import { readableSet } from '../services/criteria-set-access';
import { XLSX_TYPE } from './criteria-set-writes';
import type { ApiRoutes } from './registry';

/** The set the template workbook is made of when none is asked for. */
export const DEFAULT_TEMPLATE = 'template-commune-index@2026.1';

export function registerCriteriaSetWorkbookRoute(api: ApiRoutes, deps: AppDeps): void {
  api.add(
    {
      method: 'get',
      path: '/criteria-sets/template.xlsx',
      tag: 'criteria-sets',
      summary: 'An Excel workbook of a criteria set, to edit and upload as a new version',
      description: `Without \`from\`: the bundled ${DEFAULT_TEMPLATE}. With \`from=<id>\`: that set, if the caller may read it (404 otherwise).`,
      auth: 'reviewer',
      query: TemplateQuerySchema,
      responses: {
        200: { description: 'The workbook (attachment)', contentType: XLSX_TYPE },
        404: { description: 'No such set' },
      },
    },
    async (c, { query }) => {
      let set = deps.reference.criteriaSets.get(DEFAULT_TEMPLATE);
      if (query.from !== undefined) {
        const row = await readableSet(deps, c.get('principal'), query.from);
        set = deps.criteriaSets.cachedRow(row.id)?.set ?? parseCriteriaSet(JSON.parse(row.body));
      }
      if (!set) throw new Error(`the bundled ${DEFAULT_TEMPLATE} is missing`);
      const bytes = await writeCriteriaWorkbook(set);
      c.header('Content-Type', XLSX_TYPE);
      c.header('Content-Disposition', `attachment; filename="${set.id}-${set.version}.xlsx"`);
      return c.body(new Uint8Array(bytes));
    },
  );
}
