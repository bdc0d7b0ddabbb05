/** Accounts that sign in with a password: the admin and provincial reviewers. */
import type { Kysely, Selectable } from 'kysely';
import type { Database, Role, UsersTable } from '../db/schema';

export type UserRow = Selectable<UsersTable>;

export function findUserByUsername(db: Kysely<Database>, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function insertUser(
  db: Kysely<Database>,
  user: { id: string; username: string; passwordHash: string; role: Role; provinceCode: string | null; at: string },
): Promise<UserRow> {
  const row: UserRow = {
    id: user.id,
    username: user.username,
    password_hash: user.passwordHash,
    role: user.role,
    province_code: user.provinceCode,
    created_at: user.at,
    updated_at: user.at,
    disabled_at: null,
    must_change_password: 0,
    last_sign_in_at: null,
  };
  await db.insertInto('users').values(row).execute();
  return row;
}

/** mustChange: set by an admin's reset (the user must choose a new one), cleared when the user sets it. */
export async function setUserPassword(
  db: Kysely<Database>,
  id: string,
  passwordHash: string,
  at: string,
  mustChange = false,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, updated_at: at, must_change_password: mustChange ? 1 : 0 })
    .where('id', '=', id)
    .execute();
}

export async function setUserDisabled(db: Kysely<Database>, id: string, disabledAt: string | null, at: string): Promise<void> {
  await db.updateTable('users').set({ disabled_at: disabledAt, updated_at: at }).where('id', '=', id).execute();
}

export async function recordSignIn(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('users').set({ last_sign_in_at: at }).where('id', '=', id).execute();
}

export function findUserById(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listUsers(db: Kysely<Database>): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('username').execute();
}
