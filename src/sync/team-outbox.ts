/**
 * A community team phone's upward queue (issue #15): support entries and survey responses go up
 * in batches (POST /team/entries, /team/survey-responses) with the outbox's guarantees:
 * - idempotent: every item keeps its id; the server acknowledges a replay as a duplicate and counts
 *   it once, so an item is marked sent only once an answer names it (accepted or duplicate);
 * - backoff: no answer, a timeout or a 5xx → the batch stays queued, attempts + 1, retried after
 *   backoff.ts's delay;
 * - one bad item never blocks the others: a refusal that names items marks only those rejected
 *   (reason kept, shown on the item) and sends the rest again at once; a refusal that names none
 *   is retried item by item, so the culprit is found and the rest goes up;
 * - what goes up is what the screen showed: before a send the batch is marked `sendingUntil`, and
 *   an edit waits until the answer (team-log.ts).
 * A refused token (401: the team device was revoked) keeps everything queued with its reason.
 */
import type { Table } from 'dexie';
import { getDb, type XasoDb } from '../db/database';
import type { SurveyResponseRow, TeamEntryRow, TeamSendFields } from '../db/team-rows';
import { backoffDelay } from './backoff';
import { getEnrollment, isTeamPhone } from './enrollment';
import { apiRequest, DEFAULT_TIMEOUT_MS, errorDetails, type FetchLike } from './http';
import { serverReason } from './server-reason';
import { singleFlight, withWebLock } from './single-flight';
import { pushTeamLabel } from './team-label';

export interface TeamFlushOptions {
  db?: XasoDb;
  fetch?: FetchLike;
  now?: () => number;
  random?: () => number;
  timeoutMs?: number;
  /** Items per request (a day is a few dozen; 2G prefers small bodies). */
  batchSize?: number;
  /**
   * Send every queued item now, its backoff notwithstanding: the app started, the signal came
   * back (`online`), the member tapped "Gửi ngay". A day of saves with no signal must not leave
   * items spread over half an hour of backoff once the signal returns.
   */
  force?: boolean;
}

export interface TeamFlushReport {
  sent: number;
  rejected: number;
  retrying: number;
  /** Not a team phone (or not enrolled): nothing was sent. */
  held: boolean;
  nextDueAt?: string;
}

type Row = TeamEntryRow | SurveyResponseRow;
type Kind = {
  table: (db: XasoDb) => Table<Row, string>;
  path: string;
  field: 'entries' | 'responses';
  body: (r: Row) => unknown;
};

const SEND_FIELDS = ['syncState', 'attempts', 'nextAttemptAt', 'sendingUntil', 'lastError', 'sentAt'] as const;
function payloadOf(row: Row, extra: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = { ...row };
  for (const k of [...SEND_FIELDS, ...extra]) delete out[k];
  return out;
}

const KINDS: Kind[] = [
  {
    table: (db) => db.teamEntries as unknown as Table<Row, string>,
    path: '/team/entries',
    field: 'entries',
    body: (r) => payloadOf(r, ['createdAt', 'updatedAt']),
  },
  {
    table: (db) => db.surveyResponses as unknown as Table<Row, string>,
    path: '/team/survey-responses',
    field: 'responses',
    body: (r) => payloadOf(r),
  },
];

function asRecord(x: unknown): Record<string, unknown> | undefined {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined;
}
function ids(x: unknown): string[] {
  return Array.isArray(x) ? x.filter((i): i is string => typeof i === 'string') : [];
}

/** Per-item refusals in a 4xx body, by id: `{error:{items|problems:[{id, code?, reason|problem|message}]}}` or `rejected: [...]`. */
export function itemReasons(body: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const details = errorDetails(body);
  const lists = [details.items, details.problems, details.rejected, asRecord(body)?.rejected];
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const p = asRecord(raw);
      const id = p?.id;
      if (typeof id !== 'string') continue;
      const words = [p?.reason, p?.problem, p?.message].find((w) => typeof w === 'string') as string | undefined;
      const code = typeof p?.code === 'string' ? p.code : 'invalid_item';
      out.set(id, serverReason(code, words ?? code));
    }
  }
  return out;
}

/** Writes `change` on the rows still as they were sent (an item deleted meanwhile stays deleted). */
async function update(db: XasoDb, kind: Kind, rows: readonly Row[], change: (r: Row) => Partial<TeamSendFields>): Promise<void> {
  const table = kind.table(db);
  await db.transaction('rw', table, async () => {
    for (const r of rows) {
      const current = await table.get(r.id);
      if (!current || current.syncState === 'sent') continue;
      const next: Row = { ...current, ...change(current) };
      for (const k of SEND_FIELDS) if (next[k] === undefined) delete next[k];
      await table.put(next);
    }
  });
}

