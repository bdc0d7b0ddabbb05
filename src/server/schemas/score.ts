/** The server's score, as documented in the OpenAPI document (the shape of domain ScoreResult). */
import { z } from 'zod';
import type { ScoreResult } from '../../domain/types';
import type { Same } from '../../domain/same-type';
import { CriteriaScoreSchema } from './criteria-score';

export const ScoreResultSchema = z.object({
  catalogueVersion: z.string(),
  methodologyId: z.string(),
  index: z.number(),
  indexLevel: z.number(),
  level: z.number(),
  gatesApplied: z.array(z.string()),
  layers: z.array(z.object({ layer: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]), score: z.number() })),
  groups: z.array(
    z.object({
      id: z.string(),
      layer: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
      score: z.number().nullable(),
      applicable: z.number(),
      answered: z.number(),
    }),
  ),
  completeness: z.object({
    answered: z.number(),
    counted: z.number(),
    essentialAnswered: z.number(),
    essentialTotal: z.number(),
    ratio: z.number(),
  }),
  complete: z.boolean(),
  criteria: CriteriaScoreSchema.optional(),
});

// The documented shape must be the domain's shape.
const _scoreMatches: Same<z.infer<typeof ScoreResultSchema>, ScoreResult> = true;
