/** Community-team payloads (issue #15): batches from a team phone, the commune's tally. */
import { z } from 'zod';
import { SurveySchema } from '../../domain/community/schemas';

/** At most this many items a batch: a day of a busy team is ~30 entries. */
export const MAX_BATCH_ITEMS = 500;

export const TeamEntriesBodySchema = z.strictObject({
  entries: z.array(z.unknown()).min(1).max(MAX_BATCH_ITEMS).meta({ description: 'SupportEntry items (src/domain/community)' }),
});
export const SurveyResponsesBodySchema = z.strictObject({
  responses: z
    .array(z.unknown())
    .min(1)
    .max(MAX_BATCH_ITEMS)
    .meta({ description: 'SurveyResponse items (src/domain/community)' }),
});

export const ItemProblemSchema = z.object({
  index: z.int(),
  id: z.string().nullable(),
  code: z.enum(['invalid_item', 'id_conflict']),
  problem: z.string(),
});

export const IntakeAckSchema = z.object({
  accepted: z.array(z.string()).meta({ description: 'Stored now' }),
  duplicates: z.array(z.string()).meta({ description: 'Already stored with the same content: a replay, counted once' }),
});

export const IntakeRefusalSchema = IntakeAckSchema.extend({
  error: z.object({ code: z.string(), message: z.string(), items: z.array(ItemProblemSchema) }),
});

const SatisfactionSchema = z.union([
  z.object({ mean: z.number().nullable(), shareSatisfied: z.number().nullable(), n: z.int() }),
  z.object({ tooFew: z.literal(true) }),
]);

export const CommunityTallySchema = z.object({
  period: z.string().meta({ description: 'The year, YYYY' }),
  residentsHelped: z.int(),
  residentsByKind: z.record(z.string(), z.int()),
  sessions: z.int(),
  responses: z.int(),
  satisfaction: SatisfactionSchema,
});

export const TallyQuerySchema = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
});

/** GET /team/survey: the survey a team phone runs (src/domain/community SurveySchema). */
export const TeamSurveySchema = z.object({ survey: SurveySchema });
