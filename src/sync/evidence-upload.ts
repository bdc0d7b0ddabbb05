/**
 * Sends the evidence files of delivered submissions (issue #13): after the server holds a
 * revision that names a file, the file follows, alone, over tus in small chunks, so a dropped
 * link costs at most the chunk in flight: the next attempt asks the server for its offset (the
 * upload URL is kept on the file's row) and goes on from the last acknowledged byte.
 *
 * Per file: HEAD /evidence/files/{sha256} first — files are content-addressed, so one the server
 * already holds (from another assessment, another phone of the commune, an earlier attempt whose
 * answer was lost) is never sent again. Then the outbox's rules: no answer, a timeout or a 5xx →
 * retried later with the same backoff; another 4xx → the file is marked refused with the server's
 * reason, shown on that file, until the officer retries; one file's trouble never stops the next
 * one, and never touches the answers. Files go one after another: on 2G, two at once would only
 * make both slower to finish.
 */
import { getDb, type XasoDb } from '../db/database';
import { getSetting } from '../db/settings';
import { getEnrollment } from './enrollment';
import { currentConnection, evidenceMaySend, type ConnectionLike } from './evidence-network';
import { setAcknowledged, setUploading } from './evidence-progress';
import {
  dueNow,
  fileNameOf,
  filesToUpload,
  forgetUploadUrl,
  markUploaded,
  markUploadRefused,
  markUploadRetry,
  saveUploadUrl,
  type UploadRow,
} from './evidence-queue';
import { apiUrl, DEFAULT_TIMEOUT_MS, type FetchLike } from './http';
import { serverReason } from './server-reason';
import { singleFlight, withWebLock } from './single-flight';
import type { Transfer, TransferOutcome } from './tus-transfer';

/**
 * 32 KiB: at 2G's ~50 kbit/s one chunk is ~5 s on the air. A dropped link loses the chunk in
 * flight (the server keeps whole chunks), so under a link that drops every 300 KB a chunk of
 * 64 KiB loses up to a fifth of what was sent, 32 KiB at most a tenth; the headers of a chunk
 * (~0.7 KB) cost ~2 %. Measured in Chromium through a link cut every 300 KB (e2e
 * evidence-upload.spec.ts): 1.10× the files' bytes at 32 KiB, 1.14× at 64 KiB. Bench row
 * "resumed-upload overhead" (BENCHMARKS.md).
 */
export const EVIDENCE_CHUNK_BYTES = 32 * 1024;
/** Quick retries inside one attempt (tus-js-client resets them whenever a chunk got through). */
export const EVIDENCE_RETRY_DELAYS = [0, 1_000, 3_000, 10_000];
/** Nothing acknowledged or sent for this long: give the attempt up (a stalled link). */
export const EVIDENCE_STALL_MS = 60_000;

export interface EvidenceUploadOptions {
  db?: XasoDb;
  fetch?: FetchLike;
  now?: () => number;
  random?: () => number;
  /** How a file is sent; default: tus-js-client, loaded on first use. */
  transfer?: Transfer;
  connection?: ConnectionLike;
  chunkSize?: number;
  retryDelays?: number[];
  stallMs?: number;
  timeoutMs?: number;
}

export interface EvidenceUploadReport {
  /** Sent whole in this pass. */
  uploaded: number;
  /** Already on the server (HEAD 200): nothing sent. */
  skipped: number;
  retrying: number;
  refused: number;
  /** Files waiting for Wi-Fi (setting on, mobile data now) or for an enrollment. */
  held: number;
  /** The earliest time a file waiting for a retry is due (ISO), if any. */
  nextDueAt?: string;
}

const EMPTY: EvidenceUploadReport = { uploaded: 0, skipped: 0, retrying: 0, refused: 0, held: 0 };

type Outcome = 'uploaded' | 'skipped' | 'retrying' | 'refused';

const loadTus = (): Promise<Transfer> => import('./tus-transfer').then((m) => m.transferWithTus);

type HeadResult = 'present' | 'absent' | TransferOutcome;

/** Does the server hold this file (and may this phone read it)? */
async function headFile(sha256: string, token: string, opts: EvidenceUploadOptions): Promise<HeadResult> {
  const doFetch = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    const res = await doFetch(apiUrl(`/evidence/files/${sha256}`), {
      method: 'HEAD',
      headers: { Authorization: `Bearer ${token}` },
      signal: controller.signal,
      cache: 'no-store',
      credentials: 'omit',
    });
    if (res.status === 200) return 'present';
    if (res.status === 404) return 'absent';
    if (res.status === 401) return { kind: 'rejected', status: 401, code: 'unauthorized', message: 'HTTP 401' };
    return { kind: 'retry', status: res.status, message: `HTTP ${res.status}` };
  } catch (err) {
    const message = controller.signal.aborted ? 'timeout' : err instanceof Error && err.message ? err.message : 'network error';
    return { kind: 'retry', message };
  } finally {
    clearTimeout(timer);
  }
}

