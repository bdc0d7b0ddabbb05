import { describe, expect, it } from 'vitest';
import { migrateAllDown, migrateToLatest } from '../../src/server/db/migrate';
import { DB_KINDS, openTestDatabase, usePostgresWhen } from './harness';

const TABLES = [
  'assessment_revisions',
  'assessments',
  'audit_log',
  'commune_populations',
  'commune_scores',
  'criteria_set_owners',
  'criteria_sets',
  'devices',
  'enrollment_codes',
  'evidence_chunks',
  'evidence_files',
  'evidence_owners',
  'evidence_uploads',
  'login_failures',
  'reviews',
  'sessions',
  'survey_responses',
  'team_entries',
  'users',
  'verifications',
  'verified_scores',
];

describe.each(DB_KINDS)('migrations (%s)', (kind) => {
  usePostgresWhen(kind);

  it('migrate up, down and up again; re-running up is a no-op', async () => {
    const database = await openTestDatabase(kind);
    const tables = async () =>
      (await database.db.introspection.getTables())
        .filter((t) => database.schema === undefined || t.schema === database.schema)
        .map((t) => t.name)
        .filter((n) => !n.startsWith('kysely_'))
        .sort();
    try {
      await migrateToLatest(database.db);
      expect(await tables()).toEqual(TABLES);
      await migrateToLatest(database.db);
      await migrateAllDown(database.db);
      expect(await tables()).toEqual([]);
      await migrateToLatest(database.db);
      expect(await tables()).toEqual(TABLES);
    } finally {
      await database.close();
    }
  });
});
