/** Enrolled phones: each holds a revocable token bound to one commune. */
import type { Kysely, Selectable } from 'kysely';
import { prepared } from '../db/prepared';
import type { Database, DevicesTable } from '../db/schema';

export type DeviceRow = Selectable<DevicesTable>;

export async function insertDevice(db: Kysely<Database>, device: DeviceRow): Promise<void> {
  await db.insertInto('devices').values(device).execute();
}

// Every device request runs it: prepared (see ../db/prepared.ts).
const activeDeviceByTokenHash = prepared((db, v: { tokenHash: string }) =>
  db.selectFrom('devices').selectAll().where('token_hash', '=', v.tokenHash).where('revoked_at', 'is', null),
);

export async function findActiveDeviceByTokenHash(db: Kysely<Database>, tokenHash: string): Promise<DeviceRow | undefined> {
  return (await activeDeviceByTokenHash(db, { tokenHash }))[0];
}

export function findDevice(db: Kysely<Database>, id: string): Promise<DeviceRow | undefined> {
  return db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listDevicesOfCommune(db: Kysely<Database>, communeCode: string): Promise<DeviceRow[]> {
  return db.selectFrom('devices').selectAll().where('commune_code', '=', communeCode).orderBy('created_at').execute();
}

/** A phone's own name (issue #15); a revoked phone keeps the name it had. true = stored. */
export async function setDeviceLabel(db: Kysely<Database>, id: string, label: string): Promise<boolean> {
  const result = await db
    .updateTable('devices')
    .set({ label })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Revoking twice keeps the first revocation's time and author. */
export async function revokeDevice(db: Kysely<Database>, id: string, by: string, at: string): Promise<void> {
  await db
    .updateTable('devices')
    .set({ revoked_at: at, revoked_by: by })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}
