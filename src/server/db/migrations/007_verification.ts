/**
 * 007: verification (thẩm định, issue #14). `verifications`: every step a reviewer takes on an item
 * of a revision (verified, or adjusted to a new value with a reason), appended, the newest per item
 * standing. `verified_scores`: per revision, the server's score with the adjustments applied,
 * beside the self-assessed one (the dashboards join it to commune_scores by assessment and
 * revision). `reviews.evidence_requests`: a return may name items needing evidence, with a note.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('verifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('adjusted', 'text')
    .addColumn('reason', 'text')
    .addColumn('reviewer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('verifications_revision_idx')
    .on('verifications')
    .columns(['assessment_id', 'revision', 'code'])
    .execute();

  await db.schema
    .createTable('verified_scores')
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('score', 'text', (c) => c.notNull())
    .addColumn('score_index', 'double precision', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('criteria_total', 'double precision')
    .addColumn('criteria_level', 'integer')
    .addColumn('item_count', 'integer', (c) => c.notNull())
    .addColumn('verified_count', 'integer', (c) => c.notNull())
    .addColumn('adjusted_count', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('verified_scores_pk', ['assessment_id', 'revision'])
    .execute();

  await db.schema.alterTable('reviews').addColumn('evidence_requests', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('reviews').dropColumn('evidence_requests').execute();
  await db.schema.dropTable('verified_scores').execute();
  await db.schema.dropTable('verifications').execute();
}
