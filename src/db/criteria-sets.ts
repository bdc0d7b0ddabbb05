/**
 * The province's published criteria sets this phone has downloaded (table `criteriaSets`, schema
 * v3, issue #12), kept so that an assessment under one of them is checked, scored and sent
 * offline. A published version never changes on the server, so a row is written once and never
 * replaced. The sync layer (src/sync/criteria-sets.ts) validates a set with the domain's
 * parseCriteriaSet before it calls `storeDownloadedSet`: what is here is always a valid set.
 *
 * Also here: moving a draft to a newer version of its set, the one change ever made to an
 * assessment's `criteriaSet` after it was created, and only when the officer asks for it.
 */
import type { CriteriaSet } from '../domain/criteria/schema';
import type { Assessment, CriteriaSetRef } from '../domain/types';
import { isLocked } from '../domain/vocabulary';
import { getDb, type XasoDb } from './database';
import { AssessmentLockedError, AssessmentNotFoundError, guardWrite, InvalidInputError } from './errors';
import { nextTimestamp } from './time';
import { withTouch } from './touch';
import { getSetting } from './settings';
import { checkCriteriaSetRef } from './validate';

export interface DownloadedSetRow {
  /** "id@version", as criteriaSetKey writes it. */
  key: string;
  provinceCode: string;
  /** The server's id of the published row (CriteriaSetMeta.id). */
  serverId: string;
  /** SHA-256 of the set's canonical JSON, as the server's list gave it: a set is fetched again only when this is new. */
  sha256: string;
  publishedAt: string;
  downloadedAt: string;
  set: CriteriaSet;
}

export const downloadedSetKey = (ref: CriteriaSetRef): string => `${ref.id}@${ref.version}`;

export function getDownloadedSet(ref: CriteriaSetRef, db: XasoDb = getDb()): Promise<DownloadedSetRow | undefined> {
  return db.criteriaSets.get(downloadedSetKey(ref));
}

/** The sets downloaded for a province (every province's when left out), oldest publication first. */
export async function listDownloadedSets(provinceCode?: string, db: XasoDb = getDb()): Promise<DownloadedSetRow[]> {
  const rows = provinceCode
    ? await db.criteriaSets.where('provinceCode').equals(provinceCode).toArray()
    : await db.criteriaSets.toArray();
  return rows.sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.key.localeCompare(b.key));
}

/**
 * Keeps a downloaded set; false when one with that key is already held (it is left as it was:
 * drafts are scored with the set they were started on, byte for byte).
 */
export async function storeDownloadedSet(row: DownloadedSetRow, db: XasoDb = getDb()): Promise<boolean> {
  if (row.key !== downloadedSetKey(row.set)) throw new InvalidInputError('criteriaSet', 'The key does not name the set.');
  return guardWrite(
    db.transaction('rw', db.criteriaSets, async () => {
      if (await db.criteriaSets.get(row.key)) return false;
      await db.criteriaSets.add(row);
      return true;
    }),
  );
}

/**
 * Moves a draft (or a returned assessment) to another version of the set it names, in one
 * transaction: only `criteriaSet` changes; every answer stays as it is (an answer to an indicator
 * the new version removed is kept, and simply not counted). The version must be held in the
 * downloaded sets. A submitted or accepted assessment is never moved (AssessmentLockedError).
 */
export async function moveToSetVersion(id: string, to: CriteriaSetRef, db: XasoDb = getDb()): Promise<Assessment> {
  const target = checkCriteriaSetRef(to);
  return guardWrite(
    db.transaction('rw', [db.assessments, db.touches, db.criteriaSets], async () => {
      const row = await db.assessments.get(id);
      if (!row) throw new AssessmentNotFoundError(id);
      const current = withTouch(row, await db.touches.get(id));
      if (isLocked(current.status)) throw new AssessmentLockedError(id, current.status);
      if (!current.criteriaSet || current.criteriaSet.id !== target.id)
        throw new InvalidInputError('criteriaSet', 'Only another version of the same criteria set can be chosen.');
      if (!(await db.criteriaSets.get(downloadedSetKey(target))))
        throw new InvalidInputError('criteriaSet', 'That version of the criteria set is not on this phone.');
      const next: Assessment = { ...current, criteriaSet: target, updatedAt: nextTimestamp([current.updatedAt]) };
      await db.assessments.put(next);
      await db.touches.delete(id);
      return next;
    }),
  );
}

/** The newer version ("id@version") the officer chose not to move this assessment to, if any. */
export async function keptSetVersion(assessmentId: string, db: XasoDb = getDb()): Promise<string | undefined> {
  return (await getSetting('keptSetVersions', db))?.[assessmentId];
}

/** "Giữ phiên bản cũ": remembers that this assessment stays where it is rather than move to `declined`. */
export async function keepSetVersion(assessmentId: string, declined: CriteriaSetRef, db: XasoDb = getDb()): Promise<void> {
  const key = downloadedSetKey(checkCriteriaSetRef(declined));
  await guardWrite(
    db.transaction('rw', db.settings, async () => {
      const kept = (await getSetting('keptSetVersions', db)) ?? {};
      await db.settings.put({ key: 'keptSetVersions', value: { ...kept, [assessmentId]: key } });
    }),
  );
}
