/**
 * The audit log: who did what, when, from where. Callers pass only non-secret facts;
 * tokens, passwords and enrollment codes never reach this table.
 */
import type { Kysely, Selectable } from 'kysely';
import { prepared, type KeyList } from '../db/prepared';
import type { AuditLogTable, Database } from '../db/schema';

export type AuditRow = Selectable<AuditLogTable>;

export interface AuditEntry {
  id: string;
  at: string;
  actorKind: AuditRow['actor_kind'];
  actorId?: string | null;
  actorName?: string | null;
  action: string;
  outcome: AuditRow['outcome'];
  target?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
}

// Every stored submission writes one: prepared (see ../db/prepared.ts).
export const AUDIT_COLUMNS: KeyList<AuditRow> = {
  id: true,
  at: true,
  actor_kind: true,
  actor_id: true,
  actor_name: true,
  action: true,
  outcome: true,
  target: true,
  ip: true,
  detail: true,
};

const insertAudit = prepared((db, v: AuditRow) => db.insertInto('audit_log').values(v), AUDIT_COLUMNS);

export async function recordAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await insertAudit(db, auditRowOf(entry));
}

export function auditRowOf(entry: AuditEntry): AuditRow {
  return {
    id: entry.id,
    at: entry.at,
    actor_kind: entry.actorKind,
    actor_id: entry.actorId ?? null,
    actor_name: entry.actorName ?? null,
    action: entry.action,
    outcome: entry.outcome,
    target: entry.target ?? null,
    ip: entry.ip ?? null,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
  };
}

export function listAudit(db: Kysely<Database>, limit = 200): Promise<AuditRow[]> {
  return db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').orderBy('id').limit(limit).execute();
}
