/** Verification (thẩm định) of a revision, item by item, and the phone's comparison with its province. */
import { z } from 'zod';
import { normalizeText } from '../../domain/answer-rules';
import type { Same } from '../../domain/same-type';
import { IndicatorValueSchema } from '../../domain/submission';
import type { Comparison as DomainComparison, VerificationView } from '../../domain/verification';
import { IsoDateTime } from './common';
import { ScoreResultSchema } from './score';

export const AdjustedAnswerSchema = z.union([
  z.strictObject({ status: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]) }),
  z.strictObject({ value: IndicatorValueSchema }),
]);

export const VerifyRequestSchema = z.object({
  /** The item: a component code, or a criteria set's own indicator code (the answer's code). */
  code: z.string().min(1).max(32),
  outcome: z.enum(['verified', 'adjusted']),
  /** Required when adjusted: the new answer, of the item's own input kind. */
  adjusted: AdjustedAnswerSchema.optional(),
  /** Required when adjusted (422 reason_required). NFC and trimmed. */
  reason: z.string().max(1000).overwrite(normalizeText).optional(),
  /** The revision being verified; refused with 409 when a newer one has arrived meanwhile. */
  revision: z.int().min(1).optional(),
});

export const VerificationItemSchema = z.object({
  code: z.string(),
  outcome: z.enum(['verified', 'adjusted']),
  adjusted: AdjustedAnswerSchema.optional(),
  reason: z.string().optional(),
  by: z.string().meta({ description: 'The reviewer’s username' }),
  at: IsoDateTime,
  carriedFrom: z
    .int()
    .optional()
    .meta({ description: 'The revision the step was taken on, when carried forward to an unchanged item of a newer one' }),
});

export const VerificationViewSchema = z.object({
  assessmentId: z.string(),
  revision: z.int(),
  itemCount: z.int(),
  verifiedCount: z.int(),
  adjustedCount: z.int(),
  items: z.array(VerificationItemSchema),
  score: ScoreResultSchema.nullable().meta({ description: 'The server’s score with the adjustments applied' }),
  updatedAt: IsoDateTime.nullable(),
});

const _viewMatches: Same<z.infer<typeof VerificationViewSchema>, VerificationView> = true;

const AverageSchema = z
  .object({ average: z.number(), communes: z.int() })
  .nullable()
  .meta({ description: 'null when fewer than 3 communes are averaged (no single commune can be singled out)' });

export const ComparisonSchema = z.object({
  assessmentId: z.string(),
  revision: z.int(),
  /** What the groups are scored by: the criteria set (id@version) or the provisional methodology. */
  basis: z.object({ kind: z.enum(['criteria', 'methodology']), id: z.string(), version: z.string().nullable() }),
  areaType: z.string().nullable(),
  total: z.object({ commune: z.number(), max: z.number(), province: AverageSchema, areaType: AverageSchema }),
  groups: z.array(
    z.object({
      id: z.string(),
      vi: z.string(),
      en: z.string(),
      max: z.number(),
      commune: z.number().nullable(),
      province: AverageSchema,
      areaType: AverageSchema,
    }),
  ),
  computedAt: IsoDateTime,
});
export type Comparison = z.infer<typeof ComparisonSchema>;
const _comparisonMatches: Same<Comparison, DomainComparison> = true;
