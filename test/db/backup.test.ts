import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createAssessment, getAssessment, listAssessments, updateAssessment } from '../../src/db/assessments';
import { getAnswers, saveAnswer } from '../../src/db/answers';
import { backupFileName, BackupImportError, exportBackup, importBackup } from '../../src/db/backup';
import type { XasoDb } from '../../src/db/database';
import { StorageWriteError } from '../../src/db/errors';
import { parseBackup } from '../../src/domain/backup';
import { failWrites, freshDb, sampleInput } from './helpers';

const dbs: XasoDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});
function newDb(): XasoDb {
  const db = freshDb();
  dbs.push(db);
  return db;
}

async function filledDb(): Promise<{ db: XasoDb; ids: string[] }> {
  const db = newDb();
  const a = await createAssessment({ ...sampleInput, helpers: 'Chị Hoa' }, db);
  const b = await createAssessment({ ...sampleInput, communeCode: '00007', areaTypes: ['rural', 'mountain-border-island'] }, db);
  await saveAnswer(a.id, 'HTS1', { status: 3, note: 'Đã có wifi' }, { db });
  await saveAnswer(a.id, 'ANM2', { status: 'na', naReason: 'Không có máy chủ' }, { db });
  await saveAnswer(a.id, 'ƯDCQS19', { status: 1, openName: 'Zalo xã' }, { db });
  await saveAnswer(b.id, 'ĐLHQ8', { status: 0 }, { db });
  return { db, ids: [a.id, b.id] };
}

async function rejection(p: Promise<unknown>): Promise<BackupImportError> {
  const err = await p.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(BackupImportError);
  return err as BackupImportError;
}

describe('export', () => {
  it('writes a file the schema accepts, named by date', async () => {
    const { db } = await filledDb();
    const backup = await exportBackup(db, new Date('2026-11-23T03:00:00Z'));
    expect(backup).toMatchObject({ format: 'xaso-backup', formatVersion: 1, exportedAt: '2026-11-23T03:00:00.000Z' });
    expect(backup.assessments).toHaveLength(2);
    expect(parseBackup(JSON.stringify(backup))).toEqual({ ok: true, backup });
    expect(backupFileName(new Date(2026, 10, 23, 23, 59))).toBe('xaso-sao-luu-2026-11-23.json');
  });
});

