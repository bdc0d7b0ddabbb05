import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import kindsJson from '../../data/community/support-kinds-2026.1.json';
import surveyJson from '../../data/community/survey-default-2026.1.json';
import type { XasoDb } from '../../src/db/database';
import { InvalidInputError, StorageWriteError } from '../../src/db/errors';
import { saveSurveyResponse } from '../../src/db/survey-responses';
import {
  dayTotals,
  deleteSupportEntry,
  entriesOfDay,
  recentHamlets,
  saveSupportEntry,
  TeamItemLockedError,
} from '../../src/db/team-log';
import { SurveySchema } from '../../src/domain/community/schemas';
import { failWrites, freshDb } from './helpers';

const kinds = kindsJson.kinds.map((k) => k.id);
const survey = SurveySchema.parse(surveyJson);
let db: XasoDb;
afterEach(async () => {
  await db?.delete();
});

const entry = (over: Partial<Parameters<typeof saveSupportEntry>[1]> = {}) => ({
  date: '2026-05-04',
  hamlet: 'Thôn Đông',
  kind: 'kich-hoat-vneid-muc-2',
  residents: 3,
  ...over,
});

describe('support log', () => {
  it('stores an entry NFC and trimmed, queued to go up, and reads it back by day with totals per kind', async () => {
    db = freshDb();
    const decomposed = '  Tho\u0302n Đông  '; // "Thôn" typed with a combining circumflex
    const a = await saveSupportEntry(db, entry({ hamlet: decomposed, note: '  ' }), kinds);
    await saveSupportEntry(db, entry({ kind: 'ky-nang-so', residents: 5, note: 'Hướng dẫn cài ứng dụng' }), kinds);
    await saveSupportEntry(db, entry({ date: '2026-05-05', residents: 2 }), kinds);
    expect(a).toMatchObject({ hamlet: 'Thôn Đông', syncState: 'queued', attempts: 0 });
    expect(a).not.toHaveProperty('note');
    const day = await entriesOfDay(db, '2026-05-04');
    expect(day.map((r) => r.residents)).toEqual([3, 5]);
    const totals = dayTotals('2026-05-04', day);
    expect(totals).toMatchObject({ residentsHelped: 8, sessions: 2 });
    expect(totals.residentsByKind).toEqual({ 'kich-hoat-vneid-muc-2': 3, 'ky-nang-so': 5 });
  });

  it('refuses bad input with the field named and writes nothing', async () => {
    db = freshDb();
    const bad = [
      entry({ residents: 0 }),
      entry({ residents: 501 }),
      entry({ residents: 2.5 }),
      entry({ kind: 'unknown' }),
      entry({ hamlet: '   ' }),
      entry({ hamlet: 'x'.repeat(101) }),
      entry({ date: '2026-02-30' }),
      entry({ note: 'n'.repeat(501) }),
    ];
    for (const input of bad) await expect(saveSupportEntry(db, input, kinds)).rejects.toBeInstanceOf(InvalidInputError);
    await expect(saveSupportEntry(db, entry({ residents: 0 }), kinds)).rejects.toMatchObject({ field: 'residents' });
    expect(await db.teamEntries.count()).toBe(0);
  });

  it('edits and deletes an entry until it is sent; a sent one, or one being sent, is read-only', async () => {
    db = freshDb();
    const a = await saveSupportEntry(db, entry(), kinds);
    const edited = await saveSupportEntry(db, { ...entry({ residents: 4 }), id: a.id }, kinds);
    expect(edited).toMatchObject({ id: a.id, residents: 4, createdAt: a.createdAt });
    expect(await db.teamEntries.count()).toBe(1);

    await db.teamEntries.update(a.id, { sendingUntil: new Date(Date.now() + 60_000).toISOString() });
    await expect(saveSupportEntry(db, { ...entry(), id: a.id }, kinds)).rejects.toMatchObject({ reason: 'sending' });
    await expect(deleteSupportEntry(db, a.id)).rejects.toBeInstanceOf(TeamItemLockedError);

    await db.teamEntries.update(a.id, { syncState: 'sent', sendingUntil: undefined });
    await expect(saveSupportEntry(db, { ...entry({ residents: 9 }), id: a.id }, kinds)).rejects.toMatchObject({ reason: 'sent' });
    await expect(deleteSupportEntry(db, a.id)).rejects.toMatchObject({ reason: 'sent' });
    expect((await db.teamEntries.get(a.id))?.residents).toBe(4);

    const b = await saveSupportEntry(db, entry(), kinds);
    await deleteSupportEntry(db, b.id);
    expect(await db.teamEntries.get(b.id)).toBeUndefined();
  });

  it('an edit of a refused entry puts it back in the queue without the old reason', async () => {
    db = freshDb();
    const a = await saveSupportEntry(db, entry(), kinds);
    await db.teamEntries.update(a.id, { syncState: 'rejected', lastError: '[invalid_item] bad', attempts: 3 });
    const again = await saveSupportEntry(db, { ...entry({ residents: 2 }), id: a.id }, kinds);
    expect(again).toMatchObject({ syncState: 'queued', attempts: 0 });
    expect(again).not.toHaveProperty('lastError');
  });

  it('offers the hamlets typed lately, most recent first, each once', async () => {
    db = freshDb();
    await saveSupportEntry(db, entry({ date: '2026-05-01', hamlet: 'Thôn Tây' }), kinds);
    await saveSupportEntry(db, entry({ date: '2026-05-02', hamlet: 'Tổ dân phố 3' }), kinds);
    await saveSupportEntry(db, entry({ date: '2026-05-03', hamlet: 'Thôn Tây' }), kinds);
    expect(await recentHamlets(db)).toEqual(['Thôn Tây', 'Tổ dân phố 3']);
  });

  it('a new entry is added, never written over an existing one: an id already taken is refused and the stored entry kept', async () => {
    db = freshDb();
    const first = await saveSupportEntry(db, entry({ residents: 4 }), kinds);
    // The new-entry path writes without reading first (issue #16): only `add` keeps this safe.
    const uuid = vi.spyOn(crypto, 'randomUUID').mockReturnValue(first.id as ReturnType<typeof crypto.randomUUID>);
    try {
      await expect(saveSupportEntry(db, entry({ residents: 9 }), kinds)).rejects.toBeInstanceOf(StorageWriteError);
    } finally {
      uuid.mockRestore();
    }
    expect(await db.teamEntries.toArray()).toEqual([first]);
  });

  it('a full disk refuses the save as StorageWriteError and keeps the earlier entries', async () => {
    db = freshDb();
    const fail = failWrites(db, ['teamEntries']);
    await saveSupportEntry(db, entry(), kinds);
    fail.on = true;
    await expect(saveSupportEntry(db, entry({ residents: 7 }), kinds)).rejects.toBeInstanceOf(StorageWriteError);
    fail.on = false;
    expect((await db.teamEntries.toArray()).map((r) => r.residents)).toEqual([3]);
  });
});

describe('survey responses', () => {
  it('stores one anonymous response per resident, only the survey’s questions, each of its type', async () => {
    db = freshDb();
    const r = await saveSurveyResponse(db, survey, { 'hai-long-chung': 5, 'lan-dau-dvc': true });
    expect(r).toMatchObject({ surveyId: 'survey-default', surveyVersion: '2026.1', syncState: 'queued' });
    expect(Object.keys(r).sort()).toEqual(
      ['answeredAt', 'answers', 'attempts', 'id', 'nextAttemptAt', 'surveyId', 'surveyVersion', 'syncState'].sort(),
    );
    await expect(saveSurveyResponse(db, survey, { 'hai-long-chung': 6 })).rejects.toMatchObject({ field: 'hai-long-chung' });
    await expect(saveSurveyResponse(db, survey, { 'hai-long-chung': 4, 'lan-dau-dvc': 2 })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    await expect(saveSurveyResponse(db, survey, { 'hai-long-chung': 4, ten: 3 })).rejects.toMatchObject({ field: 'ten' });
    await expect(saveSurveyResponse(db, survey, { 'hai-long-dvc': 4 })).rejects.toMatchObject({ field: 'hai-long-chung' });
    expect(await db.surveyResponses.count()).toBe(1);
  });
});
