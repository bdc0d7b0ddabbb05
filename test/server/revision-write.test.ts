/**
 * PostgreSQL stores a new revision in one statement (src/server/repositories/revision-write.ts):
 * a submission costs two round trips (who is calling with what is stored, src/server/repositories/
 * device-state.ts; the write), a replay one,
 * each a named statement (parsed once per connection), and the one statement is all or nothing.
 */
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findAssessment, findRevision } from '../../src/server/repositories/assessments';
import { listAudit } from '../../src/server/repositories/audit';
import { writeRevisionAtOnce } from '../../src/server/repositories/revision-write';
import { MOUNTAIN_COMMUNE, submission } from './fixtures';
import { realReference, serverPerTest, type TestServer } from './harness';

const ID = 'a1b2c3d4-0000-4000-8000-0000000000f1';

async function phone(s: TestServer): Promise<string> {
  const province = realReference().communes.get(MOUNTAIN_COMMUNE)!.province.code;
  return (await s.enroll(await s.reviewer(province), MOUNTAIN_COMMUNE)).token;
}

describe('one statement per new revision (postgres)', () => {
  const server = serverPerTest('postgres');
  afterEach(() => vi.restoreAllMocks());

  it('takes two round trips for a new revision, one for a replay', async () => {
    const s = server();
    const token = await phone(s);
    const queries = vi.spyOn(pg.Client.prototype, 'query');
    const put = async (body: unknown) => {
      queries.mockClear();
      const res = await s.request('PUT', `/api/v1/assessments/${ID}`, { token, body });
      // Every statement of the submission path goes as a named statement, parsed once per connection.
      const unnamed = queries.mock.calls.filter(([q]) => !String((q as { name?: string }).name).startsWith('xaso_hot_'));
      expect(unnamed).toEqual([]);
      return { status: res.status, replayed: res.headers.get('idempotent-replayed'), roundTrips: queries.mock.calls.length };
    };
    const first = submission(MOUNTAIN_COMMUNE);
    const second = submission(MOUNTAIN_COMMUNE, { revision: 2, baseRevision: 1, status: () => 2 });
    expect(await put(first)).toEqual({ status: 200, replayed: null, roundTrips: 2 });
    expect(await put(second)).toEqual({ status: 200, replayed: null, roundTrips: 2 });
    expect(await put(second)).toEqual({ status: 200, replayed: 'true', roundTrips: 1 });
    // An older revision resent is not in the early read: it costs a read of its own, and still replays.
    expect(await put(first)).toEqual({ status: 200, replayed: 'true', roundTrips: 2 });
    // Everything the statement writes is there: the assessment moved, the commune's row, the audit.
    expect(await findAssessment(s.db, ID)).toMatchObject({ latest_revision: 2, review_state: 'submitted' });
    const row = await s.db
      .selectFrom('commune_scores')
      .selectAll()
      .where('commune_code', '=', MOUNTAIN_COMMUNE)
      .executeTakeFirst();
    expect(row).toMatchObject({ assessment_id: ID, revision: 2 });
    const submits = (await listAudit(s.db)).filter((a) => a.action === 'assessment.submit' && a.outcome === 'success');
    expect(submits.map((a) => JSON.parse(a.detail ?? '{}').revision).sort()).toEqual([1, 2]);
  });

  it('writes nothing when one part of the statement fails', async () => {
    const s = server();
    const token = await phone(s);
    expect((await s.request('PUT', `/api/v1/assessments/${ID}`, { token, body: submission(MOUNTAIN_COMMUNE) })).status).toBe(200);
    const revision1 = await findRevision(s.db, ID, 1);
    const [audit1] = (await listAudit(s.db)).filter((a) => a.action === 'assessment.submit');
    const scores1 = await s.db.selectFrom('commune_scores').selectAll().execute();
    const revision2 = {
      ...revision1!,
      revision: 2,
      base_revision: 1,
      content_hash: 'other',
      received_at: '2026-03-02T09:00:00.000Z',
    };
    // The audit row reuses an existing id: its insert fails, so the revision, the move and the upsert must not stay.
    const write = writeRevisionAtOnce(s.db, {
      revision: revision2,
      created: undefined,
      communeScore: { ...scores1[0]!, revision: 2, received_at: revision2.received_at },
      audit: { ...audit1!, detail: null },
    });
    await expect(write).rejects.toMatchObject({ code: '23505' });
    expect(await findRevision(s.db, ID, 2)).toBeUndefined();
    expect(await findAssessment(s.db, ID)).toMatchObject({ latest_revision: 1 });
    expect(await s.db.selectFrom('commune_scores').selectAll().execute()).toEqual(scores1);
  });
});
