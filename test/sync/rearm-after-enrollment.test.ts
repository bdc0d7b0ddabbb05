/**
 * Enrolled again after a 401: the submission and the evidence file the server refused for the old
 * token go again by themselves; a file refused for its content stays refused.
 */
import 'fake-indexeddb/auto';
import { afterEach, expect, it } from 'vitest';
import type { XasoDb } from '../../src/db/database';
import { attachEvidence } from '../../src/db/evidence';
import type { UploadRow } from '../../src/sync/evidence-queue';
import { uploadEvidence } from '../../src/sync/evidence-upload';
import { flushOutbox, type FlushOptions } from '../../src/sync/outbox';
import { rearmAfterEnrollment } from '../../src/sync/rearm-after-enrollment';
import { submitAssessment } from '../../src/sync/submit';
import type { TransferInput, TransferOutcome } from '../../src/sync/tus-transfer';
import { clock, enrollFor, FakeServer, freshDb, loadRef, seedAssessment } from './helpers';

let db: XasoDb;
afterEach(async () => {
  await db?.delete();
});

function pdf(seed: number): Blob {
  const body = new Uint8Array(2000).map((_, i) => (i * 7 + seed) % 251);
  body.set(new TextEncoder().encode('%PDF-1.4\n'));
  return new Blob([body], { type: 'application/pdf' });
}

it('a submission and a file refused as unauthorized go again after a new enrollment; a file refused for its type stays', async () => {
  db = freshDb();
  await enrollFor(db);
  const time = clock();
  const server = new FakeServer();
  const opts: FlushOptions & { kick: () => void } = {
    db,
    now: time.now,
    random: () => 0.5,
    loadReference: loadRef,
    kick: () => undefined,
  };
  const revoked = async () =>
    new Response(JSON.stringify({ error: { code: 'unauthorized', message: 'revoked' } }), { status: 401 });

  const refused = await seedAssessment(db);
  await submitAssessment(refused.id, opts);
  await flushOutbox({ ...opts, fetch: revoked });
  expect(await db.sync.get(refused.id)).toMatchObject({ state: 'error', lastError: 'unauthorized' });

  // Two files of a delivered submission: one refused for the token, one for what it is.
  const delivered = await seedAssessment(db);
  const token = await attachEvidence(db, { assessmentId: delivered.id, code: 'HTS1', blob: pdf(1), name: 'a.pdf' });
  const kind = await attachEvidence(db, { assessmentId: delivered.id, code: 'HTS1', blob: pdf(2), name: 'b.pdf' });
  await db.sync.put({ assessmentId: delivered.id, state: 'sent', revision: 1 });
  const transfer = async (input: TransferInput): Promise<TransferOutcome> =>
    input.metadata.sha256 === token.link.sha256
      ? { kind: 'rejected', status: 401, code: 'unauthorized', message: 'HTTP 401' }
      : { kind: 'rejected', status: 415, code: 'unsupported_media_type', message: 'not a PDF' };
  const absent = async () => new Response(null, { status: 404 });
  expect(await uploadEvidence({ db, fetch: absent, transfer, now: time.now, connection: { type: 'wifi' } })).toMatchObject({
    refused: 2,
  });

  await enrollFor(db);
  expect(await rearmAfterEnrollment({ db, now: time.now })).toEqual({ submissions: 1, files: 1 });
  expect(await db.sync.get(refused.id)).toMatchObject({ state: 'queued' });
  const file = async (sha: string) => (await db.evidenceBlobs.get(sha)) as UploadRow;
  expect((await file(token.link.sha256)).uploadFailed).toBeUndefined();
  expect(await file(kind.link.sha256)).toMatchObject({ uploadFailed: true });

  // The next flush sends the submission with the new enrollment.
  await flushOutbox({ ...opts, fetch: server.fetch });
  expect(await db.sync.get(refused.id)).toMatchObject({ state: 'sent', revision: 1 });
  expect(await rearmAfterEnrollment({ db, now: time.now })).toEqual({ submissions: 0, files: 0 });
});
