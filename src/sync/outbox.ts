/**
 * Sends the outbox: every due row (nextAttemptAt ≤ now, not failed) goes up on its own, so
 * one bad row never blocks the others. The body is built from the store at send time (see
 * payload.ts), evidence references included; the files follow (evidence-upload.ts). Outcomes (see http.ts): ok → delivered; 409 → conflict; other 4xx → failed,
 * kept for the officer; no answer / 5xx / timeout → retried later with backoff. Exactly once in
 * effect: a row leaves the outbox only when the server has answered, and a replay of a revision
 * the server already holds is answered as a success.
 */
import { getDb, type XasoDb } from '../db/database';
import { getEnrollment } from './enrollment';
import { apiRequest, type FetchLike } from './http';
import { serverReason } from './server-reason';
import { markConflict, markDelivered, markHeld, markRejected, markRetry, type OutboxEntry } from './outbox-rows';
import { readEvidence } from './evidence-payload';
import { buildSubmission, readAnswers } from './payload';
import { loadReference, type LoadReference, type Reference } from './reference';
import { singleFlight, withWebLock } from './single-flight';

export interface FlushOptions {
  db?: XasoDb;
  fetch?: FetchLike;
  now?: () => number;
  random?: () => number;
  loadReference?: LoadReference;
  timeoutMs?: number;
}

export interface FlushReport {
  sent: number;
  conflicts: number;
  rejected: number;
  /** Sends that failed for want of a connection (or a 5xx) and will be retried later. */
  retrying: number;
  /** Held on the phone: not enrolled, or enrolled for another commune. */
  held: number;
  /** The earliest time a row waiting for a retry is due (ISO), if any. */
  nextDueAt?: string;
}

const EMPTY: FlushReport = { sent: 0, conflicts: 0, rejected: 0, retrying: 0, held: 0 };

function merge(a: FlushReport, b: FlushReport): FlushReport {
  const due = [a.nextDueAt, b.nextDueAt].filter((x): x is string => x !== undefined).sort()[0];
  return {
    sent: a.sent + b.sent,
    conflicts: a.conflicts + b.conflicts,
    rejected: a.rejected + b.rejected,
    retrying: a.retrying + b.retrying,
    held: b.held,
    ...(due === undefined ? {} : { nextDueAt: due }),
  };
}

type Outcome = 'sent' | 'conflict' | 'rejected' | 'retry' | 'held' | 'gone';

async function sendOne(
  db: XasoDb,
  entry: OutboxEntry,
  ref: Reference,
  opts: FlushOptions,
): Promise<{ outcome: Outcome; dueAt?: string }> {
  const now = opts.now ?? Date.now;
  const { assessment, answers, evidence } = await db.transaction(
    'r',
    [db.assessments, db.answers, db.evidenceLinks, db.evidenceBlobs],
    async () => ({
      assessment: await db.assessments.get(entry.assessmentId),
      answers: await readAnswers(db, entry.assessmentId),
      evidence: await readEvidence(db, entry.assessmentId),
    }),
  );
  if (!assessment) {
    await db.outbox.delete(entry.id); // the assessment was deleted: nothing to send
    return { outcome: 'gone' };
  }
  const enrollment = await getEnrollment(db);
  if (!enrollment || enrollment.communeCode !== assessment.communeCode) {
    await markHeld(db, entry, enrollment ? 'commune-mismatch' : 'not-enrolled');
    return { outcome: 'held' };
  }
  const body = buildSubmission(assessment, answers, {
    revision: entry.revision,
    submittedAt: entry.enqueuedAt,
    ref,
    evidence,
  });
  const result = await apiRequest({
    method: 'PUT',
    path: `/assessments/${encodeURIComponent(entry.assessmentId)}`,
    body,
    token: enrollment.deviceToken,
    fetch: opts.fetch,
    timeoutMs: opts.timeoutMs,
    compress: true,
  });
  const at = new Date(now()).toISOString();
  switch (result.kind) {
    case 'ok':
      await markDelivered(db, entry, result.body, at);
      return { outcome: 'sent' };
    case 'conflict':
      await markConflict(db, entry, serverReason(result.code, result.message), result.body, at);
      return { outcome: 'conflict' };
    case 'rejected':
      // 401: the token was revoked or is unknown; the officer must enrol again (UI says so).
      await markRejected(db, entry, result.status === 401 ? 'unauthorized' : serverReason(result.code, result.message), at);
      return { outcome: 'rejected' };
    case 'retry': {
      const dueAt = await markRetry(db, entry, result.message, now(), opts.random ?? Math.random);
      return { outcome: 'retry', dueAt };
    }
  }
}

async function pass(db: XasoDb, opts: FlushOptions): Promise<FlushReport> {
  const nowIso = new Date((opts.now ?? Date.now)()).toISOString();
  const pending = ((await db.outbox.orderBy('id').toArray()) as OutboxEntry[]).filter((e) => !e.failed);
  const due = pending.filter((e) => e.nextAttemptAt <= nowIso);
  const report: FlushReport = { ...EMPTY };
  const later = pending.filter((e) => e.nextAttemptAt > nowIso).map((e) => e.nextAttemptAt);
  if (due.length > 0) {
    // The data chunks are precached; if they cannot load, nothing is sent and nothing is counted.
    const ref = await (opts.loadReference ?? loadReference)();
    for (const entry of due) {
      try {
        const { outcome, dueAt } = await sendOne(db, entry, ref, opts);
        if (outcome === 'sent') report.sent++;
        else if (outcome === 'conflict') report.conflicts++;
        else if (outcome === 'rejected') report.rejected++;
        else if (outcome === 'held') report.held++;
        else if (outcome === 'retry') {
          report.retrying++;
          if (dueAt) later.push(dueAt);
        }
      } catch (err) {
        // A storage failure on one row must not stop the others; the row stays due.
        console.error('[xaso] outbox row', entry.id, err);
        report.retrying++;
      }
    }
  }
  const next = later.sort()[0];
  if (next !== undefined) report.nextDueAt = next;
  return report;
}

type FlushListener = (report: FlushReport) => void;
const listeners = new Set<FlushListener>();

/** Called after every pass (the triggers use it to wake up when the next retry is due). */
export function onFlushed(listener: FlushListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const flight = singleFlight<XasoDb, FlushOptions, FlushReport>(async (db, opts) => {
  const report = await withWebLock('xaso-outbox', () => pass(db, opts));
  for (const listener of [...listeners]) listener(report);
  return report;
}, merge);

/** Sends every due outbox row once; concurrent calls (this tab or others) never double-send. */
export function flushOutbox(opts: FlushOptions = {}): Promise<FlushReport> {
  return flight(opts.db ?? getDb(), opts);
}

/** Rows still waiting to go up (failed ones included): drives the periodic timer and the UI. */
export async function outboxSize(db: XasoDb = getDb()): Promise<number> {
  return db.outbox.count();
}
