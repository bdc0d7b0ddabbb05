/** The province's wide CSV: one row per commune, self and verified scores, groups and every item's value. */
import { communityTallies, vietnamYear } from '../repositories/community-tally';
import { z } from 'zod';
import type { Submission } from '../../domain/submission';
import type { ScoreResult } from '../../domain/types';
import type { AppDeps } from '../context';
import { listLatestSubmissions } from '../repositories/assessments';
import { latestVerifiedScores } from '../repositories/verifications';
import { referenceForProvince } from '../services/criteria-set-store';
import { latestPerCommune } from '../services/province-stats';
import { wideCsv, type WideInput } from '../services/wide-csv';
import { csvResponse, provinceParam } from './provinces';
import type { ApiRoutes } from './registry';

export const WideCsvQuerySchema = z.object({
  /** vi (default): Vietnamese headers and labels; machine: column names and codes for programs. */
  headers: z.enum(['vi', 'machine']).default('vi'),
});

export function registerWideCsvRoutes(api: ApiRoutes, deps: AppDeps): void {
  api.add(
    {
      method: 'get',
      path: '/provinces/{provinceCode}/communes.wide.csv',
      tag: 'provinces',
      summary: 'One row per commune: self and verified totals, group scores, each item’s value (UTF-8 with BOM)',
      description:
        'Vietnamese headers and labels by default; `?headers=machine` for machine column names and codes. Times in ' +
        'Vietnam time with their offset (+07:00).',
      auth: 'reviewer',
      query: WideCsvQuerySchema,
      responses: { 200: { description: 'CSV', contentType: 'text/csv' }, 404: { description: 'Unknown province' } },
    },
    async (c, { query }) => {
      const province = provinceParam(c, deps);
      const year = vietnamYear(deps.now());
      const [rows, verified, tallies] = await Promise.all([
        listLatestSubmissions(deps.db, { provinceCode: province.code, withPayload: true }),
        latestVerifiedScores(deps.db, province.code),
        communityTallies(deps.db, { provinceCode: province.code }, year),
      ]);
      const latest = new Map<string, WideInput>();
      for (const [code, { row }] of latestPerCommune(rows)) {
        const v = verified.get(row.id);
        latest.set(code, {
          submission: JSON.parse(row.payload ?? '{}') as Submission,
          revision: row.latest_revision,
          reviewState: row.review_state,
          receivedAt: row.received_at,
          score: JSON.parse(row.score) as ScoreResult,
          verified:
            v && v.revision === row.latest_revision
              ? {
                  score: JSON.parse(v.score) as ScoreResult,
                  itemCount: v.item_count,
                  stepped: v.verified_count + v.adjusted_count,
                  updatedAt: v.updated_at,
                }
              : null,
        });
      }
      // The province's own published sets too, for communes that answered under one (issue #12).
      const named = [...latest.values()].flatMap((r) =>
        r.submission.criteriaSet ? [{ setId: r.submission.criteriaSet.id, setVersion: r.submission.criteriaSet.version }] : [],
      );
      const body = wideCsv(province, latest, await referenceForProvince(deps, province.code, named), query.headers, {
        year,
        tallies,
      });
      return csvResponse(c, `communes-wide-${province.code}.csv`, body);
    },
  );
}
