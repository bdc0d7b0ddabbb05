/**
 * Issue #9 defect 7: when IndexedDB cannot open at all (Firefox's private mode throws
 * InvalidStateError from open(), storage blocked for the site…), the phone names that cause, in the
 * user's language, with the right advice — not "a newer version is open in another tab".
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAssessment } from '../../src/db/assessments';
import { StorageWriteError } from '../../src/db/errors';
import { storageProblem } from '../../src/ui/components/storage-problem';
import { saveErrorKey } from '../../src/ui/screens/Checklist/card-ids';
import en from '../../locales/en/common.json';
import vi_ from '../../locales/vi/common.json';
import { freshDb, sampleInput } from './helpers';

afterEach(() => {
  vi.restoreAllMocks();
});

function refuseToOpen(): void {
  const factory = Dexie.dependencies.indexedDB;
  if (!factory) throw new Error('no IndexedDB factory');
  vi.spyOn(factory, 'open').mockImplementation(() => {
    throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
  });
}

describe('IndexedDB that cannot open', () => {
  it('a write fails with reason "unavailable", whose message does not blame another tab', async () => {
    refuseToOpen();
    const db = freshDb();
    const err = await createAssessment(sampleInput, db).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageWriteError);
    expect((err as StorageWriteError).reason).toBe('unavailable');
    expect((err as StorageWriteError).message).not.toMatch(/another tab|newer version/);
    expect(saveErrorKey(err)).toBe('common:storage.unavailable');
  });

  it('a read fails as "unavailable" too, and both languages say it with the advice', async () => {
    refuseToOpen();
    const db = freshDb();
    const err = await db.assessments.toArray().catch((e: unknown) => e);
    expect(storageProblem(err)).toBe('unavailable');
    expect(vi_.storage.unavailable).toMatch(/ẩn danh/);
    expect(vi_.storage.unavailable).toMatch(/tải lại trang/);
    expect(vi_.storage.unavailable).not.toMatch(/tab khác/);
    expect(en.storage.unavailable).toMatch(/private/);
  });

  it('a database closed by another tab\'s upgrade is still "closed"', () => {
    expect(storageProblem(new StorageWriteError('closed'))).toBe('closed');
    expect(storageProblem(Object.assign(new Error('x'), { name: 'DatabaseClosedError' }))).toBe('closed');
  });
});
