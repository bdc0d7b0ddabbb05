/**
 * Who is submitting and what is stored, in ONE read (issue #16 item 4): the device a token
 * belongs to (active only) with the assessment of the request's path, its latest revision and
 * that revision's newest verdict. On PostgreSQL a submission used to read them one after the
 * other, a round trip each; now a new revision costs two (this read, the write) and a replay one.
 * The latest revision is what a phone sends next (latest + 1) or resends (its last one); an older
 * revision is read on its own by the caller (services/submission-state.ts).
 */
import type { Kysely } from 'kysely';
import { prepared } from '../db/prepared';
import type { Database } from '../db/schema';
import { submissionStateOf, submissionStateQuery, type SubmissionState } from './assessments';
import type { DeviceRow } from './devices';

export type DeviceOfToken = Pick<DeviceRow, 'id' | 'commune_code' | 'province_code' | 'role'>;

const deviceWithLatestState = prepared((db, v: { tokenHash: string; id: string }) =>
  db
    .selectFrom('devices as d')
    .leftJoin(submissionStateQuery(db, v.id, 'latest').as('s'), (join) => join.onTrue())
    .select(['d.id as d_id', 'd.commune_code as d_commune_code', 'd.province_code as d_province_code', 'd.role as d_role'])
    .selectAll('s')
    .where('d.token_hash', '=', v.tokenHash)
    .where('d.revoked_at', 'is', null),
);

export interface DeviceWithState {
  device: DeviceOfToken;
  /** The assessment at its latest revision; undefined when the assessment does not exist yet. */
  latest: SubmissionState | undefined;
}

/** The active device of a token hash with assessment `id` at its latest revision; undefined: no such device. */
export async function findDeviceWithLatestState(
  db: Kysely<Database>,
  tokenHash: string,
  id: string,
): Promise<DeviceWithState | undefined> {
  const row = (await deviceWithLatestState(db, { tokenHash, id }))[0];
  if (!row) return undefined;
  const { d_id, d_commune_code, d_province_code, d_role, ...state } = row;
  const device = { id: d_id, commune_code: d_commune_code, province_code: d_province_code, role: d_role };
  const { id: assessmentId, commune_code, province_code, latest_revision, review_state, created_at, updated_at } = state;
  if (
    assessmentId === null ||
    commune_code === null ||
    province_code === null ||
    latest_revision === null ||
    review_state === null ||
    created_at === null ||
    updated_at === null
  )
    return { device, latest: undefined };
  const assessment = {
    ...state,
    id: assessmentId,
    commune_code,
    province_code,
    latest_revision,
    review_state,
    created_at,
    updated_at,
  };
  return { device, latest: submissionStateOf(assessment, latest_revision) };
}
