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

interface RawFailure {
  db: string;
  tables: string[];
  state: { on: boolean };
  error: () => Error;
}
const rawFailures = new Set<RawFailure>();
let rawPatched = false;

/**
 * saveAnswer writes on the raw IDBDatabase (src/db/answer-write.ts), under Dexie's middleware:
 * failWrites makes those puts refuse too, by throwing from IDBObjectStore.put as IndexedDB does
 * for a request it refuses at once. Installed once; inert unless a failure is switched on.
 */
function patchRawPut(): void {
  if (rawPatched) return;
  rawPatched = true;
  const original = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    for (const f of rawFailures)
      if (f.state.on && f.db === this.transaction.db.name && f.tables.includes(this.name)) throw f.error();
    return original.apply(this, args);
  };
}

/** failWrites for both paths: Dexie's (middleware) and saveAnswer's raw transaction. */
export function failAllWrites(db: XasoDb, tables: string[], error: () => Error = quotaError): { on: boolean } {
  const state = failWrites(db, tables, error);
  patchRawPut();
  rawFailures.add({ db: db.name, tables, state, error });
  return state;
}
