import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { getAnswers, saveAnswer } from '../../src/db/answers';
import { createAssessment, deleteAssessment, updateAssessment } from '../../src/db/assessments';
import type { XasoDb } from '../../src/db/database';
import { AssessmentLockedError, StorageWriteError } from '../../src/db/errors';
import {
  attachEvidence,
  countEvidence,
  EvidenceRefusedError,
  evidenceUsage,
  getEvidenceFile,
  listEvidence,
  pruneEvidence,
  removeEvidence,
  updateEvidenceCaption,
} from '../../src/db/evidence';
import { failWrites, freshDb, sampleInput } from './helpers';

let db: XasoDb;
afterEach(async () => {
  await db?.delete();
});

/** A file that starts as a JPEG does, `n` bytes long, its content varied by `seed`. */
function jpeg(seed: number, n = 2000): Blob {
  const bytes = new Uint8Array(n).map((_, i) => (i * 31 + seed) % 251);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return new Blob([bytes], { type: 'image/jpeg' });
}
const pdf = () => new Blob(['%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n'], { type: 'application/pdf' });
const sha = async (b: Blob) =>
  createHash('sha256')
    .update(new Uint8Array(await b.arrayBuffer()))
    .digest('hex');

async function draft(): Promise<string> {
  return (await createAssessment(sampleInput, db)).id;
}

