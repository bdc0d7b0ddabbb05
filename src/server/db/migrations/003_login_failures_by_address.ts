/**
 * 003: failed sign-ins are also counted per address across usernames (password spraying, see
 * auth/login.ts), so that count gets its own index.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.createIndex('login_failures_ip_idx').on('login_failures').columns(['ip', 'at']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('login_failures_ip_idx').execute();
}
