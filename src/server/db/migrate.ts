/**
 * Numbered migrations, listed in code rather than read from a folder so that they work the same
 * under tsx, a bundler or a test runner. Add a file NNN_name.ts with up and down, then list it here.
 */
import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import * as m001 from './migrations/001_init';
import * as m002 from './migrations/002_commune_scores';
import * as m003 from './migrations/003_login_failures_by_address';
import * as m004 from './migrations/004_review_change_reason';
import * as m005 from './migrations/005_account_state';
import * as m006 from './migrations/006_commune_criteria_scores';
import * as m007 from './migrations/007_verification';
import * as m008 from './migrations/008_evidence';
import * as m009 from './migrations/009_criteria_sets';
import * as m010 from './migrations/010_commune_population';
import * as m011 from './migrations/011_community_teams';
import * as m012 from './migrations/012_verification_carried';

const migrations: Record<string, Migration> = {
  '001_init': m001,
  '002_commune_scores': m002,
  '003_login_failures_by_address': m003,
  '004_review_change_reason': m004,
  '005_account_state': m005,
  '006_commune_criteria_scores': m006,
  '007_verification': m007,
  '008_evidence': m008,
  '009_criteria_sets': m009,
  '010_commune_population': m010,
  '011_community_teams': m011,
  '012_verification_carried': m012,
};

function migrator<DB>(db: Kysely<DB>): Migrator {
  return new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });
}

function check(result: MigrationResultSet): void {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed`, { cause: result.error });
  }
}

export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<void> {
  check(await migrator(db).migrateToLatest());
}

/** Undo every migration (tests check that each down mirrors its up). */
export async function migrateAllDown<DB>(db: Kysely<DB>): Promise<void> {
  const m = migrator(db);
  for (;;) {
    const result = await m.migrateDown();
    check(result);
    if (!result.results || result.results.length === 0) return;
  }
}
