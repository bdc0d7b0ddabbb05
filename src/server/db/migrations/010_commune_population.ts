/**
 * 010: the commune's population (issue #15), entered once per commune: measured indicators such
 * as "residents helped per 1,000 inhabitants" divide by it. One row per commune, with who set it
 * and when; every change is also in the audit log with the value before and after.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('commune_populations')
    .addColumn('commune_code', 'text', (c) => c.primaryKey())
    .addColumn('population', 'integer', (c) => c.notNull())
    .addColumn('set_at', 'text', (c) => c.notNull())
    /** "device:<id>" (the commune's officer) or "user:<username>" (a reviewer or admin). */
    .addColumn('set_by', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('commune_populations').execute();
}