async function sendFile(
  db: XasoDb,
  row: UploadRow,
  enrollment: { deviceToken: string; communeCode: string },
  opts: EvidenceUploadOptions,
): Promise<{ outcome: Outcome; dueAt?: string }> {
  const now = opts.now ?? Date.now;
  const at = () => new Date(now()).toISOString();
  let result: HeadResult = await headFile(row.sha256, enrollment.deviceToken, opts);
  if (result === 'present') {
    await markUploaded(db, row.sha256, at());
    return { outcome: 'skipped' };
  }
  let acknowledged = row.uploadedBytes;
  if (result === 'absent') {
    const transfer = opts.transfer ?? (await loadTus());
    const input = {
      file: row.blob,
      endpoint: apiUrl('/evidence/uploads'),
      metadata: {
        sha256: row.sha256,
        type: row.type,
        filename: await fileNameOf(db, row.sha256),
        communeCode: enrollment.communeCode,
      },
      token: enrollment.deviceToken,
      chunkSize: opts.chunkSize ?? EVIDENCE_CHUNK_BYTES,
      retryDelays: opts.retryDelays ?? EVIDENCE_RETRY_DELAYS,
      stallMs: opts.stallMs ?? EVIDENCE_STALL_MS,
      onUploadUrl: (url: string) => saveUploadUrl(db, row.sha256, url),
      onAcknowledged: (bytes: number) => {
        acknowledged = bytes;
        setAcknowledged(row.sha256, bytes);
      },
    };
    result = await transfer({ ...input, ...(row.uploadUrl ? { uploadUrl: row.uploadUrl } : {}) });
    if (result.kind === 'expired') {
      // The server dropped the unfinished upload: start a new one, once, in this pass.
      await forgetUploadUrl(db, row.sha256);
      acknowledged = 0;
      result = await transfer(input);
    }
  }
  switch (result.kind) {
    case 'done':
      await markUploaded(db, row.sha256, at());
      setAcknowledged(row.sha256, row.size);
      return { outcome: 'uploaded' };
    case 'rejected': {
      const reason = result.status === 401 ? 'unauthorized' : serverReason(result.code, result.message);
      await markUploadRefused(db, row.sha256, reason);
      return { outcome: 'refused' };
    }
    case 'retry':
    case 'expired': {
      const reason = result.kind === 'retry' ? result.message : `HTTP ${result.status}`;
      const failure = { reason, ...(acknowledged === undefined ? {} : { acknowledged }) };
      const dueAt = await markUploadRetry(db, row.sha256, failure, now(), opts.random ?? Math.random);
      return { outcome: 'retrying', dueAt };
    }
  }
}

async function pass(db: XasoDb, opts: EvidenceUploadOptions): Promise<EvidenceUploadReport> {
  const report: EvidenceUploadReport = { ...EMPTY };
  const rows = await filesToUpload(db);
  if (rows.length === 0) return report;
  const { due, nextDueAt } = dueNow(rows, new Date((opts.now ?? Date.now)()).toISOString());
  const later = nextDueAt === undefined ? [] : [nextDueAt];
  const enrollment = await getEnrollment(db);
  const wifiOnly = (await getSetting('evidenceWifiOnly', db)) ?? false;
  if (!enrollment || !evidenceMaySend(wifiOnly, opts.connection ?? currentConnection())) {
    report.held = due.length;
    return report;
  }
  for (const row of due) {
    setUploading(row.sha256, true);
    try {
      const { outcome, dueAt } = await sendFile(db, row, enrollment, opts);
      report[outcome]++;
      if (dueAt) later.push(dueAt);
    } catch (err) {
      // A storage failure on one file must not stop the others; the file stays due.
      console.error('[xaso] evidence upload', row.sha256, err);
      report.retrying++;
    } finally {
      setUploading(row.sha256, false);
    }
  }
  const next = later.sort()[0];
  if (next !== undefined) report.nextDueAt = next;
  return report;
}

function merge(a: EvidenceUploadReport, b: EvidenceUploadReport): EvidenceUploadReport {
  const due = [a.nextDueAt, b.nextDueAt].filter((x): x is string => x !== undefined).sort()[0];
  return {
    uploaded: a.uploaded + b.uploaded,
    skipped: a.skipped + b.skipped,
    retrying: b.retrying,
    refused: a.refused + b.refused,
    held: b.held,
    ...(due === undefined ? {} : { nextDueAt: due }),
  };
}

const flight = singleFlight<XasoDb, EvidenceUploadOptions, EvidenceUploadReport>(
  (db, opts) => withWebLock('xaso-evidence', () => pass(db, opts)),
  merge,
);

/** Sends every due evidence file once; concurrent calls (this tab or others) never double-send. */
export function uploadEvidence(opts: EvidenceUploadOptions = {}): Promise<EvidenceUploadReport> {
  return flight(opts.db ?? getDb(), opts);
}

/** Files that wait for a delivered revision and were not refused (due now or later). */
export async function filesWaiting(db: XasoDb = getDb()): Promise<number> {
  return (await filesToUpload(db)).filter((r) => !r.uploadFailed).length;
}
