/**
 * Assessments on this phone: create, list, read, update, delete. Each write is one Dexie
 * transaction and resolves only after it has committed; IndexedDB failures surface as
 * StorageWriteError (./errors.ts), bad input as InvalidInputError before anything is written.
 */
import type { AreaType, Assessment, CriteriaSetRef } from '../domain/types';
import { getDb } from './database';
import { nextTimestamp } from './time';
import { withTouch } from './touch';
import type { XasoDb } from './database';
import { AssessmentLockedError, AssessmentNotFoundError, guardWrite } from './errors';
import { dropAssessmentEvidence, evidenceTables } from './evidence-release';
import {
  checkAreaTypes,
  checkAssessmentStatus,
  checkCode,
  checkCriteriaSetRef,
  checkId,
  checkPeriod,
  cleanText,
} from './validate';
import { COMMUNE_CODE_RE, isLocked, PROVINCE_CODE_RE } from '../domain/vocabulary';

export interface NewAssessmentInput {
  provinceCode: string;
  communeCode: string;
  areaTypes: AreaType[];
  period: string;
  catalogueVersion: string;
  methodologyId: string;
  /** The criteria set to score it under; left out: the provisional method. Never changed later. */
  criteriaSet?: CriteriaSetRef;
  helpers?: string;
}

export type AssessmentPatch = Partial<Pick<Assessment, 'areaTypes' | 'period' | 'helpers' | 'lastCode' | 'status'>>;

export async function createAssessment(input: NewAssessmentInput, db: XasoDb = getDb()): Promise<Assessment> {
  const now = new Date().toISOString();
  const helpers = input.helpers === undefined ? undefined : cleanText(input.helpers, 'helpers');
  const assessment: Assessment = {
    id: crypto.randomUUID(),
    provinceCode: checkId(input.provinceCode, 'provinceCode', PROVINCE_CODE_RE),
    communeCode: checkId(input.communeCode, 'communeCode', COMMUNE_CODE_RE),
    areaTypes: checkAreaTypes(input.areaTypes),
    period: checkPeriod(input.period),
    catalogueVersion: checkId(input.catalogueVersion, 'catalogueVersion', undefined, 40),
    methodologyId: checkId(input.methodologyId, 'methodologyId'),
    ...(input.criteriaSet === undefined ? {} : { criteriaSet: checkCriteriaSetRef(input.criteriaSet) }),
    status: 'draft',
    createdAt: now,
    updatedAt: now,
    ...(helpers === undefined ? {} : { helpers }),
  };
  await guardWrite(db.assessments.add(assessment));
  return assessment;
}

/** Every assessment on this phone, the most recently edited first (answer edits included). */
export async function listAssessments(db: XasoDb = getDb()): Promise<Assessment[]> {
  const [rows, touches] = await db.transaction('r', db.assessments, db.touches, () =>
    Promise.all([db.assessments.toArray(), db.touches.toArray()]),
  );
  const touchOf = new Map(touches.map((t) => [t.assessmentId, t]));
  return rows.map((a) => withTouch(a, touchOf.get(a.id))).sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
}

export async function getAssessment(id: string, db: XasoDb = getDb()): Promise<Assessment | undefined> {
  const [row, touch] = await db.transaction('r', db.assessments, db.touches, () =>
    Promise.all([db.assessments.get(id), db.touches.get(id)]),
  );
  return row && withTouch(row, touch);
}

/**
 * Change an assessment's details, its status (the sync layer) or where the officer left off.
 * Details (area types, period, helpers) of a submitted or accepted assessment are frozen;
 * `lastCode` alone does not count as an edit and leaves `updatedAt` (the list order) alone.
 */
export async function updateAssessment(id: string, patch: AssessmentPatch, db: XasoDb = getDb()): Promise<Assessment> {
  const changes: Partial<Assessment> = {};
  let dropHelpers = false;
  if (patch.areaTypes !== undefined) changes.areaTypes = checkAreaTypes(patch.areaTypes);
  if (patch.period !== undefined) changes.period = checkPeriod(patch.period);
  if (patch.helpers !== undefined) {
    const helpers = cleanText(patch.helpers, 'helpers');
    if (helpers === undefined) dropHelpers = true;
    else changes.helpers = helpers;
  }
  if (patch.lastCode !== undefined) changes.lastCode = checkCode(patch.lastCode, 'lastCode');
  if (patch.status !== undefined) changes.status = checkAssessmentStatus(patch.status);
  const editsDetails = changes.areaTypes !== undefined || changes.period !== undefined || 'helpers' in patch;

  return guardWrite(
    db.transaction('rw', db.assessments, db.touches, async () => {
      const row = await db.assessments.get(id);
      if (!row) throw new AssessmentNotFoundError(id);
      // The latest answer edit is folded into the row written back (and its touch row removed),
      // so a lastCode set here is not hidden by an older touch.
      const current = withTouch(row, await db.touches.get(id));
      if (editsDetails && isLocked(current.status)) throw new AssessmentLockedError(id, current.status);
      const next: Assessment = { ...current, ...changes };
      if (dropHelpers) delete next.helpers;
      if (editsDetails || changes.status !== undefined) next.updatedAt = nextTimestamp([current.updatedAt]);
      await db.assessments.put(next);
      await db.touches.delete(id);
      return next;
    }),
  );
}

/** Delete an assessment with its answers, touch, queued uploads, sync state and evidence links, all or nothing. */
export async function deleteAssessment(id: string, db: XasoDb = getDb()): Promise<void> {
  await guardWrite(
    db.transaction('rw', [db.assessments, db.answers, db.touches, db.outbox, ...evidenceTables(db)], async () => {
      await db.answers.where('assessmentId').equals(id).delete();
      // Before the sync row goes: it says whether a sent revision may still need a file.
      await dropAssessmentEvidence(db, id);
      await db.touches.delete(id);
      await db.outbox.where('assessmentId').equals(id).delete();
      await db.sync.delete(id);
      await db.assessments.delete(id);
    }),
  );
}
