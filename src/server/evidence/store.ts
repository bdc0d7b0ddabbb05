/**
 * The tus DataStore on the server's own database (SQLite file or PostgreSQL), so that every
 * instance sharing DATABASE_URL can resume an upload another one started. Bytes are committed as
 * they arrive, in rows of at most FLUSH_BYTES: a connection cut or a server killed mid-PATCH
 * leaves the upload at the last committed row, which is the offset HEAD reports. The last row is
 * not written as a chunk: the whole file is checked (inspect.ts) and, in one transaction, becomes
 * a content-addressed file with its owner while the chunks go; a refused file is deleted whole.
 *
 * Every write moves `received` from the offset it read to the new one with a conditional UPDATE,
 * so two instances appending to one upload cannot both succeed (the loser answers 409) without
 * a shared lock.
 */
import type { Readable } from 'node:stream';
import { DataStore, ERRORS, Upload } from '@tus/server';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../context';
import type { Database } from '../db/schema';
import { findUpload, type UploadRow } from '../repositories/evidence';
import { evidenceRefusal } from './errors';
import { inspectUpload } from './inspect';

/** Bytes per committed row: a cut loses at most this much of what was sent. */
export const FLUSH_BYTES = 64 * 1024;

function uploadOf(row: UploadRow): Upload {
  return new Upload({
    id: row.id,
    size: row.size,
    offset: row.received,
    metadata: { sha256: row.sha256, type: row.declared_type, filename: row.filename, communeCode: row.commune_code },
    creation_date: row.created_at,
  });
}

export class DatabaseDataStore extends DataStore {
  constructor(private readonly deps: AppDeps) {
    super();
    this.extensions = ['creation', 'creation-with-upload', 'termination'];
  }

  private get db(): Kysely<Database> {
    return this.deps.db;
  }

  override async create(upload: Upload): Promise<Upload> {
    const meta = upload.metadata ?? {};
    upload.creation_date = this.deps.now().toISOString();
    await this.db
      .insertInto('evidence_uploads')
      .values({
        id: upload.id,
        commune_code: meta.communeCode ?? '',
        sha256: meta.sha256 ?? '',
        declared_type: meta.type ?? '',
        filename: meta.filename ?? '',
        size: upload.size ?? 0,
        received: 0,
        created_at: upload.creation_date,
        completed_at: null,
      })
      .execute();
    return upload;
  }

  override async getUpload(id: string): Promise<Upload> {
    const row = await findUpload(this.db, id);
    if (!row) throw ERRORS.FILE_NOT_FOUND;
    return uploadOf(row);
  }

  /** Termination: an unfinished upload's chunks go; a stored file never does. */
  override async remove(id: string): Promise<void> {
    const deleted = await this.db.deleteFrom('evidence_uploads').where('id', '=', id).where('completed_at', 'is', null).execute();
    if (Number(deleted[0]?.numDeletedRows ?? 0) === 0) throw ERRORS.FILE_NOT_FOUND;
  }

  override async write(readable: Readable, id: string, offset: number): Promise<number> {
    const row = await findUpload(this.db, id);
    if (!row) throw ERRORS.FILE_NOT_FOUND;
    let received = offset;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (pendingBytes === 0) return;
      const data = Buffer.concat(pending);
      pending = [];
      pendingBytes = 0;
      received = await this.append(row, received, data);
    };
    const chunks = readable[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await chunks.next();
      } catch (error) {
        // The connection broke: keep what arrived whole, so the phone resumes after it.
        await flush();
        throw error;
      }
      if (next.done) break;
      pending.push(next.value);
      pendingBytes += next.value.length;
      if (pendingBytes >= FLUSH_BYTES && received + pendingBytes < row.size) await flush();
    }
    await flush();
    return received;
  }

  /** Commits `data` at `from`; returns the new offset. The final bytes complete the upload. */
  private async append(row: UploadRow, from: number, data: Buffer): Promise<number> {
    const to = from + data.length;
    if (to > row.size) throw ERRORS.ERR_SIZE_EXCEEDED;
    if (to === row.size) {
      await this.complete(row, from, data);
      return to;
    }
    await this.db.transaction().execute(async (trx) => {
      await this.advance(trx, row.id, from, to);
      await trx.insertInto('evidence_chunks').values({ upload_id: row.id, offset: from, data }).execute();
    });
    return to;
  }

  private async advance(db: Kysely<Database>, id: string, from: number, to: number, completedAt?: string): Promise<void> {
    const result = await db
      .updateTable('evidence_uploads')
      .set({ received: to, ...(completedAt ? { completed_at: completedAt } : {}) })
      .where('id', '=', id)
      .where('received', '=', from)
      .where('completed_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw ERRORS.INVALID_OFFSET;
  }

  private async complete(row: UploadRow, from: number, last: Buffer): Promise<void> {
    const earlier = await this.db
      .selectFrom('evidence_chunks')
      .select(['offset', 'data'])
      .where('upload_id', '=', row.id)
      .orderBy('offset')
      .execute();
    const bytes = Buffer.concat([...earlier.map((c) => Buffer.from(c.data)), last]);
    if (bytes.length !== row.size) throw ERRORS.INVALID_OFFSET;
    const verdict = inspectUpload(bytes, { sha256: row.sha256, type: row.declared_type });
    if (!verdict.ok) {
      await this.db.deleteFrom('evidence_uploads').where('id', '=', row.id).execute();
      throw evidenceRefusal(verdict.status, verdict.code, verdict.message);
    }
    const now = this.deps.now().toISOString();
    const province = this.deps.reference.communes.get(row.commune_code)?.province.code ?? '';
    await this.db.transaction().execute(async (trx) => {
      await this.advance(trx, row.id, from, row.size, now);
      await trx
        .insertInto('evidence_files')
        .values({
          sha256: row.sha256,
          type: verdict.type,
          size: row.size,
          width: verdict.width,
          height: verdict.height,
          created_at: now,
          data: bytes,
        })
        .onConflict((oc) => oc.column('sha256').doNothing())
        .execute();
      await trx
        .insertInto('evidence_owners')
        .values({
          sha256: row.sha256,
          commune_code: row.commune_code,
          province_code: province,
          filename: row.filename,
          created_at: now,
        })
        .onConflict((oc) => oc.columns(['sha256', 'commune_code']).doNothing())
        .execute();
      await trx.deleteFrom('evidence_chunks').where('upload_id', '=', row.id).execute();
    });
  }
}
