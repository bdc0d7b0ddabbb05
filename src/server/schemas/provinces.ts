/** The reviewer's province views: commune list, dashboard summary, national overview. */
import { z } from 'zod';
import { CommunityTallySchema } from './community';
import { AreaTypeSchema, IsoDateTime } from './common';

/** The criteria set a commune's latest assessment was scored under (null: the provisional method alone). */
export const CommuneCriteriaSchema = z.object({
  setId: z.string(),
  setVersion: z.string(),
  /** The set is a template for a province to adapt (shown as such). */
  template: z.boolean(),
  /** Points added up to a total (the template's 1,000); false for an index like the provisional method's. */
  pointBased: z.boolean(),
  total: z.number(),
  max: z.number(),
  level: z.int(),
  /** Points per group in the set's order; null when nothing in the group was counted. */
  groups: z.array(z.object({ id: z.string(), points: z.number().nullable(), max: z.number() })),
});
export type CommuneCriteria = z.infer<typeof CommuneCriteriaSchema>;

/** The server's score of the latest revision with the province's adjustments applied, beside the self-assessed one. */
export const CommuneVerifiedSchema = z.object({
  index: z.number(),
  level: z.int(),
  /** Under a criteria set: its total and level after adjustments. */
  criteriaTotal: z.number().nullable(),
  criteriaLevel: z.int().nullable(),
  criteriaGroups: z.array(z.object({ id: z.string(), points: z.number().nullable() })).nullable(),
  groups: z.array(z.object({ id: z.string(), score: z.number().nullable() })),
  itemCount: z.int(),
  verifiedCount: z.int(),
  adjustedCount: z.int(),
  updatedAt: IsoDateTime,
});
export type CommuneVerified = z.infer<typeof CommuneVerifiedSchema>;

export const CommuneRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  type: z.string(),
  submitted: z.boolean(),
  /** How many assessments (periods) the commune has sent; the row shows the latest received. */
  assessmentCount: z.int(),
  assessmentId: z.string().nullable(),
  revision: z.int().nullable(),
  period: z.string().nullable(),
  areaTypes: z.array(z.string()),
  index: z.number().nullable(),
  level: z.int().nullable(),
  reviewState: z.enum(['submitted', 'accepted', 'returned']).nullable(),
  submittedAt: IsoDateTime.nullable(),
  receivedAt: IsoDateTime.nullable(),
  /** receivedAt − submittedAt, in seconds: how long the phone waited for a connection. */
  syncLagSeconds: z.number().nullable(),
  criteria: CommuneCriteriaSchema.nullable(),
  /** The verification of the latest revision (issue #14); null before its first step. */
  verified: CommuneVerifiedSchema.nullable().optional(),
  /** Its community teams' tally this year (issue #15), as shown outside the commune; null when they sent nothing. */
  community: CommunityTallySchema.nullable().optional(),
});
export type CommuneRow = z.infer<typeof CommuneRowSchema>;

export const CommuneListSchema = z.object({
  provinceCode: z.string(),
  provinceName: z.string(),
  communes: z.array(CommuneRowSchema),
});

export const SummaryQuerySchema = z.object({ areaType: AreaTypeSchema.optional() });

const ScorePairSchema = z.object({ province: z.number().nullable(), national: z.number().nullable() });

export const CoverageRowSchema = z.object({
  code: z.string(),
  group: z.string(),
  tier: z.string(),
  areaType: z.string().nullable(),
  vi: z.string(),
  /** Submitted communes for which the component counts (applicable, not N/A). */
  counted: z.int(),
  /** Of those, communes at status 2 or 3. */
  covered: z.int(),
  /** covered / counted, 0–1, three decimals. */
  share: z.number(),
});
export type CoverageRow = z.infer<typeof CoverageRowSchema>;

export const LevelCountSchema = z.object({ level: z.int(), count: z.int() });

/**
 * The communes under one criteria set and version (never mixed with another set's): means of the
 * stored points, rounded to one decimal; a group no commune has counted has a null average.
 */
export const SelfVerifiedSchema = z.object({ self: z.number().nullable(), verified: z.number().nullable() });
export type SelfVerified = z.infer<typeof SelfVerifiedSchema>;

/** Issue #14: means over the counted communes with a verification only, self and verified over the same communes. */
export const VerifiedAveragesSchema = z
  .object({
    communes: z.int().meta({ description: 'Counted communes whose representing revision has a verification' }),
    /** The index (a criteria set's total under a set). */
    index: SelfVerifiedSchema,
    groups: z.array(SelfVerifiedSchema.extend({ id: z.string() })),
  })
  .meta({ description: 'Average self-assessed and verified scores over the communes with a verification' });
export type VerifiedAverages = z.infer<typeof VerifiedAveragesSchema>;

export const CriteriaSetSummarySchema = z.object({
  setId: z.string(),
  setVersion: z.string(),
  title: z.object({ vi: z.string(), en: z.string() }),
  /** The set's own notice (the template's: not any province's official index). */
  notice: z.object({ vi: z.string(), en: z.string() }).nullable(),
  template: z.boolean(),
  pointBased: z.boolean(),
  communes: z.int(),
  averageTotal: z.number().nullable(),
  max: z.number(),
  /** Every level of the set, with its lower bound and name. */
  levels: z.array(LevelCountSchema.extend({ min: z.number(), vi: z.string(), en: z.string() })),
  groups: z.array(
    z.object({
      id: z.string(),
      parent: z.string().nullable(),
      vi: z.string(),
      en: z.string(),
      average: z.number().nullable(),
      max: z.number(),
    }),
  ),
  verified: VerifiedAveragesSchema,
});
export type CriteriaSetSummary = z.infer<typeof CriteriaSetSummarySchema>;

export const ProvinceSummarySchema = z.object({
  provinceCode: z.string(),
  provinceName: z.string(),
  areaType: AreaTypeSchema.nullable(),
  communes: z.object({ total: z.int(), submitted: z.int() }),
  averageIndex: z.number().nullable(),
  nationalAverageIndex: z.number().nullable(),
  levels: z.array(LevelCountSchema),
  layers: z.array(ScorePairSchema.extend({ layer: z.int() })),
  groups: z.array(ScorePairSchema.extend({ id: z.string(), layer: z.int() })),
  /** Weakest first. */
  coverage: z.array(CoverageRowSchema),
  /** Per criteria set named by the counted communes (the index above stays the provisional method's). */
  criteriaSets: z.array(CriteriaSetSummarySchema),
  verified: VerifiedAveragesSchema,
});
export type ProvinceSummary = z.infer<typeof ProvinceSummarySchema>;

export const ProvinceOverviewSchema = z.object({
  provinces: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      communes: z.object({ total: z.int(), submitted: z.int() }),
      averageIndex: z.number().nullable(),
      levels: z.array(LevelCountSchema),
      layers: z.array(z.object({ layer: z.int(), score: z.number().nullable() })),
    }),
  ),
  national: z.object({
    communes: z.object({ total: z.int(), submitted: z.int() }),
    averageIndex: z.number().nullable(),
  }),
});
export type ProvinceOverview = z.infer<typeof ProvinceOverviewSchema>;
