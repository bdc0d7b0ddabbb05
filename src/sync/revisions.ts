/**
 * Revision bookkeeping, from the phone's sync row alone. The server accepts revision r only on
 * top of baseRevision r − 1 (null for r = 1), so one number decides both: the last revision the
 * server acknowledged. It is the row's revision once the server has it (sent/accepted/returned),
 * otherwise the row's baseRevision (queued, error, withdrawn draft, or the server's newest after
 * a conflict — see outbox.ts).
 */
import type { SyncRow, SyncState } from '../db/database';

/** States in which the server holds the row's revision. */
export const ACKNOWLEDGED: readonly SyncState[] = ['sent', 'accepted', 'returned'];

export function lastAcknowledged(row: SyncRow | undefined): number | null {
  if (!row) return null;
  if (ACKNOWLEDGED.includes(row.state)) return row.revision;
  return row.baseRevision ?? null;
}

/** The revision a new submission goes up as, and the base it claims. */
export function nextRevision(row: SyncRow | undefined): { revision: number; baseRevision: number | null } {
  const base = lastAcknowledged(row);
  return { revision: (base ?? 0) + 1, baseRevision: base };
}

/** The base a revision claims on the wire: always revision − 1 (the server checks exactly that). */
export function baseOf(revision: number): number | null {
  return revision > 1 ? revision - 1 : null;
}
