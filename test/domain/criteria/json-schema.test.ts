/**
 * data/criteria/criteria-set.schema.json is generated from the zod schema the code uses and kept
 * current; every bundled set validates against it (ajv) and against the full schema (zod, with the
 * catalogue, which also checks points, cycles and links).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import catalogueJson from '../../../data/catalogue/2026.1/catalogue.json';
import { parseCriteriaSet } from '../../../src/domain/criteria';
import { criteriaSetJsonSchema } from '../../../src/domain/criteria/json-schema';
import type { Catalogue } from '../../../src/domain/types';

const dir = join(import.meta.dirname, '../../../data/criteria');
const schemaFile = JSON.parse(readFileSync(join(dir, 'criteria-set.schema.json'), 'utf8')) as Record<string, unknown>;
const setFiles = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'criteria-set.schema.json');

describe('the criteria-set JSON Schema', () => {
  it('is current: regenerate it with `node --import tsx test/domain/criteria/write-json-schema.ts` after changing the zod schema', () => {
    expect(schemaFile).toEqual(criteriaSetJsonSchema());
  });

  const validate = new Ajv({ allErrors: true }).compile(schemaFile);

  it.each(setFiles)('%s validates against the JSON Schema and the full schema', (file) => {
    const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    const set = parseCriteriaSet(json, catalogueJson as Catalogue);
    expect(`${set.id}-${set.version}.json`).toBe(file);
  });

  it('refuses an unknown rule kind', () => {
    const json = JSON.parse(readFileSync(join(dir, setFiles[0]!), 'utf8')) as { indicators: { rule: unknown }[] };
    json.indicators[0]!.rule = { kind: 'lottery' };
    expect(validate(json)).toBe(false);
  });
});
