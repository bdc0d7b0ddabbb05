/**
 * commune_scores is derived data: after every kind of write (first submissions, several periods of
 * one commune, equal reception times, N/A and named "…khác" items, a return and a resubmission,
 * verdicts) it must equal a recomputation from the stored revisions, and the dashboard built from it
 * must equal the summary and the national overview recomputed from the payloads (legacy-summary.ts), the
 * per-criteria-set figures included. The upsert must not depend on the order writers commit in, and the
 * backfills of migrations 002 and 006 must rebuild the same rows.
 */
import { describe, expect, it } from 'vitest';
import type { Submission } from '../../src/domain/submission';
import type { AreaType, CatalogueComponent, ScoreResult, Status } from '../../src/domain/types';
import * as m002 from '../../src/server/db/migrations/002_commune_scores';
import * as m006 from '../../src/server/db/migrations/006_commune_criteria_scores';
import { listLatestSubmissions, type LatestSubmissionRow } from '../../src/server/repositories/assessments';
import { communeScoreRow, recordCommuneScore, type CommuneScoreSource } from '../../src/server/repositories/commune-scores';
import {
  catalogue,
  CITY_COMMUNE,
  CITY_PROVINCE,
  MOUNTAIN_COMMUNE,
  MOUNTAIN_COMMUNE_2,
  MOUNTAIN_PROVINCE,
  submission,
} from './fixtures';
import { DB_KINDS, realReference, serverPerTest, type TestServer } from './harness';
import { templateSubmission } from './criteria-fixtures';
import { legacyOverview, legacySummary } from './legacy-summary';

const AREA_FILTERS: (AreaType | undefined)[] = [undefined, 'urban', 'rural', 'mountain-border-island'];

/** A spread of statuses that differs by seed, with N/A on some area-specific items. */
function varied(seed: number): (c: CatalogueComponent) => Status {
  return (c) => {
    const h = [...`${c.code}:${seed}`].reduce((n, ch) => (n * 31 + ch.charCodeAt(0)) % 1009, 7);
    if (c.tier === 'area-specific' && h % 7 === 0) return 'na';
    return (h % 4) as Status;
  };
}

/** Adds the open "…khác" items: the first named (it counts), the others unnamed (they do not). */
function withOpenItems(body: Submission): Submission {
  const open = catalogue().components.filter(
    (c) => c.open && (c.tier === 'commune-essential' || (c.areaType !== undefined && body.areaTypes.includes(c.areaType))),
  );
  const extra = open.map((c, i) => ({
    code: c.code,
    status: 2 as const,
    ...(i === 0 ? { openName: 'Zalo OA của xã' } : {}),
    updatedAt: '2026-03-01T07:00:00.000Z',
  }));
  return { ...body, answers: [...body.answers, ...extra] };
}

function sourceOf(p: LatestSubmissionRow): CommuneScoreSource {
  const reference = realReference();
  const body = JSON.parse(p.payload ?? '{}') as Submission;
  return {
    revision: { ...p, assessment_id: p.id, revision: p.latest_revision },
    provinceCode: p.province_code,
    communeCode: p.commune_code,
    submission: body,
    score: JSON.parse(p.score) as ScoreResult,
    catalogue: reference.catalogues.get(body.catalogueVersion),
    methodology: reference.methodologies.get(body.methodologyId),
  };
}

const byCommune = (a: { commune_code: string }, b: { commune_code: string }) => (a.commune_code < b.commune_code ? -1 : 1);
const storedRows = async (s: TestServer) => (await s.db.selectFrom('commune_scores').selectAll().execute()).sort(byCommune);

/** The commune list's pick (newest first, the first row of each commune wins), rebuilt from the revisions. */
async function expectTableMatchesRevisions(s: TestServer): Promise<void> {
  const picked = new Map<string, LatestSubmissionRow>();
  for (const row of await listLatestSubmissions(s.db, { withPayload: true }))
    if (!picked.has(row.commune_code)) picked.set(row.commune_code, row);
  expect(await storedRows(s)).toEqual([...picked.values()].map((p) => communeScoreRow(sourceOf(p))).sort(byCommune));
}

async function expectSummariesMatchPayloads(s: TestServer, token: string): Promise<void> {
  const reference = realReference();
  for (const code of [MOUNTAIN_PROVINCE, CITY_PROVINCE]) {
    for (const areaType of AREA_FILTERS) {
      const res = await s.request('GET', `/api/v1/provinces/${code}/summary${areaType ? `?areaType=${areaType}` : ''}`, {
        token,
      });
      expect(res.status).toBe(200);
      expect(res.json).toEqual(await legacySummary(s.db, reference, reference.provinces.get(code)!, areaType));
    }
  }
  // The national overview too (issue #16 item 6: it reads commune_scores now).
  const overview = await s.request('GET', '/api/v1/provinces', { token });
  expect(overview.status).toBe(200);
  expect(overview.json).toEqual(await legacyOverview(s.db, reference));
}

