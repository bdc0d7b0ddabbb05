/**
 * A province uploads a criteria set (a draft) and publishes it (issue #12). An upload is checked in
 * full and stored in one insert, or refused with every problem and nothing stored; publishing turns
 * the draft into an immutable version under the province's claim on the set id. Both audited.
 */
import type { CriteriaSet } from '../../domain/criteria';
import { assertProvinceAccess } from '../auth/guards';
import { newId } from '../auth/tokens';
import { clientIp, type AppContext, type AppDeps } from '../context';
import { surveyClash } from '../community/province-surveys';
import { readCriteriaWorkbook } from '../criteria-workbook';
import { isUniqueViolation } from '../db/errors';
import { ApiError, conflict, notFound } from '../errors';
import {
  claimSetId,
  findCriteriaSet,
  insertCriteriaSet,
  markPublished,
  publishedVersions,
  type CriteriaSetRow,
} from '../repositories/criteria-sets';
import { readBodyBytes, readBodyText } from '../request-body';
import { ProvinceCodeSchema } from '../schemas/common';
import { CriteriaSetMetaResponseSchema, CriteriaSetProblemSchema, CriteriaSetResponseSchema } from '../schemas/criteria-sets';
import { audit } from '../services/audit-trail';
import { assertMayManage, metaOf } from '../services/criteria-set-access';
import {
  canonicalSet,
  validateUploadedSet,
  collisionProblems,
  compareVersions,
  invalidCriteriaSet,
} from '../services/criteria-set-upload';
import { containsNul, type ApiRoutes } from './registry';
import { z } from 'zod';

/** Far above the largest sensible set (the 47-indicator template is 60 KB of JSON, 20 KB as .xlsx). */
export const MAX_CRITERIA_SET_BYTES = 10 * 1024 * 1024;
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The upload path, for the body limit set in app.ts. */
export const CRITERIA_UPLOAD_PATH = /^\/api\/v1\/provinces\/[^/]+\/criteria-sets$/;

/**
 * The uploaded set, checked in full: JSON as it is, or a workbook read by criteria-workbook (which
 * names each problem's cell); either way the same validation follows, so both end the same.
 */
async function uploadedSet(c: AppContext, deps: AppDeps): Promise<CriteriaSet> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  let value: unknown;
  if (type === XLSX_TYPE) {
    const bytes = await readBodyBytes(c, MAX_CRITERIA_SET_BYTES);
    const catalogue = deps.reference.catalogues.get(deps.reference.current.catalogueVersion);
    const read = await readCriteriaWorkbook(bytes, catalogue ? { catalogue } : {});
    if (!read.ok) throw invalidCriteriaSet(read.problems);
    value = read.set;
  } else if (/^application\/(.+\+)?json$/.test(type)) {
    const text = await readBodyText(c, MAX_CRITERIA_SET_BYTES);
    try {
      value = JSON.parse(text) as unknown;
    } catch (error) {
      throw invalidCriteriaSet([{ message: `tệp không phải JSON hợp lệ: ${(error as Error).message}` }]);
    }
  } else {
    throw new ApiError(
      415,
      'unsupported_media_type',
      `Send the set as JSON (application/json) or as an Excel workbook (${XLSX_TYPE})`,
    );
  }
  if (containsNul(value)) throw invalidCriteriaSet([{ message: 'tệp có ký tự NUL (U+0000), không lưu được' }]);
  const checked = validateUploadedSet(value, deps);
  if (!checked.ok) throw invalidCriteriaSet(checked.problems);
  return checked.set;
}

