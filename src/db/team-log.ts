/**
 * The support log of a community team phone (issue #15): save, edit and delete entries, each in
 * one transaction awaited until it has committed, so the screen says "Đã lưu" only once the entry
 * is on disk. An entry the server holds (sent) is read-only; one being sent waits for the answer.
 * Checked with the shared schema before anything is written: a refused entry writes nothing.
 * Not in index.ts: the team screens load it with import() (it carries zod).
 */
import { supportEntrySchema, type SupportEntry } from '../domain/community/schemas';
import { tally, type CommunityTally } from '../domain/community/tally';
import type { XasoDb } from './database';
import { guardWrite, InvalidInputError, XasoDbError } from './errors';
import type { TeamEntryRow } from './team-rows';

/** The entry is with the server (`sent`) or on its way (`sending`): it can no longer change here. */
export class TeamItemLockedError extends XasoDbError {
  override name = 'TeamItemLockedError';
  constructor(readonly reason: 'sent' | 'sending') {
    super(
      reason === 'sent'
        ? 'This entry was sent and can no longer be changed.'
        : 'This entry is being sent; try again in a moment.',
    );
  }
}

export interface SupportEntryInput {
  /** Absent for a new entry. */
  id?: string;
  date: string;
  hamlet: string;
  kind: string;
  residents: number;
  note?: string;
}

const schemas = new Map<string, ReturnType<typeof supportEntrySchema>>();
function schemaFor(kindIds: readonly string[]) {
  const key = kindIds.join('\n');
  let s = schemas.get(key);
  if (!s) schemas.set(key, (s = supportEntrySchema(kindIds)));
  return s;
}

/** The entry as it will be stored: text trimmed and NFC, an empty note left out; refused with the first bad field. */
export function checkSupportEntry(input: SupportEntryInput & { id: string }, kindIds: readonly string[]): SupportEntry {
  const note = input.note?.normalize('NFC').trim();
  const candidate = {
    id: input.id,
    date: input.date,
    hamlet: input.hamlet.normalize('NFC').trim(),
    kind: input.kind,
    residents: input.residents,
    ...(note ? { note } : {}),
  };
  const parsed = schemaFor(kindIds).safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidInputError(String(issue?.path[0] ?? 'entry'), issue?.message ?? 'invalid entry');
  }
  return parsed.data;
}

function assertEditable(row: TeamEntryRow, now: number): void {
  if (row.syncState === 'sent') throw new TeamItemLockedError('sent');
  if (row.sendingUntil && Date.parse(row.sendingUntil) > now) throw new TeamItemLockedError('sending');
}

/** Saves a new entry or an edit of one not yet sent; resolves with the row once committed. */
export async function saveSupportEntry(
  db: XasoDb,
  input: SupportEntryInput,
  kindIds: readonly string[],
  now: () => number = Date.now,
): Promise<TeamEntryRow> {
  const entry = checkSupportEntry({ ...input, id: input.id ?? crypto.randomUUID() }, kindIds);
  if (input.id === undefined) {
    // A new entry (the log form's every save, issue #16): one add, no read, so no transaction body
    // to run in Dexie's promise zone between the tap and the commit. A fresh id: add never
    // overwrites, and fails (nothing written) if the id were somehow taken.
    const at = new Date(now()).toISOString();
    const row: TeamEntryRow = { ...entry, createdAt: at, updatedAt: at, syncState: 'queued', attempts: 0, nextAttemptAt: at };
    await guardWrite(db.teamEntries.add(row));
    return row;
  }
  return guardWrite(
    db.transaction('rw', db.teamEntries, async () => {
      const at = new Date(now()).toISOString();
      const old = await db.teamEntries.get(entry.id);
      if (old) assertEditable(old, now());
      // An edit of a refused entry is a new attempt: back in the queue, the old reason gone.
      const row: TeamEntryRow = {
        ...entry,
        createdAt: old?.createdAt ?? at,
        updatedAt: at,
        syncState: 'queued',
        attempts: 0,
        nextAttemptAt: at,
      };
      await db.teamEntries.put(row);
      return row;
    }),
  );
}

export async function deleteSupportEntry(db: XasoDb, id: string, now: () => number = Date.now): Promise<void> {
  await guardWrite(
    db.transaction('rw', db.teamEntries, async () => {
      const old = await db.teamEntries.get(id);
      if (!old) return;
      assertEditable(old, now());
      await db.teamEntries.delete(id);
    }),
  );
}

/** One day's entries, in the order they were made. */
export async function entriesOfDay(db: XasoDb, date: string): Promise<TeamEntryRow[]> {
  const rows = await db.teamEntries.where('date').equals(date).toArray();
  return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Totals of a day (residents by kind, sessions): the shared tally over its entries. */
export function dayTotals(date: string, rows: readonly SupportEntry[]): CommunityTally {
  return tally(date, rows, [], '');
}

/** The thôn/tổ dân phố typed lately, most recent first, each once: offered again on the next entry. */
export async function recentHamlets(db: XasoDb, limit = 6): Promise<string[]> {
  const rows = await db.teamEntries.orderBy('date').reverse().limit(60).toArray();
  rows.sort((a, b) => b.date.localeCompare(a.date) || b.updatedAt.localeCompare(a.updatedAt));
  return [...new Set(rows.map((r) => r.hamlet))].slice(0, limit);
}
