/**
 * Evidence files and who may read them (tables of migration 008). A file is stored once per
 * SHA-256; each commune that uploaded it is an owner. Nothing here deletes a stored file: a
 * submitted revision may reference it, and revisions are never deleted.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Principal } from '../context';
import type { Database, EvidenceFilesTable, EvidenceUploadsTable } from '../db/schema';

export type UploadRow = Selectable<EvidenceUploadsTable>;
export type StoredFileMeta = Omit<Selectable<EvidenceFilesTable>, 'data'>;

/** How long an unfinished upload holds its place in the commune's quota and can be resumed. */
export const UPLOAD_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export function findUpload(db: Kysely<Database>, id: string): Promise<UploadRow | undefined> {
  return db.selectFrom('evidence_uploads').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Bytes a commune holds or is sending: its stored files, plus its unfinished uploads still alive.
 * Counted in two sums; PostgreSQL answers a bigint sum as text.
 */
export async function communeUsage(db: Kysely<Database>, communeCode: string, aliveSince: string): Promise<number> {
  const stored = await db
    .selectFrom('evidence_owners as o')
    .innerJoin('evidence_files as f', 'f.sha256', 'o.sha256')
    .select((eb) => eb.fn.sum<number | string | null>('f.size').as('bytes'))
    .where('o.commune_code', '=', communeCode)
    .executeTakeFirst();
  const sending = await db
    .selectFrom('evidence_uploads')
    .select((eb) => eb.fn.sum<number | string | null>('size').as('bytes'))
    .where('commune_code', '=', communeCode)
    .where('completed_at', 'is', null)
    .where('created_at', '>=', aliveSince)
    .executeTakeFirst();
  return Number(stored?.bytes ?? 0) + Number(sending?.bytes ?? 0);
}

/** Unfinished uploads of the commune older than their lifetime: their chunks go with them. */
export async function deleteStaleUploads(db: Kysely<Database>, communeCode: string, aliveSince: string): Promise<void> {
  await db
    .deleteFrom('evidence_uploads')
    .where('commune_code', '=', communeCode)
    .where('completed_at', 'is', null)
    .where('created_at', '<', aliveSince)
    .execute();
}

/**
 * Every commune's unfinished uploads started before `aliveSince`, with their chunks (ON DELETE
 * CASCADE): a phone that never came back would otherwise leave them forever. Returns how many.
 */
export async function deleteAllStaleUploads(db: Kysely<Database>, aliveSince: string): Promise<number> {
  const result = await db
    .deleteFrom('evidence_uploads')
    .where('completed_at', 'is', null)
    .where('created_at', '<', aliveSince)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The file's metadata when the caller may read it: its commune's devices, its province's reviewers, the admin. */
export async function readableFile(
  db: Kysely<Database>,
  principal: Principal,
  sha256: string,
): Promise<StoredFileMeta | undefined> {
  let query = db
    .selectFrom('evidence_files as f')
    .select(['f.sha256', 'f.type', 'f.size', 'f.width', 'f.height', 'f.created_at'])
    .where('f.sha256', '=', sha256);
  if (principal.kind === 'device' || principal.role !== 'admin') {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('evidence_owners as o')
          .select('o.sha256')
          .whereRef('o.sha256', '=', 'f.sha256')
          .where(
            principal.kind === 'device' ? 'o.commune_code' : 'o.province_code',
            '=',
            principal.kind === 'device' ? principal.communeCode : (principal.provinceCode ?? ''),
          ),
      ),
    );
  }
  return query.executeTakeFirst();
}

export async function fileBytes(db: Kysely<Database>, sha256: string): Promise<Uint8Array | undefined> {
  return (await db.selectFrom('evidence_files').select('data').where('sha256', '=', sha256).executeTakeFirst())?.data;
}

/** Which of these files the commune has uploaded (a submission's evidence is "received" then). */
export async function filesOfCommune(
  db: Kysely<Database>,
  communeCode: string,
  sha256s: readonly string[],
): Promise<Set<string>> {
  if (sha256s.length === 0) return new Set();
  const rows = await db
    .selectFrom('evidence_owners')
    .select('sha256')
    .where('commune_code', '=', communeCode)
    .where('sha256', 'in', [...new Set(sha256s)])
    .execute();
  return new Set(rows.map((r) => r.sha256));
}