describe('attachEvidence', () => {
  it('stores the file under the sha-256 of its bytes, typed by its bytes, with its link', async () => {
    db = freshDb();
    const id = await draft();
    const photo = jpeg(1);
    const { link, alreadyAttached } = await attachEvidence(db, {
      assessmentId: id,
      code: 'HTS1',
      blob: photo,
      name: 'anh.jpg',
      caption: '  Biên bản họp '.normalize('NFD'),
      width: 1600,
      height: 1200,
    });
    expect(alreadyAttached).toBe(false);
    expect(link).toMatchObject({
      assessmentId: id,
      code: 'HTS1',
      sha256: await sha(photo),
      caption: 'Biên bản họp',
      name: 'anh.jpg',
    });
    const file = await getEvidenceFile(db, link.sha256);
    expect(file).toMatchObject({ type: 'image/jpeg', size: 2000, width: 1600, height: 1200 });
    expect(file?.original).toBeUndefined();
    expect(await sha(file!.blob)).toBe(link.sha256);
    const doc = await attachEvidence(db, { assessmentId: id, code: 'ANM2', blob: pdf(), keepOriginal: false });
    expect((await getEvidenceFile(db, doc.link.sha256))?.type).toBe('application/pdf');
    expect(await listEvidence(db, id, 'HTS1')).toEqual([link]);
    expect((await listEvidence(db, id)).map((l) => l.code).sort()).toEqual(['ANM2', 'HTS1']);
    expect(await countEvidence(db, id)).toEqual({ HTS1: 1, ANM2: 1 });
  });

  it('stores the same photo once however often it is attached; twice to one item is one link', async () => {
    db = freshDb();
    const id = await draft();
    const first = await attachEvidence(db, { assessmentId: id, code: 'HTS1', blob: jpeg(7), keepOriginal: true });
    const other = await attachEvidence(db, { assessmentId: id, code: 'HTS2', blob: jpeg(7) });
    const again = await attachEvidence(db, { assessmentId: id, code: 'HTS1', blob: jpeg(7) });
    expect(other.link.sha256).toBe(first.link.sha256);
    expect(again).toEqual({ link: first.link, alreadyAttached: true });
    expect(await db.evidenceBlobs.count()).toBe(1);
    expect(await db.evidenceLinks.count()).toBe(2);
    expect((await getEvidenceFile(db, first.link.sha256))?.original).toBe(true);
    expect(await evidenceUsage(db)).toEqual({ bytes: 2000, files: 1 });
  });

  it('refuses by content, size, count and caption length, writing nothing', async () => {
    db = freshDb();
    const id = await draft();
    const refused = (blob: Blob, caption = '') =>
      attachEvidence(db, { assessmentId: id, code: 'HTS1', blob, caption }).then(
        () => 'stored',
        (e: unknown) => (e instanceof EvidenceRefusedError ? e.reason : e),
      );
    // A web page named and typed as a photo is not one.
    expect(await refused(new Blob(['<html><script>x</script>'], { type: 'image/jpeg' }))).toBe('not-supported');
    expect(await refused(new Blob([]))).toBe('empty');
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set([0x25, 0x50, 0x44, 0x46, 0x2d]);
    expect(await refused(new Blob([big]))).toBe('too-large');
    expect(await refused(jpeg(1), 'x'.repeat(501))).toBe('caption-too-long');
    expect(await db.evidenceBlobs.count()).toBe(0);
    for (let i = 0; i < 20; i++) expect(await refused(jpeg(i))).toBe('stored');
    expect(await refused(jpeg(99))).toBe('too-many');
    expect(await db.evidenceBlobs.count()).toBe(20);
    expect(await refused(jpeg(2), 'ả'.repeat(500))).toBe('stored');
  });

  it('a submitted assessment takes no new file and loses none', async () => {
    db = freshDb();
    const id = await draft();
    const { link } = await attachEvidence(db, { assessmentId: id, code: 'HTS1', blob: jpeg(1) });
    await updateAssessment(id, { status: 'submitted' }, db);
    await expect(attachEvidence(db, { assessmentId: id, code: 'HTS1', blob: jpeg(2) })).rejects.toBeInstanceOf(
      AssessmentLockedError,
    );
    await expect(removeEvidence(db, link.id)).rejects.toBeInstanceOf(AssessmentLockedError);
    await expect(updateEvidenceCaption(db, link.id, 'mới')).rejects.toBeInstanceOf(AssessmentLockedError);
    expect(await listEvidence(db, id)).toEqual([link]);
    expect(await db.evidenceBlobs.count()).toBe(1);
  });

  it('storage full on the file: StorageWriteError (quota), no link, and the answers untouched', async () => {
    db = freshDb();
    const failing = failWrites(db, ['evidenceBlobs']);
    const id = await draft();
    const answer = await saveAnswer(id, 'HTS1', { status: 2, note: 'đã có' }, { db });
    failing.on = true;
    const err = await attachEvidence(db, { assessmentId: id, code: 'HTS1', blob: jpeg(1) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageWriteError);
    expect((err as StorageWriteError).reason).toBe('quota');
    failing.on = false;
    expect(await db.evidenceLinks.count()).toBe(0);
    expect(await db.evidenceBlobs.count()).toBe(0);
    expect(await getAnswers(id, db)).toEqual({ HTS1: answer });
    // Space is back: the same attach goes through, and the answer can still be edited.
    await attachEvidence(db, { assessmentId: id, code: 'HTS1', blob: jpeg(1) });
    await saveAnswer(id, 'HTS1', { status: 3 }, { db, stored: answer });
  });

  it('a failure on the link rolls back the file written before it (both or neither)', async () => {
    db = freshDb();
    const failing = failWrites(db, ['evidenceLinks']);
    const id = await draft();
    failing.on = true;
    await expect(attachEvidence(db, { assessmentId: id, code: 'HTS1', blob: jpeg(1) })).rejects.toBeInstanceOf(StorageWriteError);
    failing.on = false;
    expect(await db.evidenceBlobs.count()).toBe(0);
    expect(await db.evidenceLinks.count()).toBe(0);
  });
});

describe('captions', () => {
  it('are stored NFC and trimmed, and an unchanged caption writes nothing new', async () => {
    db = freshDb();
    const id = await draft();
    const { link } = await attachEvidence(db, { assessmentId: id, code: 'HTS1', blob: jpeg(1) });
    const saved = await updateEvidenceCaption(db, link.id, ' Quyết định số 12 '.normalize('NFD'));
    expect(saved.caption).toBe('Quyết định số 12');
    expect((await db.evidenceLinks.get(link.id))?.caption).toBe('Quyết định số 12');
    await expect(updateEvidenceCaption(db, link.id, 'x'.repeat(501))).rejects.toBeInstanceOf(EvidenceRefusedError);
    expect((await db.evidenceLinks.get(link.id))?.caption).toBe('Quyết định số 12');
  });
});

describe('removeEvidence', () => {
  it('deletes the file with its last link, not before', async () => {
    db = freshDb();
    const id = await draft();
    const a = await attachEvidence(db, { assessmentId: id, code: 'HTS1', blob: jpeg(1) });
    const b = await attachEvidence(db, { assessmentId: id, code: 'HTS2', blob: jpeg(1) });
    expect(await removeEvidence(db, a.link.id)).toBe(true);
    expect(await db.evidenceBlobs.count()).toBe(1);
    expect(await removeEvidence(db, b.link.id)).toBe(true);
    expect(await db.evidenceBlobs.count()).toBe(0);
    expect(await removeEvidence(db, b.link.id)).toBe(false);
  });

  it('keeps a file a sent revision may name until the server has it', async () => {
    db = freshDb();
    const id = await draft();
    const { link } = await attachEvidence(db, { assessmentId: id, code: 'HTS1', blob: jpeg(1) });
    // Revision 1 went up with this file named; the province returned it for editing.
    await db.sync.put({ assessmentId: id, state: 'returned', revision: 1 });
    await removeEvidence(db, link.id);
    expect(await listEvidence(db, id)).toEqual([]);
    expect(await getEvidenceFile(db, link.sha256)).toMatchObject({ held: true });
    // Attached to a fresh draft and removed there: still held, the sent revision still needs it.
    const other = await draft();
    const again = await attachEvidence(db, { assessmentId: other, code: 'HTS2', blob: jpeg(1) });
    await removeEvidence(db, again.link.id);
    expect(await getEvidenceFile(db, link.sha256)).toMatchObject({ held: true });
    expect(await pruneEvidence(db)).toBe(0);
    // Uploaded: now it may go.
    await db.evidenceBlobs.update(link.sha256, { uploadedAt: '2026-03-03T08:00:00.000Z' });
    expect(await pruneEvidence(db)).toBe(1);
    expect(await db.evidenceBlobs.count()).toBe(0);
  });

  it('a file the server refused for its bytes goes with its last link; one refused for the phone (401) stays held', async () => {
    db = freshDb();
    const id = await draft();
    const refused = await attachEvidence(db, { assessmentId: id, code: 'HTS1', blob: jpeg(1, 200_000) });
    const unauthorized = await attachEvidence(db, { assessmentId: id, code: 'HTS2', blob: jpeg(2) });
    await db.sync.put({ assessmentId: id, state: 'returned', revision: 1 });
    // As src/sync/evidence-queue's markUploadRefused writes them.
    await db.evidenceBlobs.update(refused.link.sha256, {
      uploadFailed: true,
      uploadError: '[evidence_image_invalid] Image refused: cannot be decoded',
    } as object);
    await db.evidenceBlobs.update(unauthorized.link.sha256, { uploadFailed: true, uploadError: 'unauthorized' } as object);
    // The officer removes both: no upload will ever take the first, so nothing may keep its bytes.
    await removeEvidence(db, refused.link.id);
    await removeEvidence(db, unauthorized.link.id);
    expect(await getEvidenceFile(db, refused.link.sha256)).toBeUndefined();
    expect(await getEvidenceFile(db, unauthorized.link.sha256)).toMatchObject({ held: true });
    expect(await evidenceUsage(db)).toEqual({ bytes: 2000, files: 1 });
  });

  it('an uploaded file of a sent revision goes with its last link', async () => {
    db = freshDb();
    const id = await draft();
    const { link } = await attachEvidence(db, { assessmentId: id, code: 'HTS1', blob: jpeg(1) });
    await db.sync.put({ assessmentId: id, state: 'returned', revision: 1 });
    await db.evidenceBlobs.update(link.sha256, { uploadedAt: '2026-03-03T08:00:00.000Z' });
    await removeEvidence(db, link.id);
    expect(await db.evidenceBlobs.count()).toBe(0);
  });

  it('deleting a draft assessment removes its links and files; another assessment keeps a shared file', async () => {
    db = freshDb();
    const id = await draft();
    const keep = await draft();
    await attachEvidence(db, { assessmentId: id, code: 'HTS1', blob: jpeg(1) });
    await attachEvidence(db, { assessmentId: id, code: 'HTS1', blob: pdf() });
    const shared = await attachEvidence(db, { assessmentId: keep, code: 'HTS3', blob: jpeg(1) });
    await deleteAssessment(id, db);
    expect(await db.evidenceLinks.toArray()).toEqual([shared.link]);
    expect(await db.evidenceBlobs.toCollection().primaryKeys()).toEqual([shared.link.sha256]);
  });
});
