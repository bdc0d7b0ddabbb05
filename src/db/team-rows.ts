/**
 * Rows of a community team phone (issue #15, schema v6). Each entry and response carries its own
 * place in the upward queue, so one bad item never blocks the others and nothing needs a second
 * table kept in step with the first. Nothing here identifies a resident: no name, phone or ID.
 */
import type { SupportEntry, SurveyResponse } from '../domain/community/schemas';
import type { CommunityTally } from '../domain/community/tally';

/** queued: waits to go up · sent: the server holds it (read-only from then on) · rejected: the server refused it (reason kept). */
export type TeamSyncState = 'queued' | 'sent' | 'rejected';

export interface TeamSendFields {
  syncState: TeamSyncState;
  /** Failed sends so far (no answer, 5xx): the backoff grows with it. */
  attempts: number;
  /** ISO time before which no retry is made. */
  nextAttemptAt: string;
  /** Set while a send is in flight (ISO time until which an edit must wait): what the server gets is what was sent. */
  sendingUntil?: string;
  /** The last failure, "[code] message" or the network's words. */
  lastError?: string;
  sentAt?: string;
}

export type TeamEntryRow = SupportEntry & TeamSendFields & { createdAt: string; updatedAt: string };
export type SurveyResponseRow = SurveyResponse & TeamSendFields;

/** A commune's tally as the officer's phone last fetched it (the server's figures, never recomputed here). */
export interface CommunityTallyRow {
  /** "communeCode@year" */
  key: string;
  communeCode: string;
  year: string;
  tally: CommunityTally;
  fetchedAt: string;
}

export const tallyKey = (communeCode: string, year: string) => `${communeCode}@${year}`;
