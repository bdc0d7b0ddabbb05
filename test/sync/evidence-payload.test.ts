// The submission names its evidence (issue #13): small references, built from the store at send
// time, that the server's own checks accept; the files follow over tus.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { XasoDb } from '../../src/db/database';
import { attachEvidence } from '../../src/db/evidence';
import { applicableComponents, isRequired } from '../../src/domain/catalogue';
import { parseSubmission, validateSubmission } from '../../src/domain/submission';
import type { Answer, Assessment } from '../../src/domain/types';
import { evidenceRefs, type StoredEvidence } from '../../src/sync/evidence-payload';
import { flushOutbox } from '../../src/sync/outbox';
import { buildSubmission } from '../../src/sync/payload';
import { submitAssessment } from '../../src/sync/submit';
import { enrollFor, FakeServer, freshDb, loadRef, ref, seedAssessment } from './helpers';

const SHA = (n: number) => n.toString(16).padStart(64, '0');
const stored = (code: string, n: number, extra: Partial<StoredEvidence> = {}): StoredEvidence => ({
  code,
  sha256: SHA(n),
  caption: `Ảnh ${n}`,
  createdAt: `2026-02-01T00:00:0${n}.000Z`,
  type: 'image/jpeg',
  size: 1000 * n,
  ...extra,
});

const assessment: Assessment = {
  id: 'a-1234567',
  provinceCode: '01',
  communeCode: '00004',
  areaTypes: ['urban'],
  period: '2026',
  catalogueVersion: ref.catalogue.version,
  methodologyId: ref.methodology.id,
  status: 'submitted',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const required = applicableComponents(ref.catalogue, ['urban']).filter(isRequired);
const answers: Answer[] = required.map((c) => ({ code: c.code, status: 3, updatedAt: '2026-02-01T00:00:00.000Z' }));
const [first, second] = required.map((c) => c.code);

describe('evidenceRefs', () => {
  it('names each file of an item sent once, in the order attached, and leaves out items not sent', () => {
    const refs = evidenceRefs(
      [stored(second ?? '', 3), stored(first ?? '', 1), stored(first ?? '', 1), stored('XYZ9', 2)],
      new Set([first ?? '', second ?? '']),
      undefined,
    );
    expect(refs).toEqual([
      { code: first, sha256: SHA(1), caption: 'Ảnh 1', type: 'image/jpeg', size: 1000 },
      { code: second, sha256: SHA(3), caption: 'Ảnh 3', type: 'image/jpeg', size: 3000 },
    ]);
  });
});

describe('buildSubmission with evidence', () => {
  it('without evidence the body has no evidence key (the same bytes as before, for replays)', () => {
    const body = buildSubmission(assessment, answers, {
      revision: 1,
      submittedAt: '2026-03-01T00:00:00.000Z',
      ref,
      evidence: [],
    });
    expect('evidence' in body).toBe(false);
  });

  it("carries the references, and the server's parse and checks accept them", () => {
    const evidence = [stored(first ?? '', 1), stored(second ?? '', 2, { type: 'application/pdf', caption: '' })];
    const body = buildSubmission(assessment, answers, { revision: 1, submittedAt: '2026-03-01T00:00:00.000Z', ref, evidence });
    expect(body.evidence).toHaveLength(2);
    const parsed = parseSubmission(JSON.parse(JSON.stringify(body)));
    expect(parsed.ok).toBe(true);
    expect(validateSubmission(body, ref.catalogue, ref.methodology)).toEqual({ ok: true });
  });
});

let db: XasoDb;
afterEach(async () => {
  await db?.delete();
});

describe('the outbox sends the evidence of the assessment', () => {
  it('reads the links and their files at send time', async () => {
    db = freshDb();
    await enrollFor(db);
    const a = await seedAssessment(db);
    const code = (await db.answers.where('assessmentId').equals(a.id).first())?.code ?? '';
    const bytes = new Uint8Array(2000).map((_, i) => i % 251);
    bytes.set([0xff, 0xd8, 0xff, 0xe0]);
    const { link } = await attachEvidence(db, { assessmentId: a.id, code, blob: new Blob([bytes]), caption: ' Biên bản ' });
    const server = new FakeServer();
    await submitAssessment(a.id, { db, loadReference: loadRef, kick: () => undefined });
    expect(await flushOutbox({ db, fetch: server.fetch, loadReference: loadRef })).toMatchObject({ sent: 1 });
    expect(server.puts()[0]?.body?.evidence).toEqual([
      { code, sha256: link.sha256, caption: 'Biên bản', type: 'image/jpeg', size: 2000 },
    ]);
  });
});