interface BatchResult {
  sent: number;
  rejected: number;
  retrying: number;
  dueAt?: string;
  /** Nothing was attributed: send these one by one. */
  split?: Row[];
}

async function sendBatch(db: XasoDb, kind: Kind, rows: Row[], token: string, opts: TeamFlushOptions): Promise<BatchResult> {
  const now = opts.now ?? Date.now;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const until = new Date(now() + timeoutMs + 5_000).toISOString();
  await update(db, kind, rows, () => ({ sendingUntil: until }));
  const result = await apiRequest({
    method: 'POST',
    path: kind.path,
    body: { [kind.field]: rows.map(kind.body) },
    token,
    fetch: opts.fetch,
    timeoutMs,
    compress: true,
  });
  const at = new Date(now()).toISOString();
  const body = result.kind === 'ok' || result.kind === 'rejected' || result.kind === 'conflict' ? result.body : undefined;
  const acked = new Set([...ids(asRecord(body)?.accepted), ...ids(asRecord(body)?.duplicates)]);
  if (result.kind === 'ok') {
    const sent = rows.filter((r) => acked.has(r.id));
    await update(db, kind, sent, () => ({ syncState: 'sent', sentAt: at, sendingUntil: undefined, lastError: undefined }));
    // Rows the answer did not name go again at once (never counted as sent on a guess).
    const rest = rows.filter((r) => !acked.has(r.id));
    await update(db, kind, rest, () => ({ sendingUntil: undefined }));
    return { sent: sent.length, rejected: 0, retrying: rest.length };
  }
  if (result.kind === 'retry') {
    // One delay for the whole batch: its items stay together and go up together.
    const attempts = Math.max(...rows.map((r) => r.attempts)) + 1;
    const dueAt = new Date(now() + backoffDelay(attempts, opts.random ?? Math.random)).toISOString();
    await update(db, kind, rows, () => ({ attempts, nextAttemptAt: dueAt, sendingUntil: undefined, lastError: result.message }));
    return { sent: 0, rejected: 0, retrying: rows.length, dueAt };
  }
  const reason = serverReason(result.code, result.message);
  // The device is refused as a whole (revoked, wrong commune): every item keeps waiting, with the reason shown.
  if (result.status === 401 || result.status === 403) {
    const due = new Date(now() + backoffDelay(6, opts.random ?? Math.random)).toISOString();
    await update(db, kind, rows, (r) => ({
      attempts: r.attempts + 1,
      nextAttemptAt: due,
      sendingUntil: undefined,
      lastError: reason,
    }));
    return { sent: 0, rejected: 0, retrying: rows.length, dueAt: due };
  }
  const named = itemReasons(result.body);
  const bad = rows.filter((r) => named.has(r.id));
  const sent = rows.filter((r) => acked.has(r.id) && !named.has(r.id));
  await update(db, kind, bad, (r) => ({ syncState: 'rejected', sendingUntil: undefined, lastError: named.get(r.id) ?? reason }));
  await update(db, kind, sent, () => ({ syncState: 'sent', sentAt: at, sendingUntil: undefined, lastError: undefined }));
  const rest = rows.filter((r) => !named.has(r.id) && !acked.has(r.id));
  if (bad.length === 0 && rows.length === 1) {
    await update(db, kind, rows, () => ({ syncState: 'rejected', sendingUntil: undefined, lastError: reason }));
    return { sent: 0, rejected: 1, retrying: 0 };
  }
  await update(db, kind, rest, () => ({ sendingUntil: undefined }));
  return { sent: sent.length, rejected: bad.length, retrying: 0, ...(bad.length === 0 ? { split: rest } : {}) };
}

function due(rows: Row[], nowIso: string, force: boolean): Row[] {
  return rows.filter((r) => (force || r.nextAttemptAt <= nowIso) && (!r.sendingUntil || r.sendingUntil <= nowIso));
}

