/**
 * The phone's IndexedDB database (Dexie): the only copy of an officer's answers until they are
 * sent, so everything else in src/db is careful about how it writes here.
 *
 * Tables (schema history and upgrade policy in ./migrations.ts):
 * - assessments: one row per assessment (key id, a UUID).
 * - answers: one row per answered component, key [assessmentId+code].
 * - settings: small app preferences, {key, value}; typed access in ./settings.ts.
 * - outbox: submissions waiting to go up (filled and flushed by src/sync).
 * - sync: per assessment, where it stands with the province (written by src/sync).
 * - touches: per assessment, its latest answer edit (updatedAt, lastCode), see ./touch.ts.
 * - criteriaSets: the province's published criteria sets downloaded for offline use, see ./criteria-sets.ts.
 * - evidenceBlobs, evidenceLinks: evidence files (one row per sha-256) and their links to items, see ./evidence.ts.
 * - teamEntries, surveyResponses: a community team phone's support log and survey responses; communityTallies: the
 *   commune's tally fetched by an officer's phone (issue #15), see ./team-rows.ts.
 */
import { Dexie } from 'dexie';
import type { EntityTable, Table } from 'dexie';
import type { AnswerRow } from '../domain/answer-row';
import type { Assessment } from '../domain/types';
import type { EvidenceRequest } from '../domain/submission';
import type { Comparison, VerificationView } from '../domain/verification';
import { emitDbAlert } from './events';
import { declareSchema } from './migrations';
import type { EvidenceBlobRow, EvidenceLinkRow } from './evidence-rows';
import type { TouchRow } from './touch';
import type { DownloadedSetRow } from './criteria-sets';
import type { CommunityTallyRow, SurveyResponseRow, TeamEntryRow } from './team-rows';

/** An answer row: the shared Answer plus the assessment it belongs to. */
export type StoredAnswer = AnswerRow;

export interface SettingRow {
  key: string;
  value: unknown;
}

/** One queued upload of one revision of an assessment. */
export interface OutboxRow {
  /** Auto-incremented: the queue order. */
  id: number;
  assessmentId: string;
  revision: number;
  enqueuedAt: string;
  attempts: number;
  /** ISO time before which no retry is made (backoff). */
  nextAttemptAt: string;
  lastError?: string;
}

export type SyncState = 'draft' | 'queued' | 'sent' | 'accepted' | 'returned' | 'conflict' | 'error';

/** Where one assessment stands with the province. No row = never submitted. */
export interface SyncRow {
  assessmentId: string;
  state: SyncState;
  revision: number;
  /** The server revision this one was edited from. */
  baseRevision?: number;
  lastAttemptAt?: string;
  lastError?: string;
  reviewComment?: string;
  /** Reviewer comments per component code. */
  componentComments?: Record<string, string>;
  /** Items the province asks evidence for with its return ("yêu cầu bổ sung minh chứng"), each with a note. */
  evidenceRequests?: EvidenceRequest[];
}

/** The province's verification of an assessment and the comparison, as last fetched (schema v5). */
export interface VerifiedResultRow {
  assessmentId: string;
  verification: VerificationView;
  comparison: Comparison | null;
  fetchedAt: string;
}

export class XasoDb extends Dexie {
  // `declare`: Dexie creates these properties itself; a class field would reset them.
  declare assessments: EntityTable<Assessment, 'id'>;
  declare answers: Table<StoredAnswer, [string, string]>;
  declare settings: EntityTable<SettingRow, 'key'>;
  declare outbox: EntityTable<OutboxRow, 'id'>;
  declare sync: EntityTable<SyncRow, 'assessmentId'>;
  declare touches: EntityTable<TouchRow, 'assessmentId'>;
  declare criteriaSets: EntityTable<DownloadedSetRow, 'key'>;
  declare evidenceBlobs: EntityTable<EvidenceBlobRow, 'sha256'>;
  declare evidenceLinks: EntityTable<EvidenceLinkRow, 'id'>;
  declare verifiedResults: EntityTable<VerifiedResultRow, 'assessmentId'>;
  declare teamEntries: EntityTable<TeamEntryRow, 'id'>;
  declare surveyResponses: EntityTable<SurveyResponseRow, 'id'>;
  declare communityTallies: EntityTable<CommunityTallyRow, 'key'>;

  constructor(name: string) {
    super(name);
    declareSchema(this);
    // Another tab opened a newer schema (or deletes the data). Code that knows only the old
    // schema must not write any more: close for good (no auto-reopen) and tell the UI, which
    // offers a reload. Returning false replaces Dexie's default handler.
    this.on('versionchange', (ev: IDBVersionChangeEvent) => {
      this.close({ disableAutoOpen: true });
      // Dexie stores version n as n × 10 in IndexedDB; report Dexie's number. null = deletion.
      emitDbAlert({ kind: 'stale', dbName: name, newVersion: ev.newVersion ? ev.newVersion / 10 : null });
      return false;
    });
    // Our upgrade waits for an older tab: the UI asks the officer to close the other tabs.
    this.on('blocked', () => emitDbAlert({ kind: 'blocked', dbName: name }));
  }
}

/** A new handle on the database `name` (opened lazily by Dexie on first use). */
export function openXasoDb(name = 'xaso'): XasoDb {
  return new XasoDb(name);
}

let defaultDb: XasoDb | undefined;

/** The app's database, created on first use. */
export function getDb(): XasoDb {
  defaultDb ??= openXasoDb();
  return defaultDb;
}
