/**
 * The evidence of a stored revision as a reviewer sees it: each reference the phone sent (kept in
 * the revision's payload, append-only like the rest of it) and whether the commune's file has
 * arrived. A reference whose file is still on its way is "pending" (received: false).
 */
import type { Kysely } from 'kysely';
import type { EvidenceRef } from '../../domain/evidence';
import type { Database } from '../db/schema';
import { filesOfCommune } from '../repositories/evidence';
import type { EvidenceView } from '../schemas/assessments';

export async function evidenceView(
  db: Kysely<Database>,
  communeCode: string,
  refs: readonly EvidenceRef[],
): Promise<EvidenceView[]> {
  const held = await filesOfCommune(
    db,
    communeCode,
    refs.map((r) => r.sha256),
  );
  return refs.map((r) => ({
    code: r.code,
    sha256: r.sha256,
    caption: r.caption,
    type: r.type,
    size: r.size,
    received: held.has(r.sha256),
  }));
}
