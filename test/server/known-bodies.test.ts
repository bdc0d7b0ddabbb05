/**
 * Replays recognised by their bytes before parsing (src/server/services/known-bodies.ts): the same
 * answer as the full path gives a replay, and the full path whenever what is stored does not confirm it.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { KnownBodies } from '../../src/server/services/known-bodies';
import type { ReferenceData } from '../../src/server/reference-data';
import { countRevisions } from '../../src/server/repositories/assessments';
import { CITY_COMMUNE, MOUNTAIN_COMMUNE, submission } from './fixtures';
import { DB_KINDS, realReference, serverPerTest, type TestServer } from './harness';

const ID = 'a1b2c3d4-0000-4000-8000-00000000kb01';
const OTHER_ID = 'a1b2c3d4-0000-4000-8000-00000000kb02';

// The catalogues the server knows, emptied by a test: then only a replay answered without
// parsing and validating (which looks the catalogue up) can still be a 200.
const catalogues = new Map(realReference().catalogues);
const reference: ReferenceData = { ...realReference(), catalogues };

async function phone(s: TestServer, communeCode: string): Promise<string> {
  const province = realReference().communes.get(communeCode)!.province.code;
  return (await s.enroll(await s.reviewer(province, `rev-${communeCode}`), communeCode)).token;
}

function putText(s: TestServer, token: string, text: string, id = ID, gzip = false) {
  return s.request('PUT', `/api/v1/assessments/${id}`, {
    token,
    rawBody: gzip ? new Uint8Array(gzipSync(text)) : text,
    ...(gzip ? { headers: { 'content-encoding': 'gzip' } } : {}),
  });
}

describe('KnownBodies', () => {
  it('forgets the oldest body first once full', () => {
    const known = new KnownBodies(2);
    const [a, b, c] = ['a', 'b', 'c'].map((t) => known.keyOf('assessment-1', t)) as [string, string, string];
    known.remember(a, { revision: 1, communeCode: '00004', contentHash: 'h1' });
    known.remember(b, { revision: 2, communeCode: '00004', contentHash: 'h2' });
    known.remember(c, { revision: 3, communeCode: '00004', contentHash: 'h3' });
    expect(known.size).toBe(2);
    expect(known.get(a)).toBeUndefined();
    expect(known.get(b)?.revision).toBe(2);
    expect(known.get(c)?.contentHash).toBe('h3');
    expect(known.keyOf('assessment-1', 'a')).not.toBe(known.keyOf('assessment-1', 'a '));
    expect(known.keyOf('assessment-1', 'a')).not.toBe(known.keyOf('assessment-2', 'a'));
  });
});

describe.each(DB_KINDS)('replays recognised by their bytes (%s)', (kind) => {
  const server = serverPerTest(kind, { reference });

  it('answers a byte-identical replay without parsing it, and anything else by the full path', async () => {
    const s = server();
    catalogues.clear();
    for (const [k, v] of realReference().catalogues) catalogues.set(k, v);
    const token = await phone(s, MOUNTAIN_COMMUNE);
    const text = JSON.stringify(submission(MOUNTAIN_COMMUNE));
    const stored = await putText(s, token, text);
    expect(stored.status).toBe(200);
    expect(stored.headers.get('idempotent-replayed')).toBeNull();

    catalogues.clear();
    const replay = await putText(s, token, text);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.json).toEqual(stored.json);
    // Gzipped, the same text inflated: the same answer.
    const gzipped = await putText(s, token, text, ID, true);
    expect(gzipped.status).toBe(200);
    expect(gzipped.json).toEqual(stored.json);

    // Other bytes of the same content take the full path (which cannot validate without the catalogue).
    const spaced = await putText(s, token, `${text} `);
    expect(spaced.status).toBe(422);
    expect(spaced.json.error.problems).toEqual([{ problem: 'unknown-catalogue-version' }]);
    // The same bytes for an assessment that does not hold that revision: the full path too.
    const elsewhere = await putText(s, token, text, OTHER_ID);
    expect(elsewhere.status).toBe(422);
    expect(await countRevisions(s.db)).toBe(1);
  });

  it('sends the same bytes from another commune’s phone down the full path: 403', async () => {
    const s = server();
    catalogues.clear();
    for (const [k, v] of realReference().catalogues) catalogues.set(k, v);
    const text = JSON.stringify(submission(MOUNTAIN_COMMUNE));
    expect((await putText(s, await phone(s, MOUNTAIN_COMMUNE), text)).status).toBe(200);
    const other = await putText(s, await phone(s, CITY_COMMUNE), text);
    expect(other.status).toBe(403);
  });

  it('answers a replay with the verdict given since, as the full path does', async () => {
    const s = server();
    catalogues.clear();
    for (const [k, v] of realReference().catalogues) catalogues.set(k, v);
    const province = realReference().communes.get(MOUNTAIN_COMMUNE)!.province.code;
    const reviewer = await s.reviewer(province, 'rev-kb');
    const token = (await s.enroll(reviewer, MOUNTAIN_COMMUNE)).token;
    const text = JSON.stringify(submission(MOUNTAIN_COMMUNE));
    expect((await putText(s, token, text)).status).toBe(200);
    const verdict = await s.request('POST', `/api/v1/assessments/${ID}/reviews`, {
      token: reviewer,
      body: { verdict: 'returned', comment: 'Bổ sung minh chứng cho mục hạ tầng.' },
    });
    expect(verdict.status).toBe(201);
    const replay = await putText(s, token, text);
    expect(replay.status).toBe(200);
    expect(replay.json).toMatchObject({ reviewState: 'returned', review: { verdict: 'returned' } });
  });
});
