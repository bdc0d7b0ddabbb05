/**
 * The commune's population (issue #15), for measured indicators per 1,000 inhabitants. The
 * officer enters it on the phone (`enterPopulation`): saved first as a draft in settings, then
 * sent by `pushPopulation` (PUT /communes/{code}/population) from the sync triggers, retried with
 * the outbox's backoff when there is no answer, kept with the server's reason when refused.
 * `pullPopulation` brings the server's figure down (a reviewer may have corrected it) — but never
 * while a draft waits: a value the officer entered and the server has not taken yet is not
 * overwritten by an older server value. Not enrolled, a team phone, a failed call or an
 * unreadable answer: what the phone holds stays.
 */
import { getDb, type XasoDb } from '../db/database';
import { InvalidInputError } from '../db/errors';
import { getSetting, setSetting, POPULATION_MAX, POPULATION_MIN, type PopulationDraft } from '../db/settings';
import { backoffDelay } from './backoff';
import { getEnrollment, isTeamPhone } from './enrollment';
import { apiRequest, type FetchLike } from './http';
import { serverReason } from './server-reason';

interface SyncOpts {
  db?: XasoDb;
  fetch?: FetchLike;
  timeoutMs?: number;
  now?: () => number;
  random?: () => number;
}

/** What the officer typed → a whole number of inhabitants, or why not ('format' | 'range'). */
export function parsePopulation(text: string): { ok: true; value: number } | { ok: false; reason: 'format' | 'range' } {
  // Vietnamese writes thousands with dots or spaces ("12.345"); nothing else is allowed.
  const digits = text.trim().replace(/[.\s]/g, '');
  if (!/^\d+$/.test(digits)) return { ok: false, reason: 'format' };
  const value = Number(digits);
  if (value < POPULATION_MIN || value > POPULATION_MAX) return { ok: false, reason: 'range' };
  return { ok: true, value };
}

/** Saves the officer's figure on this phone (the draft to send). Throws when not enrolled as an officer. */
export async function enterPopulation(population: number, db: XasoDb = getDb(), now = new Date()): Promise<void> {
  const enrollment = await getEnrollment(db);
  if (!enrollment || isTeamPhone(enrollment)) throw new InvalidInputError('population', 'Not enrolled as a commune');
  const draft: PopulationDraft = {
    communeCode: enrollment.communeCode,
    population,
    enteredAt: now.toISOString(),
    attempts: 0,
  };
  await setSetting('communePopulationDraft', draft, db);
}

/** Rewrites the draft only if it is still the one sent (the officer may have typed another meanwhile). */
async function settle(db: XasoDb, sent: PopulationDraft, next: PopulationDraft | null, synced?: unknown): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const current = await getSetting('communePopulationDraft', db);
    if (current?.enteredAt !== sent.enteredAt || current.population !== sent.population) return;
    if (next) await setSetting('communePopulationDraft', next, db);
    else await db.settings.delete('communePopulationDraft');
    if (synced) await setSetting('communePopulation', synced as { communeCode: string; population: number; setAt: string }, db);
  });
}

/**
 * Sends the draft, if one waits and (unless `force`) its backoff has run out. true = delivered.
 * A refused draft is not sent again until the officer enters a figure again.
 */
export async function pushPopulation(opts: SyncOpts & { force?: boolean } = {}): Promise<boolean> {
  const db = opts.db ?? getDb();
  const now = opts.now ?? Date.now;
  const draft = await getSetting('communePopulationDraft', db);
  const enrollment = await getEnrollment(db);
  if (!draft || draft.error !== undefined || !enrollment || isTeamPhone(enrollment)) return false;
  if (draft.communeCode !== enrollment.communeCode) return false;
  if (!opts.force && draft.retryAt && Date.parse(draft.retryAt) > now()) return false;
  const got = await apiRequest({
    method: 'PUT',
    path: `/communes/${encodeURIComponent(draft.communeCode)}/population`,
    token: enrollment.deviceToken,
    body: { population: draft.population },
    fetch: opts.fetch,
    timeoutMs: opts.timeoutMs,
  });
  if (got.kind === 'ok') {
    const body = got.body as { population?: unknown; setAt?: unknown } | null;
    const setAt = typeof body?.setAt === 'string' ? body.setAt : new Date(now()).toISOString();
    const population = typeof body?.population === 'number' ? body.population : draft.population;
    await settle(db, draft, null, { communeCode: draft.communeCode, population, setAt });
    return true;
  }
  if (got.kind === 'retry') {
    const attempts = draft.attempts + 1;
    const retryAt = new Date(now() + backoffDelay(attempts, opts.random)).toISOString();
    await settle(db, draft, { ...draft, attempts, retryAt });
    return false;
  }
  await settle(db, draft, { ...draft, attempts: draft.attempts + 1, error: serverReason(got.code, got.message) });
  return false;
}

/** Brings the server's figure down; does nothing while a draft waits. true = stored. */
export async function pullPopulation(opts: SyncOpts = {}): Promise<boolean> {
  const db = opts.db ?? getDb();
  const enrollment = await getEnrollment(db);
  if (!enrollment || isTeamPhone(enrollment)) return false;
  if ((await getSetting('communePopulationDraft', db))?.communeCode === enrollment.communeCode) return false;
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
  // Written only if no draft appeared while the request was on the air.
  await db
    .transaction('rw', db.settings, async () => {
      if ((await getSetting('communePopulationDraft', db))?.communeCode === enrollment.communeCode) return;
      await setSetting('communePopulation', value, db);
    })
    .catch(() => undefined);
  return true;
}