describe('import', () => {
  it('export → import into a fresh phone gives identical assessments and answers', async () => {
    const { db, ids } = await filledDb();
    const text = JSON.stringify(await exportBackup(db));
    const target = newDb();
    const report = await importBackup(text, target);
    expect(report).toMatchObject({ assessmentsAdded: 2, answersAdded: 4, answersUpdated: 0, answersKeptLocal: 0 });
    for (const id of ids) {
      expect(await getAssessment(id, target)).toEqual(await getAssessment(id, db));
      expect(await getAnswers(id, target)).toEqual(await getAnswers(id, db));
    }
    // The same file again changes nothing.
    const again = await importBackup(text, target);
    expect(again).toMatchObject({
      assessmentsAdded: 0,
      assessmentsMerged: 0,
      assessmentsUnchanged: 2,
      answersAdded: 0,
      answersUpdated: 0,
      answersUnchanged: 4,
    });
  });

  it('takes newer incoming answers but never replaces a newer local one', async () => {
    const { db, ids } = await filledDb();
    const id = ids[0] ?? '';
    const other = newDb();
    await importBackup(JSON.stringify(await exportBackup(db)), other);
    // The other phone edits HTS1 later; this phone then edits ANM2 even later.
    await saveAnswer(id, 'HTS1', { status: 2, note: 'sửa trên máy 2' }, { db: other });
    await new Promise((r) => setTimeout(r, 2));
    await saveAnswer(id, 'ANM2', { status: 1 }, { db });
    await saveAnswer(id, 'HTS7', { status: 2 }, { db: other });
    // And the other phone's ANM2 edit is older than this phone's.
    const file = await exportBackup(other);
    const entry = file.assessments.find((a) => a.id === id);
    const anm2 = entry?.answers.find((a) => a.code === 'ANM2');
    if (anm2) Object.assign(anm2, { status: 3, updatedAt: '2026-01-01T00:00:00.000Z' });
    const localAnm2 = (await getAnswers(id, db)).ANM2;

    const report = await importBackup(JSON.stringify(file), db);
    expect(report).toMatchObject({ assessmentsMerged: 1, answersAdded: 1, answersUpdated: 1, answersKeptLocal: 1 });
    const answers = await getAnswers(id, db);
    expect(answers.HTS1).toMatchObject({ status: 2, note: 'sửa trên máy 2' });
    expect(answers.HTS7).toMatchObject({ status: 2 });
    expect(answers.ANM2).toEqual(localAnm2);
  });

  it('leaves a submitted assessment untouched and says so', async () => {
    const { db, ids } = await filledDb();
    const id = ids[0] ?? '';
    const file = await exportBackup(db);
    const entry = file.assessments.find((a) => a.id === id);
    entry?.answers.push({ code: 'KTT1', status: 3, updatedAt: new Date(Date.now() + 60_000).toISOString() });
    await updateAssessment(id, { status: 'submitted' }, db);
    const report = await importBackup(JSON.stringify(file), db);
    expect(report.skipped).toEqual([{ assessmentId: id, reason: 'locked' }]);
    expect((await getAnswers(id, db)).KTT1).toBeUndefined();
  });

  it('refuses truncated, foreign and malicious files, importing nothing', async () => {
    const { db } = await filledDb();
    const good = await exportBackup(db);
    const text = JSON.stringify(good);
    const target = newDb();
    await createAssessment(sampleInput, target);
    const before = await listAssessments(target);

    expect((await rejection(importBackup(text.slice(0, text.length / 2), target))).code).toBe('not-json');
    expect((await rejection(importBackup('{"hello":"world"}', target))).code).toBe('wrong-format');
    expect((await rejection(importBackup('[]', target))).code).toBe('wrong-format');
    expect((await rejection(importBackup(JSON.stringify({ ...good, formatVersion: 9 }), target))).code).toBe(
      'unsupported-version',
    );

    const tamper = (edit: (b: Record<string, unknown> & typeof good) => void): string => {
      const copy = structuredClone(good) as Record<string, unknown> & typeof good;
      edit(copy);
      return JSON.stringify(copy);
    };
    const hugeNote = tamper((b) => Object.assign(b.assessments[1]?.answers[0] ?? {}, { note: 'x'.repeat(10_000_000) }));
    expect((await rejection(importBackup(hugeNote, target))).code).toBe('invalid');
    const badStatus = tamper((b) => Object.assign(b.assessments[1]?.answers[0] ?? {}, { status: 7 }));
    const err = await rejection(importBackup(badStatus, target));
    expect(err.code).toBe('invalid');
    expect(err.message).toMatch(/assessments\[1\]\.answers\[0\]\.status/);
    const proto = text.replace('"format":', '"__proto__":{"polluted":true},"format":');
    expect((await rejection(importBackup(proto, target))).code).toBe('invalid');
    const nestedProto = text.replace('"code":"HTS1"', '"code":"HTS1","__proto__":{"polluted":true}');
    expect((await rejection(importBackup(nestedProto, target))).code).toBe('invalid');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    expect(await listAssessments(target)).toEqual(before);
    expect(await target.answers.count()).toBe(0);
  });

  it('is all or nothing when storage fails half-way through', async () => {
    const { db } = await filledDb();
    const text = JSON.stringify(await exportBackup(db));
    const target = newDb();
    const failing = failWrites(target, ['answers']);
    failing.on = true;
    await expect(importBackup(text, target)).rejects.toBeInstanceOf(StorageWriteError);
    failing.on = false;
    expect(await target.assessments.count()).toBe(0);
  });
});
