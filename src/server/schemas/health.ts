import { z } from 'zod';

export const HealthSchema = z.object({
  status: z.literal('ok'),
  db: z.enum(['sqlite', 'postgres']),
  storage: z.literal('ok'),
  catalogueVersion: z.string(),
  methodologyVersion: z.string(),
});
