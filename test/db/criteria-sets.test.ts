/**
 * The downloaded criteria sets (schema v3) and moving a draft to a newer version of its set
 * (issue #12 item 3): one transaction, only `criteriaSet` changes, every answer kept; a
 * submitted or accepted assessment, another set's id or a version not held is refused and
 * nothing is written.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import catalogueJson from '../../data/catalogue/2026.1/catalogue.json';
import { getAnswers, saveAnswer } from '../../src/db/answers';
import { createAssessment, getAssessment, updateAssessment } from '../../src/db/assessments';
import {
  getDownloadedSet,
  keepSetVersion,
  keptSetVersion,
  listDownloadedSets,
  moveToSetVersion,
  storeDownloadedSet,
  type DownloadedSetRow,
} from '../../src/db/criteria-sets';
import type { XasoDb } from '../../src/db/database';
import { AssessmentLockedError, InvalidInputError, StorageWriteError } from '../../src/db/errors';
import { parseCriteriaSet } from '../../src/domain/criteria';
import type { Catalogue } from '../../src/domain/types';
import { provinceSet, type ProvinceSetVersion } from '../support/province-set';
import { failWrites, freshDb, sampleInput } from './helpers';

const catalogue = catalogueJson as Catalogue;

function row(
  version: ProvinceSetVersion,
  provinceCode = '01',
  publishedAt = `2026-0${version.at(-1)}-01T00:00:00.000Z`,
): DownloadedSetRow {
  const set = parseCriteriaSet(provinceSet(provinceCode, version), catalogue);
  return {
    key: `${set.id}@${set.version}`,
    provinceCode,
    serverId: `srv-${version}`,
    sha256: 'a'.repeat(64),
    publishedAt,
    downloadedAt: '2026-03-01T00:00:00.000Z',
    set,
  };
}

let db: XasoDb;
afterEach(async () => {
  await db?.delete();
});

describe('downloaded criteria sets', () => {
  it('stores a set once and never replaces it; lists a province’s sets oldest publication first', async () => {
    db = freshDb();
    const v1 = row('2026.1');
    const v2 = row('2026.2');
    expect(await storeDownloadedSet(v2, db)).toBe(true);
    expect(await storeDownloadedSet(v1, db)).toBe(true);
    expect(await storeDownloadedSet({ ...v1, sha256: 'b'.repeat(64) }, db)).toBe(false);
    expect((await getDownloadedSet(v1.set, db))?.sha256).toBe('a'.repeat(64));
    expect((await listDownloadedSets('01', db)).map((r) => r.key)).toEqual([v1.key, v2.key]);
    expect(await listDownloadedSets('46', db)).toEqual([]);
    expect(await listDownloadedSets(undefined, db)).toHaveLength(2);
  });

  it('refuses a row whose key does not name its set', async () => {
    db = freshDb();
    await expect(storeDownloadedSet({ ...row('2026.1'), key: 'other@2026.1' }, db)).rejects.toBeInstanceOf(InvalidInputError);
    expect(await listDownloadedSets(undefined, db)).toEqual([]);
  });
});

describe('moving a draft to a newer version of its set', () => {
  async function draftOnV1() {
    const v1 = row('2026.1');
    await storeDownloadedSet(v1, db);
    await storeDownloadedSet(row('2026.2'), db);
    const a = await createAssessment({ ...sampleInput, criteriaSet: { id: v1.set.id, version: '2026.1' } }, db);
    await saveAnswer(a.id, 'NT4', { status: null, value: { kind: 'yesno', yes: true } }, { db });
    await saveAnswer(a.id, 'TC3', { status: 2 }, { db });
    return { a, id: v1.set.id };
  }

  it('changes only the version, in one transaction, and keeps every answer (a removed indicator’s too)', async () => {
    db = freshDb();
    const { a, id } = await draftOnV1();
    const before = await getAssessment(a.id, db);
    const answersBefore = await getAnswers(a.id, db);
    const moved = await moveToSetVersion(a.id, { id, version: '2026.2' }, db);
    expect(moved.criteriaSet).toEqual({ id, version: '2026.2' });
    expect(Date.parse(moved.updatedAt)).toBeGreaterThan(Date.parse(before!.updatedAt));
    const after = await getAssessment(a.id, db);
    expect(after).toEqual(moved);
    const { criteriaSet: _c, updatedAt: _u, ...restAfter } = after!;
    const { criteriaSet: _c0, updatedAt: _u0, ...restBefore } = before!;
    expect(restAfter).toEqual(restBefore);
    expect(await getAnswers(a.id, db)).toEqual(answersBefore);
    expect(Object.keys(answersBefore).sort()).toEqual(['NT4', 'TC3']);
  });

  it('never moves a submitted or accepted assessment', async () => {
    db = freshDb();
    const { a, id } = await draftOnV1();
    for (const status of ['submitted', 'accepted'] as const) {
      await updateAssessment(a.id, { status }, db);
      await expect(moveToSetVersion(a.id, { id, version: '2026.2' }, db)).rejects.toBeInstanceOf(AssessmentLockedError);
      expect((await getAssessment(a.id, db))?.criteriaSet).toEqual({ id, version: '2026.1' });
    }
    // Returned by the province, it is editable again, and may move.
    await updateAssessment(a.id, { status: 'returned' }, db);
    expect((await moveToSetVersion(a.id, { id, version: '2026.2' }, db)).criteriaSet?.version).toBe('2026.2');
  });

  it('refuses another set, a version not on the phone, and an assessment under no set', async () => {
    db = freshDb();
    const { a, id } = await draftOnV1();
    await expect(moveToSetVersion(a.id, { id: 'template-commune-index', version: '2026.1' }, db)).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    await expect(moveToSetVersion(a.id, { id, version: '2027.1' }, db)).rejects.toBeInstanceOf(InvalidInputError);
    const plain = await createAssessment(sampleInput, db);
    await expect(moveToSetVersion(plain.id, { id, version: '2026.2' }, db)).rejects.toBeInstanceOf(InvalidInputError);
    expect((await getAssessment(a.id, db))?.criteriaSet).toEqual({ id, version: '2026.1' });
    expect((await getAssessment(plain.id, db))?.criteriaSet).toBeUndefined();
  });

  it('“Giữ phiên bản cũ” is remembered per assessment, and leaves the draft and its answers as they are', async () => {
    db = freshDb();
    const { a, id } = await draftOnV1();
    const other = await createAssessment({ ...sampleInput, criteriaSet: { id, version: '2026.1' } }, db);
    expect(await keptSetVersion(a.id, db)).toBeUndefined();
    await keepSetVersion(a.id, { id, version: '2026.2' }, db);
    await keepSetVersion(other.id, { id, version: '2026.2' }, db);
    expect(await keptSetVersion(a.id, db)).toBe(`${id}@2026.2`);
    expect(await keptSetVersion(other.id, db)).toBe(`${id}@2026.2`);
    expect((await getAssessment(a.id, db))?.criteriaSet).toEqual({ id, version: '2026.1' });
    expect(Object.keys(await getAnswers(a.id, db)).sort()).toEqual(['NT4', 'TC3']);
    await expect(keepSetVersion(a.id, { id: '', version: '2026.2' }, db)).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('a failed write leaves the draft on its version', async () => {
    db = freshDb();
    const broken = failWrites(db, ['assessments']);
    const { a, id } = await draftOnV1();
    broken.on = true;
    await expect(moveToSetVersion(a.id, { id, version: '2026.2' }, db)).rejects.toBeInstanceOf(StorageWriteError);
    broken.on = false;
    expect((await getAssessment(a.id, db))?.criteriaSet).toEqual({ id, version: '2026.1' });
  });
});
