/** The commune's population (migration 010): one row per commune, replaced when corrected. */
import type { Kysely } from 'kysely';
import type { CommunePopulationsTable, Database } from '../db/schema';

export async function populationOf(db: Kysely<Database>, communeCode: string): Promise<CommunePopulationsTable | undefined> {
  return db.selectFrom('commune_populations').selectAll().where('commune_code', '=', communeCode).executeTakeFirst();
}

/** Sets it (insert or replace); returns the row it replaced, for the audit log. */
export async function setPopulation(
  db: Kysely<Database>,
  row: CommunePopulationsTable,
): Promise<CommunePopulationsTable | undefined> {
  return db.transaction().execute(async (trx) => {
    const before = await populationOf(trx, row.commune_code);
    await trx
      .insertInto('commune_populations')
      .values(row)
      .onConflict((oc) =>
        oc.column('commune_code').doUpdateSet({ population: row.population, set_at: row.set_at, set_by: row.set_by }),
      )
      .execute();
    return before;
  });
}
