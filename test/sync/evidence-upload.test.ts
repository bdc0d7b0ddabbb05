// The evidence uploader's state machine, with the real store (fake IndexedDB) and a scripted
// transfer standing in for tus: which files go, when, and what each outcome leaves on the row.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { XasoDb } from '../../src/db/database';
import { attachEvidence } from '../../src/db/evidence';
import { setSetting } from '../../src/db/settings';
import type { UploadRow } from '../../src/sync/evidence-queue';
import { retryUpload } from '../../src/sync/evidence-queue';
import { uploadEvidence, type EvidenceUploadOptions } from '../../src/sync/evidence-upload';
import { liveAcknowledged } from '../../src/sync/evidence-progress';
import type { TransferInput, TransferOutcome } from '../../src/sync/tus-transfer';
import { clock, enrollFor, freshDb, seedAssessment } from './helpers';

let db: XasoDb;
afterEach(async () => {
  await db?.delete();
});

function jpeg(seed: number, n = 3000): Blob {
  const bytes = new Uint8Array(n).map((_, i) => (i * 31 + seed) % 251);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return new Blob([bytes], { type: 'image/jpeg' });
}

type Step = (input: TransferInput) => Promise<TransferOutcome> | TransferOutcome;

/** A tus stand-in: each call runs the next scripted step (default: the whole file, done). */
class FakeTus {
  calls: TransferInput[] = [];
  steps: Step[] = [];
  transfer = async (input: TransferInput): Promise<TransferOutcome> => {
    this.calls.push(input);
    const step = this.steps.shift();
    if (step) return step(input);
    await input.onUploadUrl(`https://x/api/v1/evidence/uploads/${this.calls.length}`);
    await input.onAcknowledged(input.file.size);
    return { kind: 'done' };
  };
}

/** HEAD /evidence/files/{sha}: 200 for what `held` has, 404 otherwise; counts requests. */
function fakeHead(held = new Set<string>(), status?: number) {
  const heads: string[] = [];
  const fetch = async (url: string, init?: RequestInit) => {
    expect(init?.method).toBe('HEAD');
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer tok-1');
    const sha = url.split('/').pop() ?? '';
    heads.push(sha);
    return new Response(null, { status: status ?? (held.has(sha) ? 200 : 404) });
  };
  return { fetch, heads };
}

async function setup(opts: { delivered?: boolean; files?: number } = {}) {
  db = freshDb();
  await enrollFor(db);
  const a = await seedAssessment(db);
  const shas: string[] = [];
  for (let i = 0; i < (opts.files ?? 1); i++) {
    const { link } = await attachEvidence(db, { assessmentId: a.id, code: 'HTS1', blob: jpeg(i), name: `anh-${i}.jpg` });
    shas.push(link.sha256);
  }
  if (opts.delivered !== false) await db.sync.put({ assessmentId: a.id, state: 'sent', revision: 1 });
  const tus = new FakeTus();
  const head = fakeHead();
  const time = clock();
  const options: EvidenceUploadOptions = {
    db,
    fetch: head.fetch,
    transfer: tus.transfer,
    now: time.now,
    random: () => 0.999,
    connection: { type: 'cellular' },
  };
  return { a, shas, tus, head, time, options };
}

const row = async (sha: string) => (await db.evidenceBlobs.get(sha)) as UploadRow | undefined;

