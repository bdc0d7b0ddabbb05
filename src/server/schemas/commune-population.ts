/** The commune's population (issue #15): entered once per commune, by its officer or a reviewer. */
import { z } from 'zod';
import { IsoDateTime } from './common';

/** The largest Vietnamese communes (after the 2025 mergers) are a few hundred thousand people. */
export const POPULATION_MAX = 5_000_000;

export const PopulationRequestSchema = z
  .object({ population: z.int().min(1).max(POPULATION_MAX).meta({ description: 'Inhabitants of the commune (số dân)' }) })
  .strict();

export const PopulationSchema = z.object({
  communeCode: z.string(),
  population: z.int().nullable().meta({ description: 'null: not entered yet' }),
  setAt: IsoDateTime.nullable(),
  setBy: z
    .enum(['commune', 'reviewer'])
    .nullable()
    .meta({ description: 'Who entered it last: the commune’s officer or a reviewer' }),
});
export type PopulationView = z.infer<typeof PopulationSchema>;
