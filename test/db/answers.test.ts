import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAssessment, getAssessment, updateAssessment } from '../../src/db/assessments';
import { getAnswers, saveAnswer } from '../../src/db/answers';
import type { XasoDb } from '../../src/db/database';
import { AssessmentLockedError, AssessmentNotFoundError, InvalidInputError } from '../../src/db/errors';
import { freshDb, sampleInput } from './helpers';

let db: XasoDb;
afterEach(async () => {
  vi.useRealTimers();
  await db?.delete();
});

describe('saveAnswer', () => {
  it('merges each edit into the stored answer and normalises text', async () => {
    db = freshDb();
    const a = await createAssessment(sampleInput, db);
    await saveAnswer(a.id, 'HTS1', { status: 1 }, { db });
    await saveAnswer(a.id, 'HTS1', { note: '  Có kế hoạch năm 2026  '.normalize('NFD') }, { db });
    const saved = await saveAnswer(a.id, 'HTS1', { status: 2 }, { db });
    expect(saved).toMatchObject({ code: 'HTS1', status: 2, note: 'Có kế hoạch năm 2026' });
    expect(saved.note).toBe(saved.note?.normalize('NFC'));
    expect((await getAnswers(a.id, db)).HTS1).toEqual(saved);
    // "" clears a text; status null clears the status.
    const cleared = await saveAnswer(a.id, 'HTS1', { note: '   ', status: null }, { db });
    expect(cleared).toEqual({ code: 'HTS1', status: null, updatedAt: cleared.updatedAt });
  });

  it('has committed when it resolves: a second connection sees the answer and the touched assessment', async () => {
    db = freshDb();
    const a = await createAssessment(sampleInput, db);
    const saved = await saveAnswer(a.id, 'ĐLHQ8', { status: 'na', naReason: 'Không có' }, { db });
    const other = new (db.constructor as new (name: string) => XasoDb)(db.name);
    try {
      expect((await getAnswers(a.id, other))['ĐLHQ8']).toEqual(saved);
      const touched = await getAssessment(a.id, other);
      expect(touched?.updatedAt).toBe(saved.updatedAt);
      expect(touched?.lastCode).toBe('ĐLHQ8');
    } finally {
      other.close();
    }
  });

  it('keeps a naReason when the status moves away from "na", so switching back loses nothing', async () => {
    db = freshDb();
    const a = await createAssessment(sampleInput, db);
    await saveAnswer(a.id, 'HTS9', { status: 'na', naReason: 'Xã đồng bằng' }, { db });
    const moved = await saveAnswer(a.id, 'HTS9', { status: 1 }, { db });
    expect(moved.naReason).toBe('Xã đồng bằng');
  });

  it('makes every edit newer than the one it replaces, even when the clock went back', async () => {
    db = freshDb();
    const a = await createAssessment(sampleInput, db);
    const first = await saveAnswer(a.id, 'HTS1', { status: 1 }, { db });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2000-01-01T00:00:00Z'));
    const second = await saveAnswer(a.id, 'HTS1', { status: 2 }, { db });
    expect(Date.parse(second.updatedAt)).toBeGreaterThan(Date.parse(first.updatedAt));
  });

  it('writes nothing for an edit that changes nothing', async () => {
    db = freshDb();
    const a = await createAssessment(sampleInput, db);
    const first = await saveAnswer(a.id, 'HTS1', { status: 3, note: 'ok' }, { db });
    const again = await saveAnswer(a.id, 'HTS1', { status: 3, note: ' ok ' }, { db });
    expect(again.updatedAt).toBe(first.updatedAt);
  });

  it('refuses edits to a submitted or accepted assessment, and accepts them again once returned', async () => {
    db = freshDb();
    const a = await createAssessment(sampleInput, db);
    await saveAnswer(a.id, 'HTS1', { status: 1 }, { db });
    for (const status of ['submitted', 'accepted'] as const) {
      await updateAssessment(a.id, { status }, db);
      const err = await saveAnswer(a.id, 'HTS1', { status: 3 }, { db }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AssessmentLockedError);
      expect((err as AssessmentLockedError).status).toBe(status);
      expect((await getAnswers(a.id, db)).HTS1?.status).toBe(1);
    }
    await updateAssessment(a.id, { status: 'returned' }, db);
    expect((await saveAnswer(a.id, 'HTS1', { status: 3 }, { db })).status).toBe(3);
  });

  it('refuses bad input before writing anything', async () => {
    db = freshDb();
    const a = await createAssessment(sampleInput, db);
    const bad: [string, Parameters<typeof saveAnswer>[2]][] = [
      ['HTS1', { status: 4 as never }],
      ['HTS1', { status: '2' as never }],
      ['HTS1', { note: 'x'.repeat(2001) }],
      ['HTS1', { naReason: 'x'.repeat(501) }],
      ['HTS1', { openName: 'x'.repeat(201) }],
      ['__proto__', { status: 1 }],
      ['hts1', { status: 1 }],
    ];
    for (const [code, patch] of bad)
      await expect(saveAnswer(a.id, code, patch, { db })).rejects.toBeInstanceOf(InvalidInputError);
    // The limit counts characters as people see them: 2000 Vietnamese letters fit.
    await expect(saveAnswer(a.id, 'HTS1', { note: 'ệ'.repeat(2000) }, { db })).resolves.toBeDefined();
    await expect(saveAnswer('no-such-id', 'HTS1', { status: 1 }, { db })).rejects.toBeInstanceOf(AssessmentNotFoundError);
    expect(Object.keys(await getAnswers(a.id, db))).toEqual(['HTS1']);
  });
});
