/**
 * Brings the province's verdicts down. For every assessment the server holds (sync state sent,
 * accepted or returned) it asks for the current state; a verdict about the very revision this
 * phone sent is recorded with its comments. "Returned" makes the assessment editable again
 * (status 'returned'); its next submission goes up as revision n + 1 on top of n.
 * Verdicts about another revision (one sent later from another phone) are not ours to apply.
 */
import { getDb, type SyncRow, type XasoDb } from '../db/database';
import type { AssessmentStatus } from '../domain/types';
import { getEnrollment } from './enrollment';
import { apiRequest, type FetchLike } from './http';
import { readServerView, type ServerView } from './review-body';
import { ACKNOWLEDGED } from './revisions';
import { pullVerified } from './verified';

export interface PullOptions {
  db?: XasoDb;
  fetch?: FetchLike;
  now?: () => number;
  timeoutMs?: number;
  /** Which rows to ask about; default all acknowledged ones. The timer asks only about 'sent'. */
  states?: readonly SyncRow['state'][];
}

export interface PullReport {
  checked: number;
  changed: number;
  /** False when no request got an answer (offline): the caller may try again later. */
  reached: boolean;
}

const STATUS_FOR: Record<'accepted' | 'returned', { from: readonly AssessmentStatus[]; to: AssessmentStatus }> = {
  // A returned assessment the officer is editing may still be accepted by the province
  // (the reviewer changed their mind); the edits stay on the phone.
  accepted: { from: ['submitted', 'returned'], to: 'accepted' },
  // Never pull a draft (withdrawn, being rewritten) back: only what is frozen waiting for review.
  returned: { from: ['submitted', 'accepted'], to: 'returned' },
};

async function apply(db: XasoDb, sent: SyncRow, view: ServerView, at: string): Promise<boolean> {
  return db.transaction('rw', [db.sync, db.assessments], async () => {
    const row = await db.sync.get(sent.assessmentId);
    // The phone moved on (resubmitted, withdrawn) while the request was on the air.
    if (!row || row.revision !== sent.revision || !ACKNOWLEDGED.includes(row.state)) return false;
    if (view.state === 'sent' || view.reviewedRevision !== row.revision) return false;
    const same =
      row.state === view.state &&
      row.reviewComment === view.comment &&
      JSON.stringify(row.componentComments ?? {}) === JSON.stringify(view.componentComments ?? {}) &&
      JSON.stringify(row.evidenceRequests ?? []) === JSON.stringify(view.evidenceRequests ?? []);
    const assessment = await db.assessments.get(row.assessmentId);
    const move = STATUS_FOR[view.state];
    const statusChange = assessment && move.from.includes(assessment.status) && assessment.status !== move.to;
    if (same && !statusChange) return false;
    const next: SyncRow = { ...row, state: view.state, lastAttemptAt: at };
    delete next.reviewComment;
    delete next.componentComments;
    delete next.evidenceRequests;
    delete next.lastError;
    if (view.comment) next.reviewComment = view.comment;
    if (view.componentComments) next.componentComments = view.componentComments;
    if (view.evidenceRequests) next.evidenceRequests = view.evidenceRequests;
    await db.sync.put(next);
    if (statusChange) await db.assessments.update(row.assessmentId, { status: move.to, updatedAt: at });
    return true;
  });
}

async function pullOnce(db: XasoDb, opts: PullOptions): Promise<PullReport> {
  const states = opts.states ?? ACKNOWLEDGED;
  const rows = await db.sync.filter((r) => states.includes(r.state)).toArray();
  const report: PullReport = { checked: 0, changed: 0, reached: rows.length === 0 };
  if (rows.length === 0) return report;
  const enrollment = await getEnrollment(db);
  if (!enrollment) return report;
  for (const row of rows) {
    const outcome = await apiRequest({
      method: 'GET',
      path: `/assessments/${encodeURIComponent(row.assessmentId)}`,
      token: enrollment.deviceToken,
      fetch: opts.fetch,
      timeoutMs: opts.timeoutMs,
    });
    if (outcome.kind === 'retry') continue;
    report.reached = true;
    report.checked++;
    if (outcome.kind !== 'ok') continue; // 404/403: not this device's to know; leave the row as it is
    const view = readServerView(outcome.body);
    try {
      if (view && (await apply(db, row, view, new Date((opts.now ?? Date.now)()).toISOString()))) report.changed++;
      // The verification and the comparison, for the summary offline (issue #14).
      await pullVerified(db, row.assessmentId, enrollment.deviceToken, opts);
    } catch (err) {
      console.error('[xaso] review pull', row.assessmentId, err);
    }
  }
  return report;
}

const running = new WeakMap<XasoDb, Promise<PullReport>>();

/** Asks the server about every submitted assessment; concurrent calls share one run. */
export function pullReviews(opts: PullOptions = {}): Promise<PullReport> {
  const db = opts.db ?? getDb();
  const current = running.get(db);
  if (current) return current;
  const run = pullOnce(db, opts).finally(() => running.delete(db));
  running.set(db, run);
  return run;
}