describe.each(DB_KINDS)('commune_scores (%s)', (kind) => {
  const server = serverPerTest(kind);

  it('equals a recomputation from the stored revisions after every kind of write, and the summary equals the payloads', async () => {
    const s = server();
    const admin = await s.adminToken();
    const phone = {
      m1: await s.enroll(admin, MOUNTAIN_COMMUNE),
      m2: await s.enroll(admin, MOUNTAIN_COMMUNE_2),
      city: await s.enroll(admin, CITY_COMMUNE),
    };
    const put = async (token: string, id: string, body: Submission) => {
      const res = await s.request('PUT', `/api/v1/assessments/${id}`, { token, body });
      expect(res.status, res.text).toBe(200);
    };
    const review = async (id: string, verdict: 'accepted' | 'returned') => {
      const res = await s.request('POST', `/api/v1/assessments/${id}/reviews`, {
        token: admin,
        body: { verdict, comment: verdict === 'returned' ? 'Bổ sung minh chứng' : '' },
      });
      expect(res.status, res.text).toBe(201);
    };

    await put(phone.m1.token, 'assess-m1-2025', submission(MOUNTAIN_COMMUNE, { period: '2025', status: varied(1) }));
    s.advance(60_000);
    const both: AreaType[] = ['rural', 'mountain-border-island'];
    await put(
      phone.m1.token,
      'assess-m1-2026',
      withOpenItems(submission(MOUNTAIN_COMMUNE, { areaTypes: both, status: varied(2) })),
    );
    // Two assessments of one commune received at the same instant: the smaller id represents it.
    await put(phone.m2.token, 'assess-m2-b', submission(MOUNTAIN_COMMUNE_2, { status: varied(3) }));
    // The representing one is under the template criteria set: its points go to their own columns.
    await put(phone.m2.token, 'assess-m2-a', templateSubmission({}, { communeCode: MOUNTAIN_COMMUNE_2, status: () => 1 }));
    await put(
      phone.city.token,
      'assess-city-2026',
      withOpenItems(submission(CITY_COMMUNE, { areaTypes: ['urban'], status: varied(4) })),
    );
    await expectTableMatchesRevisions(s);
    await expectSummariesMatchPayloads(s, admin);

    // Verdicts change the review state only; a returned assessment comes back as revision 2 and,
    // received last, now represents its commune instead of the newer period.
    await review('assess-city-2026', 'accepted');
    await review('assess-m1-2025', 'returned');
    await expectTableMatchesRevisions(s);
    s.advance(60_000);
    // Resubmitted under the template set: the row's criteria columns follow the revision.
    const m1Revision2 = templateSubmission({}, { period: '2025', status: varied(5), revision: 2, baseRevision: 1 });
    await put(phone.m1.token, 'assess-m1-2025', m1Revision2);
    await review('assess-m1-2025', 'accepted');
    // Sent, returned and resubmitted within one millisecond: the newer revision still replaces the row.
    await put(
      phone.city.token,
      'assess-city-2027',
      submission(CITY_COMMUNE, { areaTypes: ['urban'], period: '2027', status: varied(6) }),
    );
    await review('assess-city-2027', 'returned');
    await put(
      phone.city.token,
      'assess-city-2027',
      submission(CITY_COMMUNE, { areaTypes: ['urban'], period: '2027', status: varied(7), revision: 2, baseRevision: 1 }),
    );
    await expectTableMatchesRevisions(s);
    await expectSummariesMatchPayloads(s, admin);
    const m1 = await s.request('GET', `/api/v1/provinces/${MOUNTAIN_PROVINCE}/communes`, { token: admin });
    expect(m1.json.communes.find((c: { code: string }) => c.code === MOUNTAIN_COMMUNE)).toMatchObject({
      assessmentId: 'assess-m1-2025',
      revision: 2,
    });

    // A replayed revision writes nothing, and the table does not move.
    await put(phone.m1.token, 'assess-m1-2025', m1Revision2);
    await expectTableMatchesRevisions(s);

    // Whatever order racing writers commit in, the latest received assessment ends up in the row.
    const before = await storedRows(s);
    const latest = await listLatestSubmissions(s.db, { withPayload: true });
    for (const order of [latest, [...latest].reverse()]) {
      await s.db.deleteFrom('commune_scores').execute();
      for (const row of order) await recordCommuneScore(s.db, sourceOf(row));
      expect(await storedRows(s)).toEqual(before);
    }

    // Migrations 002 and 006 rebuild the same rows from the revisions alone (006 the criteria columns).
    expect(before.filter((r) => r.criteria_set_id !== null).map((r) => r.commune_code)).toEqual(
      [MOUNTAIN_COMMUNE_2, MOUNTAIN_COMMUNE].sort(),
    );
    await m006.down(s.db);
    await m002.down(s.db);
    await m002.up(s.db);
    await m006.up(s.db);
    expect(await storedRows(s)).toEqual(before);
    await expectSummariesMatchPayloads(s, admin);
  });
});
