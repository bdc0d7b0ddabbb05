/**
 * What sending one outbox row does to the store, one small read-write transaction per outcome.
 * Every function re-reads the row inside its transaction: the officer or another tab may have
 * changed things while the request was on the air, and a stale copy must not be written back.
 */
import type { OutboxRow, SyncRow, XasoDb } from '../db/database';
import type { AssessmentStatus } from '../domain/types';
import { backoffDelay } from './backoff';
import { readCurrentRevision, readServerView } from './review-body';
import { baseOf } from './revisions';

/** An outbox row; `failed` marks one the server refused, kept for a retry by the officer. */
export type OutboxEntry = OutboxRow & { failed?: boolean };

function stamp(
  row: SyncRow | undefined,
  patch: Partial<SyncRow> & Pick<SyncRow, 'assessmentId' | 'state' | 'revision'>,
): SyncRow {
  return { ...row, ...patch };
}

async function setStatusIf(
  db: XasoDb,
  id: string,
  from: readonly AssessmentStatus[],
  to: AssessmentStatus,
  at: string,
): Promise<void> {
  const a = await db.assessments.get(id);
  if (a && from.includes(a.status) && a.status !== to) await db.assessments.update(id, { status: to, updatedAt: at });
}

/** 2xx: the server holds the revision. Records its review state and the verdict, if any. */
export async function markDelivered(db: XasoDb, entry: OutboxEntry, body: unknown, at: string): Promise<void> {
  await db.transaction('rw', [db.outbox, db.sync, db.assessments], async () => {
    if (!(await db.outbox.get(entry.id))) return; // deleted meanwhile with its assessment
    await db.outbox.delete(entry.id);
    const view = readServerView(body);
    const verdict = view && view.state !== 'sent' && view.reviewedRevision === entry.revision ? view : undefined;
    const row = await db.sync.get(entry.assessmentId);
    const next = stamp(row, {
      assessmentId: entry.assessmentId,
      state: verdict?.state ?? 'sent',
      revision: entry.revision,
      baseRevision: baseOf(entry.revision) ?? undefined,
      lastAttemptAt: at,
    });
    delete next.lastError;
    delete next.reviewComment;
    delete next.componentComments;
    if (verdict?.comment) next.reviewComment = verdict.comment;
    if (verdict?.componentComments) next.componentComments = verdict.componentComments;
    await db.sync.put(next);
    if (verdict?.state === 'accepted' || verdict?.state === 'returned') {
      await setStatusIf(db, entry.assessmentId, ['submitted'], verdict.state, at);
    }
  });
}

/**
 * 409: the server holds other content for this revision, or a newer revision (another phone).
 * Nothing is overwritten on either side: the row leaves the outbox, the answers stay as they
 * are, and the server's newest revision becomes the base a deliberate resubmission builds on.
 */
export async function markConflict(db: XasoDb, entry: OutboxEntry, message: string, body: unknown, at: string): Promise<void> {
  await db.transaction('rw', [db.outbox, db.sync], async () => {
    if (!(await db.outbox.get(entry.id))) return;
    await db.outbox.delete(entry.id);
    const row = await db.sync.get(entry.assessmentId);
    const current = readCurrentRevision(body);
    await db.sync.put(
      stamp(row, {
        assessmentId: entry.assessmentId,
        state: 'conflict',
        revision: entry.revision,
        baseRevision: current ?? row?.baseRevision,
        lastAttemptAt: at,
        lastError: message,
      }),
    );
  });
}

/** Other 4xx: sending the same thing again cannot help. Kept, marked failed, until the officer acts. */
export async function markRejected(db: XasoDb, entry: OutboxEntry, reason: string, at: string): Promise<void> {
  await db.transaction('rw', [db.outbox, db.sync], async () => {
    const current = (await db.outbox.get(entry.id)) as OutboxEntry | undefined;
    if (!current) return;
    const failed: OutboxEntry = { ...current, attempts: current.attempts + 1, failed: true, lastError: reason };
    await db.outbox.put(failed);
    const row = await db.sync.get(entry.assessmentId);
    await db.sync.put(
      stamp(row, {
        assessmentId: entry.assessmentId,
        state: 'error',
        revision: entry.revision,
        lastAttemptAt: at,
        lastError: reason,
      }),
    );
  });
}

/** No answer, timeout or 5xx: try again after a growing, jittered delay. Returns the new due time. */
export async function markRetry(
  db: XasoDb,
  entry: OutboxEntry,
  reason: string,
  now: number,
  random: () => number,
): Promise<string | undefined> {
  const at = new Date(now).toISOString();
  return db.transaction('rw', [db.outbox, db.sync], async () => {
    const current = await db.outbox.get(entry.id);
    if (!current) return undefined;
    const attempts = current.attempts + 1;
    const nextAttemptAt = new Date(now + backoffDelay(attempts, random)).toISOString();
    await db.outbox.put({ ...current, attempts, nextAttemptAt, lastError: reason });
    const row = await db.sync.get(entry.assessmentId);
    if (row && row.revision === entry.revision) await db.sync.put({ ...row, lastAttemptAt: at, lastError: reason });
    return nextAttemptAt;
  });
}

/** Not sent because of something on this phone (no enrollment, another commune): say why, stay queued. */
export async function markHeld(db: XasoDb, entry: OutboxEntry, reason: string): Promise<void> {
  await db.transaction('rw', [db.sync], async () => {
    const row = await db.sync.get(entry.assessmentId);
    if (row && row.revision === entry.revision && row.lastError !== reason) await db.sync.put({ ...row, lastError: reason });
  });
}
