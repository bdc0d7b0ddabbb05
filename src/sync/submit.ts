/**
 * Submitting, resending and withdrawing. The status change, the sync state and the outbox row
 * are written in ONE read-write transaction: either the assessment is "submitted" AND queued, or
 * neither (a crash in between cannot leave a submitted assessment that never goes up). The
 * checks run inside the same transaction, on the rows it writes. Sending is the outbox's job.
 */
import { getDb, type XasoDb } from '../db/database';
import { guardWrite } from '../db/errors';
import { nextTimestamp } from '../db/time';
import { getEnrollment } from './enrollment';
import { kickOutbox } from './kick';
import type { FlushOptions } from './outbox';
import type { OutboxEntry } from './outbox-rows';
import { readAnswers } from './payload';
import { evaluateSubmission, type SubmitCheck } from './readiness';
import { loadReference } from './reference';
import { lastAcknowledged, nextRevision } from './revisions';

export interface SubmitOptions extends FlushOptions {
  /** Called after the transaction committed; default: flush the outbox now. */
  kick?: () => void;
}

export type SubmitResult = ({ ok: true; revision: number } & Partial<SubmitCheck>) | ({ ok: false } & SubmitCheck);

function kick(opts: SubmitOptions): void {
  if (opts.kick) opts.kick();
  else kickOutbox(opts);
}

async function enqueue(id: string, opts: SubmitOptions, resend: boolean): Promise<SubmitResult> {
  const db = opts.db ?? getDb();
  const ref = await (opts.loadReference ?? loadReference)();
  const enrollment = await getEnrollment(db);
  const now = new Date((opts.now ?? Date.now)());
  const result = await guardWrite(
    db.transaction('rw', [db.assessments, db.answers, db.sync, db.outbox], async (): Promise<SubmitResult> => {
      const assessment = await db.assessments.get(id);
      const answers = await readAnswers(db, id);
      const check = evaluateSubmission({ assessment, answers, enrollment, ref, resend });
      if (!check.ok || !assessment) return { ...check, ok: false };
      const row = await db.sync.get(id);
      const { revision, baseRevision } = nextRevision(row);
      const at = now.toISOString();
      // A failed earlier attempt of an unacknowledged revision is superseded by this one.
      await db.outbox.where('assessmentId').equals(id).delete();
      await db.assessments.update(id, { status: 'submitted', updatedAt: nextTimestamp([assessment.updatedAt], now) });
      await db.sync.put({ assessmentId: id, state: 'queued', revision, ...(baseRevision === null ? {} : { baseRevision }) });
      await db.outbox.add({ assessmentId: id, revision, enqueuedAt: at, attempts: 0, nextAttemptAt: at });
      return { ok: true, revision };
    }),
  );
  if (result.ok) kick(opts);
  return result;
}

/**
 * Queue a complete draft (or a returned assessment) for the province: revision n + 1 on top of
 * the last revision the server acknowledged. Refuses, writing nothing, with the reasons.
 */
export function submitAssessment(id: string, opts: SubmitOptions = {}): Promise<SubmitResult> {
  return enqueue(id, opts, false);
}

/**
 * "Thử lại". A row the server refused is re-armed as it is (the body is rebuilt at send time, so
 * a fix made meanwhile goes up, and a new enrollment's token is used). After a conflict, the
 * officer's version goes up as a new revision on top of the server's newest: the server keeps
 * both, nothing is overwritten.
 */
export async function retrySubmission(id: string, opts: SubmitOptions = {}): Promise<SubmitResult> {
  const db = opts.db ?? getDb();
  const at = new Date((opts.now ?? Date.now)()).toISOString();
  const rearmed = await guardWrite(
    db.transaction('rw', [db.sync, db.outbox], async () => {
      const entries = (await db.outbox.where('assessmentId').equals(id).toArray()) as OutboxEntry[];
      if (entries.length === 0) return undefined;
      for (const entry of entries) {
        const { failed: _failed, ...rest } = entry;
        await db.outbox.put({ ...rest, nextAttemptAt: at });
      }
      const row = await db.sync.get(id);
      if (row) {
        const { lastError: _lastError, ...keep } = row;
        await db.sync.put({ ...keep, state: 'queued' });
      }
      return Math.max(...entries.map((e) => e.revision));
    }),
  );
  if (rearmed !== undefined) {
    kick(opts);
    return { ok: true, revision: rearmed };
  }
  return enqueue(id, opts, true);
}

/**
 * "Sửa lại": take back a submission the server refused or that conflicted, to edit it. Only
 * then: a queued row may be on the air, and pulling it back would race the upload.
 */
export async function withdrawSubmission(id: string, db: XasoDb = getDb()): Promise<boolean> {
  return guardWrite(
    db.transaction('rw', [db.assessments, db.sync, db.outbox], async () => {
      const row = await db.sync.get(id);
      if (!row || (row.state !== 'error' && row.state !== 'conflict')) return false;
      const assessment = await db.assessments.get(id);
      await db.outbox.where('assessmentId').equals(id).delete();
      const base = lastAcknowledged(row);
      await db.sync.put({
        assessmentId: id,
        state: 'draft',
        revision: row.revision,
        ...(base === null ? {} : { baseRevision: base }),
      });
      if (assessment && assessment.status === 'submitted') {
        await db.assessments.update(id, { status: 'draft', updatedAt: nextTimestamp([assessment.updatedAt]) });
      }
      return true;
    }),
  );
}
