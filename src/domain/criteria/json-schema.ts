/**
 * The JSON Schema of the criteria-set format, generated from the zod schema the code uses, so
 * the two cannot disagree. Checked in as data/criteria/criteria-set.schema.json for data authors
 * and editors; test/domain/criteria/json-schema.test.ts fails when the file is stale. The cross-field
 * checks of ./validate.ts (points adding up, cycles, links) are beyond JSON Schema.
 */
import { z } from 'zod';
import { CriteriaSetBaseSchema } from './schema';

export function criteriaSetJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(CriteriaSetBaseSchema, { target: 'draft-7', io: 'input' }),
    $id: 'https://xa-so.example/data/criteria/criteria-set.schema.json',
    title: 'Xã số criteria set',
  };
}
