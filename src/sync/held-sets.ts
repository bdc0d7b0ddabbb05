/**
 * The criteria sets this phone holds: those bundled with the app (lazy chunks, precached) and
 * those its province published and the phone downloaded (src/db/criteria-sets.ts). Everything
 * that scores, checks or sends an assessment under a set finds the set here, so a downloaded
 * set works offline exactly as a bundled one. No zod: the home list may use it.
 */
import { getDownloadedSet, listDownloadedSets } from '../db/criteria-sets';
import { getDb, type XasoDb } from '../db/database';
import { BUNDLED_CRITERIA_SETS, loadCriteriaSet } from '../data/load';
import type { CriteriaSet } from '../domain/criteria/schema';
import type { CriteriaSetRef } from '../domain/types';

/** The set an assessment names, bundled or downloaded; undefined when this phone holds neither. */
export async function findCriteriaSet(ref: CriteriaSetRef, db: XasoDb = getDb()): Promise<CriteriaSet | undefined> {
  return (await loadCriteriaSet(ref.id, ref.version)) ?? (await getDownloadedSet(ref, db))?.set;
}

/** Every set held, by "id@version": the bundled ones first, then the downloaded ones. */
export async function heldCriteriaSets(db: XasoDb = getDb()): Promise<Map<string, CriteriaSet>> {
  const [bundled, downloaded] = await Promise.all([
    Promise.all(BUNDLED_CRITERIA_SETS.map((s) => loadCriteriaSet(s.id, s.version))),
    listDownloadedSets(undefined, db),
  ]);
  const sets = new Map<string, CriteriaSet>();
  for (const set of bundled) if (set) sets.set(`${set.id}@${set.version}`, set);
  for (const row of downloaded) if (!sets.has(row.key)) sets.set(row.key, row.set);
  return sets;
}
