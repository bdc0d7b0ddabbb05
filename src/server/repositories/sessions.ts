/** Signed-in sessions of users, keyed by the SHA-256 of their bearer token, with an expiry. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { UserRow } from './users';

export async function insertSession(
  db: Kysely<Database>,
  session: { tokenHash: string; userId: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** The user behind a token that has not expired. */
export async function findSessionUser(
  db: Kysely<Database>,
  tokenHash: string,
  nowIso: string,
): Promise<(UserRow & { expires_at: string }) | undefined> {
  return (
    db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('users')
      .select('sessions.expires_at')
      .where('sessions.token_hash', '=', tokenHash)
      .where('sessions.expires_at', '>', nowIso)
      // A disabled account's sessions are deleted when it is disabled; this holds even if one slipped in.
      .where('users.disabled_at', 'is', null)
      .executeTakeFirst()
  );
}

export async function deleteSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteSessionsOfUser(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Housekeeping on sign-in, so the table does not grow with dead sessions. */
export async function deleteExpiredSessions(db: Kysely<Database>, nowIso: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', nowIso).execute();
}
