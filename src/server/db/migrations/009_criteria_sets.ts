/**
 * 009: criteria sets published by a province (issue #12). One row per uploaded version: a draft
 * until a reviewer publishes it, then immutable. The set itself is stored as its canonical JSON
 * (`body`), with the facts a list shows beside it, so listing never parses a set.
 * - Published versions are unique per set id (partial unique index), so two reviewers racing to
 *   publish the same version get one row and one 409.
 * - A set id belongs to one province (`criteria_set_owners`, claimed at the first publish), so two
 *   provinces never publish under the same id, whatever the timing.
 * - A trigger refuses any UPDATE or DELETE of a published row on both databases: immutability does
 *   not rest on every future code path remembering it.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const IMMUTABLE = 'published criteria sets are immutable';

async function createTables(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('criteria_sets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('set_id', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title_vi', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('indicator_count', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text')
    .execute();
  await db.schema.createIndex('criteria_sets_province_idx').on('criteria_sets').columns(['province_code', 'status']).execute();
  await db.schema
    .createIndex('criteria_sets_published_uq')
    .on('criteria_sets')
    .columns(['set_id', 'version'])
    .unique()
    .where(sql.ref('status'), '=', 'published')
    .execute();
  await db.schema
    .createTable('criteria_set_owners')
    .addColumn('set_id', 'text', (c) => c.primaryKey())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .execute();
}

async function createTriggers(db: AnyDb): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql
      .raw(
        `CREATE FUNCTION criteria_sets_immutable() RETURNS trigger AS $$
BEGIN
  IF OLD.status = 'published' THEN RAISE EXCEPTION '${IMMUTABLE}'; END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql`,
      )
      .execute(db);
    await sql
      .raw(
        'CREATE TRIGGER criteria_sets_immutable BEFORE UPDATE OR DELETE ON criteria_sets FOR EACH ROW EXECUTE FUNCTION criteria_sets_immutable()',
      )
      .execute(db);
    return;
  }
  for (const op of ['UPDATE', 'DELETE'])
    await sql
      .raw(
        `CREATE TRIGGER criteria_sets_immutable_${op.toLowerCase()} BEFORE ${op} ON criteria_sets
WHEN OLD.status = 'published' BEGIN SELECT RAISE(ABORT, '${IMMUTABLE}'); END`,
      )
      .execute(db);
}

export async function up(db: AnyDb): Promise<void> {
  await createTables(db);
  await createTriggers(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('criteria_set_owners').execute();
  // Dropping the table drops its triggers; PostgreSQL's trigger function goes separately.
  await db.schema.dropTable('criteria_sets').execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql.raw('DROP FUNCTION criteria_sets_immutable()').execute(db);
}
