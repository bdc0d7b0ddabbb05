/**
 * 008: evidence files (issue #13). Uploads arrive over tus in chunks (`evidence_uploads`, one row
 * per upload; `evidence_chunks`, the bytes durably received so far); on completion, once checked,
 * the bytes become one row of `evidence_files`, keyed by their SHA-256 (one copy per content), and
 * `evidence_owners` records which commune uploaded it (who may read it). Everything is in the
 * database, so every instance sharing a PostgreSQL sees it and a SQLite backup holds it.
 */
import { PostgresAdapter, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // The same bytes type under two names: SQLite's BLOB, PostgreSQL's bytea.
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('evidence_uploads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('commune_code', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('declared_type', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('received', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute();
  await db.schema
    .createIndex('evidence_uploads_commune')
    .on('evidence_uploads')
    .columns(['commune_code', 'completed_at'])
    .execute();
  await db.schema
    .createTable('evidence_chunks')
    .addColumn('upload_id', 'text', (c) => c.notNull().references('evidence_uploads.id').onDelete('cascade'))
    .addColumn('offset', 'integer', (c) => c.notNull())
    .addColumn('data', bytes, (c) => c.notNull())
    .addPrimaryKeyConstraint('evidence_chunks_pk', ['upload_id', 'offset'])
    .execute();
  await db.schema
    .createTable('evidence_files')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('data', bytes, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('evidence_owners')
    .addColumn('sha256', 'text', (c) => c.notNull().references('evidence_files.sha256'))
    .addColumn('commune_code', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('evidence_owners_pk', ['sha256', 'commune_code'])
    .execute();
  await db.schema.createIndex('evidence_owners_commune').on('evidence_owners').column('commune_code').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('evidence_owners').execute();
  await db.schema.dropTable('evidence_files').execute();
  await db.schema.dropTable('evidence_chunks').execute();
  await db.schema.dropTable('evidence_uploads').execute();
}
