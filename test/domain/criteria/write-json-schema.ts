/** Writes data/criteria/criteria-set.schema.json from the zod schema (run with tsx after changing it). */
import { writeFileSync } from 'node:fs';
import { criteriaSetJsonSchema } from '../../../src/domain/criteria/json-schema';

writeFileSync(
  new URL('../../../data/criteria/criteria-set.schema.json', import.meta.url),
  `${JSON.stringify(criteriaSetJsonSchema(), null, 2)}\n`,
);
