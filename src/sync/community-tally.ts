/**
 * An officer's phone brings down its commune's community tally (issue #15: residents helped by
 * kind, sessions, survey responses, satisfaction) on sync, and keeps it in communityTallies for
 * offline use: the checklist shows it on NVXHS1, NVXHS3 and ĐLHQ9 as measured facts beside the
 * declared status. The figures are the server's (it counts each entry once); the phone never
 * recomputes them. Years asked: this year and the years of the commune's assessments on the phone.
 * A failed or unreadable answer leaves what the phone already holds.
 */
import { getDb, type XasoDb } from '../db/database';
import { tallyKey } from '../db/team-rows';
import type { CommunityTally } from '../domain/community/tally';
import { getEnrollment, isTeamPhone } from './enrollment';
import { apiRequest, type FetchLike } from './http';

export interface TallyPullOptions {
  db?: XasoDb;
  fetch?: FetchLike;
  now?: () => number;
  timeoutMs?: number;
}

const num = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= 0;
const numOrNull = (x: unknown) => x === null || num(x);

export function isCommunityTally(x: unknown): x is CommunityTally {
  const t = x as Partial<CommunityTally> | null;
  if (typeof t !== 'object' || t === null) return false;
  if (typeof t.period !== 'string' || !num(t.residentsHelped) || !num(t.sessions) || !num(t.responses)) return false;
  if (typeof t.residentsByKind !== 'object' || t.residentsByKind === null || !Object.values(t.residentsByKind).every(num))
    return false;
  const s = t.satisfaction as Record<string, unknown> | undefined;
  if (typeof s !== 'object' || s === null) return false;
  return s.tooFew === true || (numOrNull(s.mean) && numOrNull(s.shareSatisfied) && num(s.n));
}

/** The years to ask for: this year and the year of each of the commune's assessments on the phone. */
async function yearsOf(db: XasoDb, communeCode: string, now: number): Promise<string[]> {
  const assessments = await db.assessments.where('communeCode').equals(communeCode).toArray();
  const years = assessments.map((a) => /^\d{4}/.exec(a.period)?.[0]).filter((y): y is string => y !== undefined);
  return [...new Set([String(new Date(now).getFullYear()), ...years])].sort();
}

/** `reached`: the server answered every request. Not enrolled, or a team phone: nothing is asked. */
export async function pullCommunityTally(opts: TallyPullOptions = {}): Promise<{ reached: boolean; stored: number }> {
  const db = opts.db ?? getDb();
  const now = opts.now ?? Date.now;
  const enrollment = await getEnrollment(db);
  if (!enrollment || isTeamPhone(enrollment)) return { reached: true, stored: 0 };
  const { communeCode } = enrollment;
  let reached = true;
  let stored = 0;
  for (const year of await yearsOf(db, communeCode, now())) {
    const got = await apiRequest({
      method: 'GET',
      path: `/communes/${encodeURIComponent(communeCode)}/community-tally?year=${year}`,
      token: enrollment.deviceToken,
      fetch: opts.fetch,
      timeoutMs: opts.timeoutMs,
    });
    if (got.kind === 'retry') reached = false;
    if (got.kind !== 'ok' || !isCommunityTally(got.body)) continue;
    await db.communityTallies.put({
      key: tallyKey(communeCode, year),
      communeCode,
      year,
      tally: got.body,
      fetchedAt: new Date(now()).toISOString(),
    });
    stored++;
  }
  return { reached, stored };
}
