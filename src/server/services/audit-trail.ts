/** Writes audit rows from a request's point of view: who (principal), from where (IP), when (clock). */
import type { Kysely } from 'kysely';
import { newId } from '../auth/tokens';
import type { AppDeps, Principal } from '../context';
import type { Database } from '../db/schema';
import { recordAudit, type AuditEntry } from '../repositories/audit';

export interface AuditFacts {
  action: string;
  outcome: 'success' | 'failure';
  target?: string | null;
  /** Non-secret facts only: never a token, password or enrollment code. */
  detail?: Record<string, unknown>;
  /** For sign-in attempts, where no principal exists yet. */
  actorName?: string;
}

export async function audit(
  deps: AppDeps,
  who: { principal: Principal | undefined; ip: string },
  facts: AuditFacts,
  db: Kysely<Database> = deps.db,
): Promise<void> {
  await recordAudit(db, auditEntry(deps, who, facts));
}

/** The entry audit() writes, for a caller that writes it as part of a larger statement. */
export function auditEntry(deps: AppDeps, who: { principal: Principal | undefined; ip: string }, facts: AuditFacts): AuditEntry {
  const p = who.principal;
  return {
    id: newId(),
    at: deps.now().toISOString(),
    actorKind: p ? p.kind : 'anonymous',
    actorId: p?.id ?? null,
    actorName: p ? (p.kind === 'user' ? p.username : p.communeCode) : (facts.actorName ?? null),
    action: facts.action,
    outcome: facts.outcome,
    target: facts.target ?? null,
    ip: who.ip,
    ...(facts.detail ? { detail: facts.detail } : {}),
  };
}
