/**
 * An officer's phone brings down its commune's population (issue #15) with the community tally,
 * so that measured indicators per 1,000 inhabitants can be shown offline. The server's figure is
 * the one that counts (the officer enters it there, a reviewer may correct it). Not enrolled, a
 * team phone, a failed call or an unreadable answer: what the phone holds stays.
 */
import { getDb, type XasoDb } from '../db/database';
import { setSetting } from '../db/settings';
import { getEnrollment, isTeamPhone } from './enrollment';
import { apiRequest, type FetchLike } from './http';

export async function pullPopulation(opts: { db?: XasoDb; fetch?: FetchLike; timeoutMs?: number } = {}): Promise<boolean> {
  const db = opts.db ?? getDb();
  const enrollment = await getEnrollment(db);
  if (!enrollment || isTeamPhone(enrollment)) return false;
  const got = await apiRequest({
    method: 'GET',
    path: `/communes/${encodeURIComponent(enrollment.communeCode)}/population`,
    token: enrollment.deviceToken,
    fetch: opts.fetch,
    timeoutMs: opts.timeoutMs,
  });
  if (got.kind !== 'ok') return false;
  const body = got.body as { population?: unknown; setAt?: unknown } | null;
  if (typeof body?.population !== 'number' || typeof body.setAt !== 'string') return false;
  const value = { communeCode: enrollment.communeCode, population: body.population, setAt: body.setAt };
  await setSetting('communePopulation', value, db).catch(() => undefined);
  return true;
}
