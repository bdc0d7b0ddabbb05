/**
 * The schema history of the phone's IndexedDB database, oldest first.
 *
 * Policy (officers' answers live only here until they are sent, so a bad upgrade loses work):
 * - A released version is never edited. Any change to tables, keys or indexes, or to the shape
 *   of stored rows, is a NEW entry with the next version number.
 * - When existing rows must change shape, the entry carries an `upgrade` function. It runs
 *   inside Dexie's versionchange transaction: it may only use that transaction (`tx.table(...)`)
 *   and must not await anything else (no fetch, no timers), or the transaction commits early.
 * - An upgrade never deletes user data; a table is dropped (`null`) only after its rows have
 *   been copied elsewhere in the same upgrade.
 * - test/db/migrations.test.ts keeps a frozen copy of every released schema, fills a database
 *   at each of them and opens it with the current code. Add the new version there too.
 */
import type { Dexie, Transaction } from 'dexie';

export interface SchemaVersion {
  version: number;
  /** Dexie store specs: primary key first, then indexes; `null` drops a table. */
  stores: Readonly<Record<string, string | null>>;
  /** Reshapes existing rows; runs once, when a phone moves past this version. */
  upgrade?: (tx: Transaction) => Promise<void> | void;
  /** What changed and why, for the next engineer. */
  note: string;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    note: 'First release: assessments, answers, settings, outbox (upward sync queue), sync state.',
    stores: {
      assessments: 'id, communeCode, updatedAt, status',
      answers: '[assessmentId+code], assessmentId',
      settings: 'key',
      outbox: '++id, assessmentId, nextAttemptAt',
      sync: 'assessmentId',
    },
  },
  {
    version: 2,
    note:
      "touches: an assessment's latest answer edit ({ assessmentId, updatedAt, lastCode }) in its own row, " +
      'so saveAnswer writes without reading first (one IndexedDB round trip, issue #16). No row is reshaped: ' +
      'a v1 assessment row still holds its updatedAt and lastCode, and readers lay the touch over it (touch.ts).',
    stores: {
      assessments: 'id, communeCode, updatedAt, status',
      answers: '[assessmentId+code], assessmentId',
      settings: 'key',
      outbox: '++id, assessmentId, nextAttemptAt',
      sync: 'assessmentId',
      touches: 'assessmentId',
    },
  },
  {
    version: 3,
    note:
      "criteriaSets: the province's published criteria sets this phone downloaded (issue #12), by key " +
      '"id@version", indexed by province; each row holds the set, validated before it is stored, and its sha256. ' +
      'No row is reshaped: a draft keeps the set and version it names.',
    stores: {
      assessments: 'id, communeCode, updatedAt, status',
      answers: '[assessmentId+code], assessmentId',
      settings: 'key',
      outbox: '++id, assessmentId, nextAttemptAt',
      sync: 'assessmentId',
      touches: 'assessmentId',
      criteriaSets: 'key, provinceCode',
    },
  },
  {
    version: 4,
    note:
      'Evidence (issue #13): evidenceBlobs holds each file once, keyed by the sha-256 of its bytes; evidenceLinks ' +
      'ties a file to an assessment item (component or indicator code) with its caption. New tables only: no row is reshaped.',
    stores: {
      assessments: 'id, communeCode, updatedAt, status',
      answers: '[assessmentId+code], assessmentId',
      settings: 'key',
      outbox: '++id, assessmentId, nextAttemptAt',
      sync: 'assessmentId',
      touches: 'assessmentId',
      criteriaSets: 'key, provinceCode',
      evidenceBlobs: 'sha256',
      evidenceLinks: 'id, assessmentId, sha256, [assessmentId+code]',
    },
  },
  {
    version: 5,
    note:
      "Verification (issue #14): verifiedResults keeps, per assessment, the province's verification of its latest " +
      'revision (verified score, items verified and adjusted) and the comparison with the province and the area type, ' +
      'as last fetched, for offline use. New table only: no row is reshaped.',
    stores: {
      assessments: 'id, communeCode, updatedAt, status',
      answers: '[assessmentId+code], assessmentId',
      settings: 'key',
      outbox: '++id, assessmentId, nextAttemptAt',
      sync: 'assessmentId',
      touches: 'assessmentId',
      criteriaSets: 'key, provinceCode',
      evidenceBlobs: 'sha256',
      evidenceLinks: 'id, assessmentId, sha256, [assessmentId+code]',
      verifiedResults: 'assessmentId',
    },
  },
  {
    version: 6,
    note:
      "Community teams (issue #15): a team phone's support log (teamEntries, by id, indexed by day and send state) and " +
      'its anonymous survey responses (surveyResponses, by id, indexed by send state), each row carrying its own ' +
      "outbox state; communityTallies keeps the commune's tally as an officer's phone last fetched it (key " +
      '"communeCode@year"). New tables only: no row is reshaped.',
    stores: {
      assessments: 'id, communeCode, updatedAt, status',
      answers: '[assessmentId+code], assessmentId',
      settings: 'key',
      outbox: '++id, assessmentId, nextAttemptAt',
      sync: 'assessmentId',
      touches: 'assessmentId',
      criteriaSets: 'key, provinceCode',
      evidenceBlobs: 'sha256',
      evidenceLinks: 'id, assessmentId, sha256, [assessmentId+code]',
      verifiedResults: 'assessmentId',
      teamEntries: 'id, date, syncState',
      surveyResponses: 'id, syncState',
      communityTallies: 'key',
    },
  },
];

export const LATEST_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]?.version ?? 1;

/** Problems with the history itself (checked by the tests): versions must strictly increase. */
export function checkSchemaHistory(versions: readonly SchemaVersion[]): string[] {
  const problems: string[] = [];
  versions.forEach((v, i) => {
    if (!Number.isInteger(v.version) || v.version < 1) problems.push(`version ${v.version} is not a positive integer`);
    const prev = versions[i - 1];
    if (prev && v.version <= prev.version) problems.push(`version ${v.version} does not follow ${prev.version}`);
  });
  return problems;
}

/** Declare every version on a Dexie instance, so that a phone on any old version can upgrade. */
export function declareSchema(db: Dexie, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS): void {
  for (const v of versions) {
    const declared = db.version(v.version).stores({ ...v.stores });
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
}
