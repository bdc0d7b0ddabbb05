/**
 * 011: community digital teams (issue #15). A device and the code that enrolled it carry a role:
 * `officer` (every phone enrolled so far: the commune's assessment) or `team` (a community digital
 * team's phone: support-log entries and survey responses only). Entries and responses are keyed by
 * the phone's own id (a UUID), so a replay inserts nothing: exactly once rests on the primary key,
 * whatever the timing of two instances. Nothing identifying a resident has a column.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('devices')
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('officer'))
    .execute();
  await db.schema
    .alterTable('enrollment_codes')
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('officer'))
    .execute();
  // A commune's officer phone may issue team codes: created_by (a user, by foreign key) is then the
  // account that enrolled that phone, answerable for it, and this column names the phone itself.
  await db.schema.alterTable('enrollment_codes').addColumn('issued_by_device', 'text').execute();
  await db.schema
    .createTable('team_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('commune_code', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('hamlet', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('residents', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('team_entries_commune_date_idx').on('team_entries').columns(['commune_code', 'date']).execute();
  await db.schema
    .createTable('survey_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('commune_code', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('survey_version', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text', (c) => c.notNull())
    // The Vietnam-time date of answered_at: what a period (a year) is cut on.
    .addColumn('answered_on', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    // The answer to the survey's overall question (1–5), null when not given.
    .addColumn('overall', 'integer')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_responses_commune_date_idx')
    .on('survey_responses')
    .columns(['commune_code', 'answered_on'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('survey_responses').execute();
  await db.schema.dropTable('team_entries').execute();
  await db.schema.alterTable('enrollment_codes').dropColumn('issued_by_device').execute();
  await db.schema.alterTable('enrollment_codes').dropColumn('role').execute();
  await db.schema.alterTable('devices').dropColumn('role').execute();
}
