/** Single-use codes a reviewer issues to a commune; only their SHA-256 is kept. */
import type { Kysely, Selectable } from 'kysely';
import type { Database, EnrollmentCodesTable } from '../db/schema';

export type EnrollmentCodeRow = Selectable<EnrollmentCodesTable>;

export async function insertEnrollmentCode(db: Kysely<Database>, row: EnrollmentCodeRow): Promise<void> {
  await db.insertInto('enrollment_codes').values(row).execute();
}

export function findEnrollmentCode(db: Kysely<Database>, codeHash: string): Promise<EnrollmentCodeRow | undefined> {
  return db.selectFrom('enrollment_codes').selectAll().where('code_hash', '=', codeHash).executeTakeFirst();
}

/**
 * Marks the code used, only if nobody used it first: of two phones racing with one code,
 * exactly one sees `true`.
 */
export async function claimEnrollmentCode(db: Kysely<Database>, id: string, deviceId: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('enrollment_codes')
    .set({ used_at: at, device_id: deviceId })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function findEnrollmentCodeById(db: Kysely<Database>, id: string): Promise<EnrollmentCodeRow | undefined> {
  return db.selectFrom('enrollment_codes').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Codes of a commune that can still enroll a phone (not used, revoked or expired), newest first. */
export function listOpenEnrollmentCodes(db: Kysely<Database>, communeCode: string, nowIso: string): Promise<EnrollmentCodeRow[]> {
  return db
    .selectFrom('enrollment_codes')
    .selectAll()
    .where('commune_code', '=', communeCode)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', nowIso)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Revokes an unused code; false when it was used (or revoked) first. */
export async function revokeEnrollmentCode(db: Kysely<Database>, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('enrollment_codes')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
