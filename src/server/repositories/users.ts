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
  };
  await db.insertInto('users').values(row).execute();
  return row;
}

export async function setUserPassword(db: Kysely<Database>, id: string, passwordHash: string, at: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, updated_at: at }).where('id', '=', id).execute();
}

export function listUsers(db: Kysely<Database>): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('username').execute();
}
