/**
 * What the evidence part of the submit panel says about each file, from the file rows, the live
 * progress of this tab's upload, the sync state and the Wi-Fi setting. Pure: unit-tested.
 */
import type { SyncState } from '../../../db';
import type { UploadRow } from '../../../sync/evidence-queue';

export type FileState =
  /** The server holds it. */
  | 'done'
  /** Being sent from this tab now. */
  | 'sending'
  /** The submission has not reached the server yet: the files go after it. */
  | 'after-submission'
  /** The officer holds evidence until Wi-Fi, and the phone is on mobile data. */
  | 'wifi'
  /** An attempt failed (no signal, timeout, server busy): retried by itself. */
  | 'retrying'
  /** The server refused it (a 4xx): shown with the reason, sent again only on "Thử lại". */
  | 'refused'
  | 'waiting';

export interface FileView {
  sha256: string;
  name: string;
  size: number;
  sent: number;
  state: FileState;
  reason?: string;
}

export interface EvidenceView {
  files: FileView[];
  done: number;
  totalBytes: number;
  sentBytes: number;
}

export interface FileInput {
  row: Pick<UploadRow, 'sha256' | 'size' | 'uploadedAt' | 'uploadedBytes' | 'uploadError' | 'uploadFailed'>;
  name: string;
  /** Live bytes acknowledged in this tab, if an upload of it ran here. */
  live?: number;
  uploading: boolean;
}

export function evidenceView(files: readonly FileInput[], syncState: SyncState | undefined, holdForWifi: boolean): EvidenceView {
  const views = files.map(({ row, name, live, uploading }): FileView => {
    const sent = row.uploadedAt ? row.size : Math.min(row.size, Math.max(live ?? 0, row.uploadedBytes ?? 0));
    const base = { sha256: row.sha256, name, size: row.size, sent };
    if (row.uploadedAt) return { ...base, state: 'done' };
    if (row.uploadFailed) return { ...base, state: 'refused', ...(row.uploadError ? { reason: row.uploadError } : {}) };
    if (uploading) return { ...base, state: 'sending' };
    if (syncState === 'queued' || syncState === 'error' || syncState === 'conflict')
      return { ...base, state: 'after-submission' };
    if (holdForWifi) return { ...base, state: 'wifi' };
    if (row.uploadError) return { ...base, state: 'retrying', reason: row.uploadError };
    return { ...base, state: 'waiting' };
  });
  return {
    files: views,
    done: views.filter((f) => f.state === 'done').length,
    totalBytes: views.reduce((n, f) => n + f.size, 0),
    sentBytes: views.reduce((n, f) => n + f.sent, 0),
  };
}
