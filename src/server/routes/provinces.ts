/** The reviewer's province views (JSON and CSV) and the admin's national overview. */
import type { Province } from '../../domain/admin-units';
import type { AreaType } from '../../domain/types';
import { assertProvinceAccess } from '../auth/guards';
import type { AppContext, AppDeps } from '../context';
import { notFound } from '../errors';
import { forOutside } from '../../domain/community/tally';
import { listLatestSubmissions } from '../repositories/assessments';
import { communityTallies, vietnamYear } from '../repositories/community-tally';
import { countedRows, scoreTotals } from '../repositories/commune-scores';
import { criteriaRows } from '../repositories/criteria-scores';
import { communeVerified, latestVerifiedScores, verifiedRows } from '../repositories/verifications';
import { ProvinceCodeSchema } from '../schemas/common';
import { CommuneListSchema, ProvinceOverviewSchema, ProvinceSummarySchema, SummaryQuerySchema } from '../schemas/provinces';
import { communesCsv } from '../services/commune-csv';
import { referenceForProvince } from '../services/criteria-set-store';
import { toCsv } from '../services/csv';
import { nationalOverview } from '../services/national-overview';
import { communeRows, latestPerCommune, provinceSummary } from '../services/province-stats';
import type { ApiRoutes } from './registry';

export function provinceParam(c: AppContext, deps: AppDeps): Province {
  const code = c.req.param('provinceCode') ?? '';
  const province = ProvinceCodeSchema.safeParse(code).success ? deps.reference.provinces.get(code) : undefined;
  // Access is checked before existence matters: a reviewer learns nothing about other codes.
  assertProvinceAccess(c.get('principal'), code);
  if (!province) throw notFound('Unknown province code');
  return province;
}

export function csvResponse(c: AppContext, filename: string, body: string): Response {
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${filename}"`);
  return c.body(body);
}

async function provinceLatest(deps: AppDeps, province: Province, withPayload = false) {
  return latestPerCommune(await listLatestSubmissions(deps.db, { provinceCode: province.code, withPayload }));
}

/**
 * Five small queries on commune_scores (one row per commune); none reads a payload. Only the
 * verified scores of communes with a verification are parsed (verified averages).
 */
async function summaryOf(deps: AppDeps, province: Province, areaType: AreaType | undefined) {
  const local = { provinceCode: province.code, areaType };
  const slots = Math.max(0, ...[...deps.reference.methodologies.values()].map((m) => m.scoreGroups.length));
  const [localTotals, national, counted, criteria, verified] = await Promise.all([
    scoreTotals(deps.db, local, slots),
    scoreTotals(deps.db, { areaType }, slots),
    countedRows(deps.db, local),
    criteriaRows(deps.db, local),
    verifiedRows(deps.db, local),
  ]);
  const reference = await referenceForProvince(deps, province.code, criteria);
  return provinceSummary(province, { local: localTotals, national, counted, criteria, verified }, reference, areaType);
}

/**
 * The commune list's rows, with the criteria set and points of communes whose assessment names one,
 * and the reference data that holds those sets (the province's published ones included).
 */
async function communeList(deps: AppDeps, province: Province) {
  const year = vietnamYear(deps.now());
  const [latest, criteria, verified, community] = await Promise.all([
    provinceLatest(deps, province),
    criteriaRows(deps.db, { provinceCode: province.code }),
    latestVerifiedScores(deps.db, province.code),
    communityTallies(deps.db, { provinceCode: province.code }, year),
  ]);
  const reference = await referenceForProvince(deps, province.code, criteria);
  const rows = communeRows(province, latest, new Map(criteria.map((r) => [r.communeCode, r])), reference).map((row) => {
    const v = row.assessmentId ? verified.get(row.assessmentId) : undefined;
    const tally = community.get(row.code);
    return {
      ...row,
      verified: v && v.revision === row.revision ? communeVerified(v) : null,
      community: tally ? forOutside(tally) : null,
    };
  });
  return { rows, reference, community: { year, tallies: community } };
}

export function registerProvinceRoutes(api: ApiRoutes, deps: AppDeps): void {
  const csvDoc = { contentType: 'text/csv' };

  api.add(
    {
      method: 'get',
      path: '/provinces',
      tag: 'provinces',
      summary: 'All provinces side by side',
      auth: 'admin',
      responses: { 200: { description: 'Overview', schema: ProvinceOverviewSchema } },
    },
    async (c) => c.json(await nationalOverview(deps)),
  );

  api.add(
    {
      method: 'get',
      path: '/provinces/{provinceCode}/communes',
      tag: 'provinces',
      summary: 'Every commune of the province, submitted or not, with its latest assessment',
      auth: 'reviewer',
      responses: { 200: { description: 'Communes', schema: CommuneListSchema }, 404: { description: 'Unknown province' } },
    },
    async (c) => {
      const province = provinceParam(c, deps);
      return c.json({
        provinceCode: province.code,
        provinceName: province.name,
        communes: (await communeList(deps, province)).rows,
      });
    },
  );

  api.add(
    {
      method: 'get',
      path: '/provinces/{provinceCode}/summary',
      tag: 'provinces',
      summary: 'Dashboard: coverage, index and levels, layer and group averages vs national, weakest components',
      auth: 'reviewer',
      query: SummaryQuerySchema,
      responses: { 200: { description: 'Summary', schema: ProvinceSummarySchema }, 404: { description: 'Unknown province' } },
    },
    async (c, { query }) => c.json(await summaryOf(deps, provinceParam(c, deps), query.areaType)),
  );

  api.add(
    {
      method: 'get',
      path: '/provinces/{provinceCode}/communes.csv',
      tag: 'provinces',
      summary: 'The commune list as CSV (UTF-8 with BOM, for Excel)',
      auth: 'reviewer',
      responses: { 200: { description: 'CSV', ...csvDoc }, 404: { description: 'Unknown province' } },
    },
    async (c) => {
      const province = provinceParam(c, deps);
      const list = await communeList(deps, province);
      const body = communesCsv(list.rows, list.reference, list.community);
      return csvResponse(c, `communes-${province.code}.csv`, body);
    },
  );

  api.add(
    {
      method: 'get',
      path: '/provinces/{provinceCode}/coverage.csv',
      tag: 'provinces',
      summary: 'Component coverage as CSV, weakest first (UTF-8 with BOM)',
      auth: 'reviewer',
      query: SummaryQuerySchema,
      responses: { 200: { description: 'CSV', ...csvDoc }, 404: { description: 'Unknown province' } },
    },
    async (c, { query }) => {
      const province = provinceParam(c, deps);
      const summary = await summaryOf(deps, province, query.areaType);
      const header = ['code', 'group', 'tier', 'area_type', 'name', 'communes_counted', 'communes_covered', 'share_percent'];
      const body = toCsv(
        header,
        summary.coverage.map((r) => [
          r.code,
          r.group,
          r.tier,
          r.areaType,
          r.vi,
          r.counted,
          r.covered,
          Math.round((r.covered / r.counted) * 1000) / 10,
        ]),
      );
      return csvResponse(c, `coverage-${province.code}${query.areaType ? `-${query.areaType}` : ''}.csv`, body);
    },
  );
}
