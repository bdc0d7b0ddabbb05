/**
 * 006: the criteria set of each commune's representing assessment, in commune_scores: the set's
 * id and version, total points, level and points per group (see repositories/criteria-columns.ts),
 * so the province summary and the commune list aggregate per set without reading JSON scores.
 * The backfill fills them from the stored scores of the rows already there; a row whose score
 * has no criteria part (the provisional method alone) keeps nulls.
 */
import type { Kysely } from 'kysely';
import type { ScoreResult } from '../../../domain/types';
import { criteriaColumns } from '../../repositories/criteria-columns';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const PAGE = 200;

async function addColumns(db: AnyDb): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE adds one at a time.
  await db.schema.alterTable('commune_scores').addColumn('criteria_set_id', 'text').execute();
  await db.schema.alterTable('commune_scores').addColumn('criteria_set_version', 'text').execute();
  await db.schema.alterTable('commune_scores').addColumn('criteria_total', 'double precision').execute();
  await db.schema.alterTable('commune_scores').addColumn('criteria_level', 'integer').execute();
  await db.schema.alterTable('commune_scores').addColumn('criteria_groups', 'text').execute();
}

/** Keyset pages of the rows whose stored score has a criteria part (payloads stay unread). */
async function backfill(db: AnyDb): Promise<void> {
  for (let after = ''; ;) {
    const page = (await db
      .selectFrom('commune_scores as s')
      .innerJoin('assessment_revisions as r', (join) =>
        join.onRef('r.assessment_id', '=', 's.assessment_id').onRef('r.revision', '=', 's.revision'),
      )
      .select(['s.commune_code', 'r.score'])
      .where('s.commune_code', '>', after)
      .where('r.score', 'like', '%"criteria"%')
      .orderBy('s.commune_code')
      .limit(PAGE)
      .execute()) as { commune_code: string; score: string }[];
    if (page.length === 0) return;
    for (const row of page) {
      const criteria = (JSON.parse(row.score) as ScoreResult).criteria;
      if (!criteria) continue;
      await db
        .updateTable('commune_scores')
        .set({ ...criteriaColumns(criteria) })
        .where('commune_code', '=', row.commune_code)
        .execute();
    }
    after = (page.at(-1) as { commune_code: string }).commune_code;
  }
}

export async function up(db: AnyDb): Promise<void> {
  // PostgreSQL runs each migration in a transaction; SQLite does not, so make this one atomic there.
  if (db.isTransaction) return addColumns(db).then(() => backfill(db));
  await db.transaction().execute(async (trx) => {
    await addColumns(trx);
    await backfill(trx);
  });
}

export async function down(db: AnyDb): Promise<void> {
  for (const column of ['criteria_groups', 'criteria_level', 'criteria_total', 'criteria_set_version', 'criteria_set_id'])
    await db.schema.alterTable('commune_scores').dropColumn(column).execute();
}