async function passOf(db: XasoDb, kind: Kind, token: string, opts: TeamFlushOptions, report: TeamFlushReport): Promise<void> {
  const size = opts.batchSize ?? 50;
  const later: string[] = [];
  // Forced once: after a failed round the rest waits for its backoff again.
  let force = opts.force === true;
  // Each round takes what is due afresh: rows sent are gone from it, rows named bad too.
  for (let round = 0; round < 100; round++) {
    const nowIso = new Date((opts.now ?? Date.now)()).toISOString();
    const queued = await kind.table(db).where('syncState').equals('queued').toArray();
    later.push(...queued.filter((r) => r.nextAttemptAt > nowIso).map((r) => r.nextAttemptAt));
    const batch = due(queued, nowIso, force).slice(0, size);
    if (batch.length === 0) break;
    const r = await sendBatch(db, kind, batch, token, opts);
    report.sent += r.sent;
    report.rejected += r.rejected;
    if (r.split) {
      for (const row of r.split) {
        const one = await sendBatch(db, kind, [row], token, opts);
        report.sent += one.sent;
        report.rejected += one.rejected;
        if (one.dueAt) later.push(one.dueAt);
        if (one.retrying) report.retrying += one.retrying;
      }
      continue;
    }
    if (r.dueAt) {
      force = false;
      later.push(r.dueAt);
      report.retrying += r.retrying;
      break; // no connection: the rest waits for the same backoff
    }
    if (r.sent === 0 && r.rejected === 0) {
      report.retrying += r.retrying;
      force = false;
      break; // an answer that named nothing: try again on the next trigger, not in a loop
    }
  }
  const next = [report.nextDueAt, ...later].filter((x): x is string => x !== undefined).sort()[0];
  if (next !== undefined) report.nextDueAt = next;
}

/**
 * Databases with a forced flush asked and not yet run. A forced call (the signal is back) that
 * arrives while a timer's flush runs joins it as one more pass, run with the first call's
 * options: without this the extra pass was not forced, and items in a long backoff waited out
 * their delay although the signal had returned.
 */
const forceAsked = new WeakSet<XasoDb>();

/**
 * Holding the outbox's Web Lock, no send is in flight anywhere: a `sendingUntil` still standing
 * was left by a page closed mid-send (a reload, a killed tab). It would hold its items back, even
 * from a forced send, and refuse their edits, for up to the request timeout after the signal
 * returned; it is cleared. Without Web Locks another tab may be sending: the marks are kept.
 */
async function clearStaleSending(db: XasoDb): Promise<void> {
  for (const kind of KINDS) {
    const queued = await kind.table(db).where('syncState').equals('queued').toArray();
    const stale = queued.filter((r) => r.sendingUntil !== undefined);
    if (stale.length > 0) await update(db, kind, stale, () => ({ sendingUntil: undefined }));
  }
}

async function pass(db: XasoDb, given: TeamFlushOptions, exclusive: boolean): Promise<TeamFlushReport> {
  const opts = forceAsked.delete(db) ? { ...given, force: true } : given;
  const report: TeamFlushReport = { sent: 0, rejected: 0, retrying: 0, held: false };
  const enrollment = await getEnrollment(db);
  if (!enrollment || !isTeamPhone(enrollment)) return { ...report, held: true };
  if (exclusive) await clearStaleSending(db);
  for (const kind of KINDS) await passOf(db, kind, enrollment.deviceToken, opts, report);
  // The member's display name, after the data: a slow link spends itself on entries first.
  await pushTeamLabel({ db, fetch: opts.fetch, timeoutMs: opts.timeoutMs });
  return report;
}

const flight = singleFlight<XasoDb, TeamFlushOptions, TeamFlushReport>(
  (db, opts) => withWebLock('xaso-team-outbox', (exclusive) => pass(db, opts, exclusive)),
  (a, b) => {
    const next = [a.nextDueAt, b.nextDueAt].filter((x): x is string => x !== undefined).sort()[0];
    return {
      sent: a.sent + b.sent,
      rejected: a.rejected + b.rejected,
      retrying: b.retrying,
      held: b.held,
      ...(next ? { nextDueAt: next } : {}),
    };
  },
);

/** Sends every due entry and response once; concurrent calls (this tab or others) never double-send. */
export function flushTeamOutbox(opts: TeamFlushOptions = {}): Promise<TeamFlushReport> {
  const db = opts.db ?? getDb();
  if (opts.force === true) forceAsked.add(db);
  return flight(db, opts);
}

/** Items still waiting to go up (drives the triggers' timer). */
export async function teamQueueSize(db: XasoDb = getDb()): Promise<number> {
  const [e, r] = await Promise.all([
    db.teamEntries.where('syncState').equals('queued').count(),
    db.surveyResponses.where('syncState').equals('queued').count(),
  ]);
  return e + r;
}
