/**
 * The cast of the authorization matrix and the fuzz tests, on an in-process server over a real
 * database (test/server/harness.ts): the admin, a reviewer of province X (Cao Bằng) and one of
 * province Y (Hà Nội), an enrolled phone of commune A and one of commune B (both in X), and an
 * assessment of commune A submitted by phone A.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/server/db/schema';
import { enrollTeam } from '../../server/community-fixtures';
import { MOUNTAIN_COMMUNE, MOUNTAIN_COMMUNE_2, submission } from '../../server/fixtures';
import type { TestServer } from '../../server/harness';

export const PROVINCE_X = '04';
export const PROVINCE_Y = '01';
export const COMMUNE_A = MOUNTAIN_COMMUNE;
export const COMMUNE_B = MOUNTAIN_COMMUNE_2;
export const COMMUNE_Y = '00004';
export const ASSESSMENT_A = 'assessment-of-commune-a-0001';

export interface World {
  admin: string;
  reviewerX: string;
  reviewerY: string;
  deviceA: { token: string; deviceId: string };
  deviceB: { token: string; deviceId: string };
  /** A community team phone of commune A (issue #15), enrolled with a team code. */
  teamA: { token: string; deviceId: string };
}

export async function buildWorld(s: TestServer): Promise<World> {
  const admin = await s.adminToken();
  const reviewerX = await s.reviewer(PROVINCE_X, 'reviewer-x');
  const reviewerY = await s.reviewer(PROVINCE_Y, 'reviewer-y');
  const deviceA = await s.enroll(reviewerX, COMMUNE_A);
  const deviceB = await s.enroll(reviewerX, COMMUNE_B);
  const teamA = await enrollTeam(s, reviewerX, COMMUNE_A);
  const res = await s.request('PUT', `/api/v1/assessments/${ASSESSMENT_A}`, {
    token: deviceA.token,
    body: submission(COMMUNE_A),
  });
  if (res.status !== 200) throw new Error(`seed submission: ${res.status} ${res.text}`);
  return { admin, reviewerX, reviewerY, deviceA, deviceB, teamA };
}

/** Tables that hold what users stored (the audit log and failed sign-ins are logs, not data). */
export const DATA_TABLES = [
  'users',
  'sessions',
  'devices',
  'enrollment_codes',
  'assessments',
  'assessment_revisions',
  'reviews',
  'verifications',
  'verified_scores',
  'criteria_sets',
  'team_entries',
  'survey_responses',
] as const;

/** Every row of every data table, as one comparable string. */
export async function snapshot(db: Kysely<Database>): Promise<string> {
  const parts: unknown[] = [];
  for (const table of DATA_TABLES) {
    const rows = await db.selectFrom(table).selectAll().execute();
    parts.push(rows.map((r) => JSON.stringify(r)).sort());
  }
  return JSON.stringify(parts);
}
