/** The score under a criteria set, as documented in the OpenAPI document (domain CriteriaScore). */
import { z } from 'zod';
import type { CriteriaScore } from '../../domain/criteria';
import type { Same } from '../../domain/same-type';

export const CriteriaScoreSchema = z.object({
  setId: z.string(),
  setVersion: z.string(),
  total: z.number(),
  max: z.number(),
  indexLevel: z.number(),
  level: z.number(),
  gatesApplied: z.array(z.string()),
  groups: z.array(
    z.object({
      id: z.string(),
      parent: z.string().nullable(),
      score: z.number().nullable(),
      max: z.number(),
      counted: z.number(),
      answered: z.number(),
    }),
  ),
  indicators: z.array(
    z.object({
      code: z.string(),
      applicable: z.boolean(),
      counted: z.boolean(),
      answered: z.boolean(),
      points: z.number(),
      max: z.number(),
      problem: z
        .enum([
          'wrong-kind',
          'not-whole-number',
          'negative',
          'too-large',
          'a-above-b',
          'b-missing',
          'unknown-option',
          'out-of-range',
          'bad-status',
          'na-not-allowed',
          'no-tally',
          'population-missing',
          'too-few-responses',
        ])
        .nullable(),
    }),
  ),
  completeness: z.object({ answered: z.number(), counted: z.number(), requiredAnswered: z.number(), requiredTotal: z.number() }),
  complete: z.boolean(),
  measured: z
    .object({
      tally: z
        .object({
          period: z.string(),
          residentsHelped: z.number(),
          residentsByKind: z.record(z.string(), z.number()),
          sessions: z.number(),
          responses: z.number(),
          satisfaction: z.union([
            z.object({ mean: z.number().nullable(), shareSatisfied: z.number().nullable(), n: z.number() }),
            z.object({ tooFew: z.literal(true) }),
          ]),
        })
        .nullable(),
      population: z.number().nullable(),
    })
    .optional()
    .meta({ description: 'The community tally and population the measured indicators were scored from (issue #15)' }),
});

const _criteriaScoreMatches: Same<z.infer<typeof CriteriaScoreSchema>, CriteriaScore> = true;
