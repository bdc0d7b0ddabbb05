/**
 * 004: a reviewer who changes the verdict on a revision already reviewed must say why; the reason
 * is kept with the new verdict (services/review.ts).
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('reviews').addColumn('change_reason', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('reviews').dropColumn('change_reason').execute();
}