describe('uploadEvidence', () => {
  it('sends nothing while the submission has not reached the server', async () => {
    const { tus, head, options } = await setup({ delivered: false });
    expect(await uploadEvidence(options)).toMatchObject({ uploaded: 0, retrying: 0 });
    expect(tus.calls).toHaveLength(0);
    expect(head.heads).toHaveLength(0);
  });

  it('sends each file of a delivered submission once, with its metadata, and marks it uploaded', async () => {
    const { shas, tus, options } = await setup({ files: 2 });
    expect(await uploadEvidence(options)).toMatchObject({ uploaded: 2, refused: 0 });
    expect(tus.calls.map((c) => c.metadata)).toEqual(
      shas.map((sha, i) => ({ sha256: sha, type: 'image/jpeg', filename: `anh-${i}.jpg`, communeCode: '00004' })),
    );
    expect(tus.calls[0]).toMatchObject({ token: 'tok-1', chunkSize: 32 * 1024 });
    expect(tus.calls[0]?.uploadUrl).toBeUndefined();
    for (const sha of shas) {
      const r = await row(sha);
      expect(r?.uploadedAt).toBeDefined();
      expect(r?.uploadedBytes).toBe(3000);
      expect(r?.uploadUrl).toBeUndefined();
    }
    expect(liveAcknowledged(shas[0] ?? '')).toBe(3000);
    await uploadEvidence(options);
    expect(tus.calls).toHaveLength(2);
  });

  it('never sends a file the server already holds (HEAD 200)', async () => {
    const { shas, tus, options } = await setup({ files: 2 });
    const head = fakeHead(new Set([shas[0] ?? '']));
    expect(await uploadEvidence({ ...options, fetch: head.fetch })).toMatchObject({ skipped: 1, uploaded: 1 });
    expect(tus.calls.map((c) => c.metadata.sha256)).toEqual([shas[1]]);
    expect((await row(shas[0] ?? ''))?.uploadedAt).toBeDefined();
  });

  it('a dropped link: the upload URL is kept, the next attempt resumes there after the backoff', async () => {
    const { shas, tus, time, options } = await setup();
    const sha = shas[0] ?? '';
    tus.steps.push(async (input) => {
      await input.onUploadUrl('https://x/api/v1/evidence/uploads/u1');
      await input.onAcknowledged(1_024);
      return { kind: 'retry', message: 'network error' };
    });
    const first = await uploadEvidence(options);
    expect(first).toMatchObject({ uploaded: 0, retrying: 1 });
    expect(first.nextDueAt).toBeDefined();
    expect(await row(sha)).toMatchObject({
      uploadUrl: 'https://x/api/v1/evidence/uploads/u1',
      uploadedBytes: 1_024,
      uploadAttempts: 1,
      uploadError: 'network error',
    });
    // Not due yet: nothing is sent (not even a HEAD).
    expect(await uploadEvidence(options)).toMatchObject({ uploaded: 0 });
    expect(tus.calls).toHaveLength(1);
    time.advance(2_001);
    expect(await uploadEvidence(options)).toMatchObject({ uploaded: 1 });
    expect(tus.calls[1]?.uploadUrl).toBe('https://x/api/v1/evidence/uploads/u1');
    const done = await row(sha);
    expect(done?.uploadedAt).toBeDefined();
    expect(done?.uploadAttempts).toBeUndefined();
    expect(done?.uploadError).toBeUndefined();
  });

  it('the backoff grows with each failed attempt (the outbox rule)', async () => {
    const { shas, tus, time, options } = await setup();
    const gaps: number[] = [];
    for (let i = 0; i < 3; i++) {
      tus.steps.push(() => ({ kind: 'retry', status: 503, message: 'HTTP 503' }));
      const report = await uploadEvidence(options);
      const due = Date.parse(report.nextDueAt ?? '');
      gaps.push(due - time.now());
      time.advance(due - time.now() + 1);
    }
    expect(gaps[1]).toBeGreaterThan(gaps[0] ?? 0);
    expect(gaps[2]).toBeGreaterThan(gaps[1] ?? 0);
    expect((await row(shas[0] ?? ''))?.uploadAttempts).toBe(3);
  });

  it("a refused file keeps the server's reason, does not block the next file, and goes again only on retry", async () => {
    const { shas, tus, options } = await setup({ files: 2 });
    tus.steps.push(() => ({ kind: 'rejected', status: 415, code: 'unsupported_type', message: 'Not an image.' }));
    expect(await uploadEvidence(options)).toMatchObject({ refused: 1, uploaded: 1 });
    expect(await row(shas[0] ?? '')).toMatchObject({ uploadFailed: true, uploadError: '[unsupported_type] Not an image.' });
    expect((await row(shas[1] ?? ''))?.uploadedAt).toBeDefined();
    // Refused stays refused, whatever the clock says.
    expect(await uploadEvidence(options)).toMatchObject({ uploaded: 0, refused: 0 });
    expect(tus.calls).toHaveLength(2);
    await retryUpload(db, shas[0] ?? '');
    expect(await uploadEvidence(options)).toMatchObject({ uploaded: 1 });
    expect((await row(shas[0] ?? ''))?.uploadFailed).toBeUndefined();
  });

  it('a 401 is kept as "unauthorized" (the officer must enrol again)', async () => {
    const { shas, options } = await setup();
    const head = fakeHead(new Set(), 401);
    expect(await uploadEvidence({ ...options, fetch: head.fetch })).toMatchObject({ refused: 1 });
    expect((await row(shas[0] ?? ''))?.uploadError).toBe('unauthorized');
  });

  it('no answer to the HEAD: retried later, nothing sent', async () => {
    const { shas, tus, options } = await setup();
    const fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await uploadEvidence({ ...options, fetch })).toMatchObject({ retrying: 1 });
    expect(tus.calls).toHaveLength(0);
    expect((await row(shas[0] ?? ''))?.uploadError).toBe('Failed to fetch');
  });

  it('an upload URL the server forgot (expired): a new upload starts at once', async () => {
    const { shas, tus, options } = await setup();
    await db.evidenceBlobs.update(shas[0] ?? '', { uploadUrl: 'https://x/old', uploadedBytes: 100 });
    tus.steps.push(() => ({ kind: 'expired', status: 404 }));
    expect(await uploadEvidence(options)).toMatchObject({ uploaded: 1 });
    expect(tus.calls.map((c) => c.uploadUrl)).toEqual(['https://x/old', undefined]);
  });

  it('Wi-Fi only: held on mobile data, sent on Wi-Fi or when the browser cannot tell', async () => {
    const { tus, head, options } = await setup();
    await setSetting('evidenceWifiOnly', true, db);
    expect(await uploadEvidence(options)).toMatchObject({ held: 1, uploaded: 0 });
    expect(head.heads).toHaveLength(0);
    expect(await uploadEvidence({ ...options, connection: {} })).toMatchObject({ uploaded: 1 });
    expect(tus.calls).toHaveLength(1);
  });

  it('not enrolled: held', async () => {
    const { options, tus } = await setup();
    await db.settings.delete('enrollment');
    expect(await uploadEvidence(options)).toMatchObject({ held: 1 });
    expect(tus.calls).toHaveLength(0);
  });

  it('a file kept only for a sent revision (held, no link) goes up, then leaves the phone', async () => {
    const { a, shas, tus, options } = await setup();
    const sha = shas[0] ?? '';
    await db.evidenceLinks.where('assessmentId').equals(a.id).delete();
    await db.evidenceBlobs.update(sha, { held: true });
    expect(await uploadEvidence(options)).toMatchObject({ uploaded: 1 });
    expect(tus.calls).toHaveLength(1);
    expect(await row(sha)).toBeUndefined();
  });

  it('a file removed while its upload ran is not written back', async () => {
    const { shas, tus, options } = await setup();
    tus.steps.push(async () => {
      await db.evidenceBlobs.delete(shas[0] ?? '');
      return { kind: 'retry', message: 'network error' };
    });
    expect(await uploadEvidence(options)).toMatchObject({ retrying: 1 });
    expect(await row(shas[0] ?? '')).toBeUndefined();
  });
});
