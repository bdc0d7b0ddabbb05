/**
 * 012: verification steps carried forward (issue #14). When a commune resubmits, a step on an item
 * whose answer and evidence did not change is copied to the new revision with its original reviewer
 * and time; `carried_from` names the revision it was taken on (null: a step taken on this revision).
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('verifications').addColumn('carried_from', 'integer').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('verifications').dropColumn('carried_from').execute();
}