export function registerCriteriaSetWrites(api: ApiRoutes, deps: AppDeps): void {
  api.add(
    {
      method: 'post',
      path: '/provinces/{provinceCode}/criteria-sets',
      tag: 'criteria-sets',
      summary: 'Upload a criteria set of the province as a draft (JSON or an Excel workbook), checked in full',
      description: `At most ${MAX_CRITERIA_SET_BYTES / 1024 / 1024} MB (413 beyond). 422 \`invalid_criteria_set\` lists every problem in \`problems\`; nothing is stored then.`,
      auth: 'reviewer',
      rawBody: { contentTypes: ['application/json', XLSX_TYPE], description: 'The set (data/criteria format) or its workbook' },
      responses: {
        201: { description: 'Stored as a draft', schema: CriteriaSetResponseSchema },
        404: { description: 'Unknown province' },
        413: { description: 'Body over 10 MB' },
        415: { description: 'Neither JSON nor an .xlsx workbook' },
        422: {
          description: 'Invalid set: every problem',
          schema: z.object({ error: z.object({ problems: z.array(CriteriaSetProblemSchema) }) }),
        },
      },
    },
    async (c) => {
      const code = c.req.param('provinceCode') ?? '';
      const user = assertProvinceAccess(c.get('principal'), code);
      if (!ProvinceCodeSchema.safeParse(code).success || !deps.reference.provinces.has(code))
        throw notFound('Unknown province code');
      const who = { principal: user, ip: clientIp(c, deps) };
      try {
        const set = await uploadedSet(c, deps);
        const clashes = await collisionProblems(deps, code, set);
        if (clashes.length > 0) throw invalidCriteriaSet(clashes);
        const canonical = canonicalSet(set);
        const row: CriteriaSetRow = {
          id: newId(),
          set_id: canonical.set.id,
          version: canonical.set.version,
          province_code: code,
          status: 'draft',
          title_vi: canonical.set.title.vi,
          title_en: canonical.set.title.en,
          indicator_count: canonical.set.indicators.length,
          sha256: canonical.sha256,
          bytes: canonical.bytes,
          body: canonical.body,
          created_at: deps.now().toISOString(),
          created_by: user.username,
          published_at: null,
          published_by: null,
        };
        await insertCriteriaSet(deps.db, row);
        await audit(deps, who, {
          action: 'criteria-set.upload',
          outcome: 'success',
          target: row.id,
          detail: { set: `${row.set_id}@${row.version}`, provinceCode: code },
        });
        return c.json({ meta: metaOf(row), set: canonical.set }, 201);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'invalid_criteria_set')
          await audit(deps, who, {
            action: 'criteria-set.upload',
            outcome: 'failure',
            detail: { provinceCode: code, problems: (error.details.problems as unknown[]).length },
          });
        throw error;
      }
    },
  );

  api.add(
    {
      method: 'post',
      path: '/criteria-sets/{id}/publish',
      tag: 'criteria-sets',
      summary: 'Publish a draft as a new, immutable version for its province',
      auth: 'reviewer',
      responses: {
        200: { description: 'Published', schema: CriteriaSetMetaResponseSchema },
        404: { description: 'No such set (or a draft of another province)' },
        409: {
          description:
            'Already published, that version is published, a newer one is, the id is another province’s, or its survey id@version is published with other questions',
        },
      },
    },
    async (c) => {
      const id = c.req.param('id') ?? '';
      const principal = c.get('principal');
      const at = deps.now().toISOString();
      const published = await deps.db
        .transaction()
        .execute(async (trx) => {
          const row = assertMayManage(principal, await findCriteriaSet(trx, id));
          if (row.status === 'published') throw conflict('criteria_set_published', 'This version is already published');
          const key = `${row.set_id}@${row.version}`;
          if ([...deps.reference.criteriaSets.values()].some((s) => s.id === row.set_id))
            throw conflict('criteria_set_id_taken', `The set id "${row.set_id}" is a bundled set's`);
          if ((await claimSetId(trx, row.set_id, row.province_code, at)) !== row.province_code)
            throw conflict('criteria_set_id_taken', `The set id "${row.set_id}" belongs to another province`);
          const versions = await publishedVersions(trx, row.set_id);
          if (versions.includes(row.version)) throw conflict('criteria_set_published', `${key} is already published`);
          const newer = versions.filter((v) => compareVersions(v, row.version) > 0);
          if (newer.length > 0)
            throw conflict('criteria_set_version_older', `A newer version of "${row.set_id}" is published: ${newer.join(', ')}`);
          // A survey published meanwhile under the same id@version (checked at upload too).
          const survey = (JSON.parse(row.body) as CriteriaSet).survey;
          if (await surveyClash({ db: trx, criteriaSets: deps.criteriaSets }, row.province_code, survey))
            throw conflict(
              'criteria_set_survey_taken',
              `The survey "${survey?.id ?? ''}@${survey?.version ?? ''}" is published in another set with other questions`,
            );
          const by = principal?.kind === 'user' ? principal.username : '';
          if (!(await markPublished(trx, id, at, by)))
            throw conflict('criteria_set_published', 'This version is already published');
          return { ...row, status: 'published' as const, published_at: at, published_by: by };
        })
        .catch((error: unknown) => {
          if (isUniqueViolation(error)) throw conflict('criteria_set_published', 'That version was published a moment ago');
          throw error;
        });
      deps.criteriaSets.remember(published);
      await audit(
        deps,
        { principal, ip: clientIp(c, deps) },
        {
          action: 'criteria-set.publish',
          outcome: 'success',
          target: id,
          detail: { set: `${published.set_id}@${published.version}`, provinceCode: published.province_code },
        },
      );
      return c.json({ meta: metaOf(published) });
    },
  );
}
