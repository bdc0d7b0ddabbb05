/**
 * Shared helpers of the store tests: a fresh database per test, a sample assessment input, and
 * a DBCore middleware that makes IndexedDB refuse writes on demand (as a full disk does).
 */
import type { DBCore } from 'dexie';
import { openXasoDb } from '../../src/db/database';
import type { XasoDb } from '../../src/db/database';
import type { NewAssessmentInput } from '../../src/db/assessments';

export function freshDb(): XasoDb {
  return openXasoDb(`xaso-test-${crypto.randomUUID()}`);
}

export const sampleInput: NewAssessmentInput = {
  provinceCode: '01',
  communeCode: '00004',
  areaTypes: ['urban'],
  period: '2026',
  catalogueVersion: '2026.1',
  methodologyId: 'provisional-2026.1',
};

export function quotaError(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

/**
 * Make writes to `tables` fail with `error()` while `switch.on` is true. Must be installed
 * before the database is first used (Dexie builds its middleware stack on open).
 */
export function failWrites(db: XasoDb, tables: string[], error: () => Error = quotaError): { on: boolean } {
  const state = { on: false };
  db.use({
    stack: 'dbcore',
    name: 'test-fail-writes',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (!tables.includes(name)) return table;
        return { ...table, mutate: (req) => (state.on ? Promise.reject(error()) : table.mutate(req)) };
      },
    }),
  });
  return state;
}
