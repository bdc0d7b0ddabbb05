/**
 * Failed sign-ins (and wrong enrollment codes, under a reserved "#…" name) per username and IP,
 * kept in the database (not in memory) so that the limits hold across several server instances
 * on one PostgreSQL and across restarts.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export async function countLoginFailures(db: Kysely<Database>, username: string, ip: string, sinceIso: string): Promise<number> {
  const row = await db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('username', '=', username)
    .where('ip', '=', ip)
    .where('at', '>', sinceIso)
    .executeTakeFirst();
  // PostgreSQL returns count(*) as a bigint string, SQLite as a number.
  return Number(row?.n ?? 0);
}

/** Failed sign-ins from one address, whatever the username (enrollment rows, "#…", excluded). */
export async function countAddressFailures(db: Kysely<Database>, ip: string, sinceIso: string): Promise<number> {
  const row = await db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('ip', '=', ip)
    .where('at', '>', sinceIso)
    .where('username', 'not like', '#%')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Failed sign-ins on one account, from any address. */
export async function countAccountFailures(db: Kysely<Database>, username: string, sinceIso: string): Promise<number> {
  const row = await db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('username', '=', username)
    .where('at', '>', sinceIso)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function recordLoginFailure(
  db: Kysely<Database>,
  failure: { id: string; username: string; ip: string; at: string },
): Promise<void> {
  await db.insertInto('login_failures').values(failure).execute();
}

/** A successful sign-in forgives earlier failures from the same place; old rows are purged. */
export async function clearLoginFailures(
  db: Kysely<Database>,
  username: string,
  ip: string,
  olderThanIso: string,
): Promise<void> {
  await db.deleteFrom('login_failures').where('username', '=', username).where('ip', '=', ip).execute();
  await db.deleteFrom('login_failures').where('at', '<=', olderThanIso).execute();
}

/** Removes one row (an attempt recorded in advance that turned out not to count). */
export async function deleteLoginFailure(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('login_failures').where('id', '=', id).execute();
}
