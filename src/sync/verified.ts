/**
 * Brings down, for one assessment the server holds, the province's verification of its latest
 * revision (verified score, items verified and adjusted) and the comparison with the province and
 * the area type, and keeps them in verifiedResults for offline use. Nothing is stored until the
 * province has verified at least one item: before that there is no verified result to show.
 * A failed or unreadable answer leaves what the phone already holds.
 */
import type { XasoDb } from '../db/database';
import type { Comparison, VerificationView } from '../domain/verification';
import { apiRequest, type FetchLike } from './http';

function isView(x: unknown): x is VerificationView {
  const v = x as Partial<VerificationView> | null;
  return typeof v === 'object' && v !== null && typeof v.revision === 'number' && Array.isArray(v.items);
}

function isComparison(x: unknown): x is Comparison {
  const c = x as Partial<Comparison> | null;
  return typeof c === 'object' && c !== null && Array.isArray(c.groups) && typeof c.total === 'object';
}

export async function pullVerified(
  db: XasoDb,
  assessmentId: string,
  token: string,
  opts: { fetch?: FetchLike | undefined; timeoutMs?: number | undefined; now?: () => number },
): Promise<boolean> {
  const path = `/assessments/${encodeURIComponent(assessmentId)}`;
  const get = (tail: string) =>
    apiRequest({ method: 'GET', path: `${path}/${tail}`, token, fetch: opts.fetch, timeoutMs: opts.timeoutMs });
  const verification = await get('verification');
  if (verification.kind !== 'ok' || !isView(verification.body) || verification.body.score === null) return false;
  const comparison = await get('comparison');
  const compared = comparison.kind === 'ok' && isComparison(comparison.body) ? comparison.body : null;
  const held = await db.verifiedResults.get(assessmentId);
  await db.verifiedResults.put({
    assessmentId,
    verification: verification.body,
    comparison: compared ?? held?.comparison ?? null,
    fetchedAt: new Date((opts.now ?? Date.now)()).toISOString(),
  });
  return true;
}
