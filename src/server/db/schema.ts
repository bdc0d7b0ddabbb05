/**
 * The tables as Kysely sees them. Both dialects store the same shapes: ids are random text,
 * timestamps are ISO 8601 UTC text (so they sort and compare as strings), JSON is text.
 * Created by ./migrations; change both together.
 */
import type { Generated } from 'kysely';

export type Role = 'admin' | 'reviewer';
export type ReviewState = 'submitted' | 'accepted' | 'returned';
export type Verdict = 'accepted' | 'returned';

export interface UsersTable {
  id: string;
  username: string;
  /** "scrypt$N$r$p$salt$hash", see auth/passwords.ts. */
  password_hash: string;
  role: Role;
  /** Set for reviewers: the one province they review. */
  province_code: string | null;
  created_at: string;
  updated_at: string;
  /** Set when an admin disabled the account: no sign-in, no session (migration 005). */
  disabled_at: string | null;
  /** 1 after an admin reset the password: every call but changing it is refused until then. */
  must_change_password: Generated<number>;
  last_sign_in_at: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the bearer token; the token itself is never stored. */
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface DevicesTable {
  id: string;
  token_hash: string;
  commune_code: string;
  province_code: string;
  label: string | null;
  enrollment_code_id: string;
  created_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
  /** From migration 011: what the phone may do (`team`: community-team entries and responses only). */
  role: DeviceRole;
}

/** `officer`: the commune's assessment; `team`: a community digital team's phone (issue #15). */
export type DeviceRole = 'officer' | 'team';

export interface EnrollmentCodesTable {
  id: string;
  /** SHA-256 of the code: a leaked table does not enroll anyone. */
  code_hash: string;
  commune_code: string;
  province_code: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  device_id: string | null;
  /** Set when a reviewer revoked the code before it was used. */
  revoked_at: string | null;
  /** From migration 011: the role of the device it enrolls. */
  role: DeviceRole;
  /** From migration 011: the officer phone that issued this team code (created_by: who enrolled that phone). */
  issued_by_device: string | null;
}

export interface LoginFailuresTable {
  id: string;
  username: string;
  ip: string;
  at: string;
}

export interface AssessmentsTable {
  /** Chosen by the phone (a UUID); the idempotency key together with the revision. */
  id: string;
  commune_code: string;
  province_code: string;
  latest_revision: number;
  review_state: ReviewState;
  /** The revision the current verdict is about; null while none. */
  reviewed_revision: number | null;
  created_at: string;
  updated_at: string;
}

export interface AssessmentRevisionsTable {
  assessment_id: string;
  revision: number;
  base_revision: number | null;
  device_id: string;
  content_hash: string;
  /** The validated submission as JSON (any score the phone sent is dropped). */
  payload: string;
  /** The server's ScoreResult as JSON. */
  score: string;
  score_index: number;
  level: number;
  period: string;
  /** JSON array of area types. */
  area_types: string;
  submitted_at: string;
  received_at: string;
}

export interface ReviewsTable {
  id: string;
  assessment_id: string;
  revision: number;
  verdict: Verdict;
  comment: string;
  /** JSON object code → comment. */
  component_comments: string;
  reviewer_id: string;
  created_at: string;
  /** Why the verdict differs from the previous one on the same revision (null otherwise). */
  change_reason: string | null;
  /** JSON [{code, note}] of the items a return asks evidence for (migration 007); null: none. */
  evidence_requests: string | null;
}

/** One step of verification on an item of a revision (migration 007); appended, the newest per item stands. */
export interface VerificationsTable {
  id: string;
  assessment_id: string;
  revision: number;
  code: string;
  outcome: 'verified' | 'adjusted';
  /** JSON {status} or {value} when adjusted; null when verified. */
  adjusted: string | null;
  reason: string | null;
  reviewer_id: string;
  created_at: string;
  /** From migration 012: the revision this step was taken on when carried forward; null when taken on this one. */
  carried_from: number | null;
}

/** Per revision: the server's score with the verification's adjustments applied (migration 007). */
export interface VerifiedScoresTable {
  assessment_id: string;
  revision: number;
  /** ScoreResult as JSON. */
  score: string;
  score_index: number;
  level: number;
  criteria_total: number | null;
  criteria_level: number | null;
  item_count: number;
  verified_count: number;
  adjusted_count: number;
  updated_at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_kind: 'user' | 'device' | 'anonymous' | 'system';
  actor_id: string | null;
  /** Username for users, commune code for devices: readable without a join. */
  actor_name: string | null;
  action: string;
  outcome: 'success' | 'failure';
  target: string | null;
  ip: string | null;
  /** JSON with non-secret facts (revision, verdict, reason). */
  detail: string | null;
}

/** Score-group slots: a methodology has at most one score group per catalogue group code (12). */
export type ScoreGroupSlot = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

/**
 * One row per commune that has sent anything: the figures of the assessment that represents it on
 * the dashboards (its latest received, latest revision), flattened so that they aggregate in SQL
 * instead of parsing JSON (migration 002). Derived data, written in the transaction that stores
 * the revision by repositories/commune-scores.ts, which also documents the coverage marks.
 */
export type CommuneScoresTable = {
  commune_code: string;
  province_code: string;
  assessment_id: string;
  revision: number;
  received_at: string;
  /** JSON array of area types, as in assessment_revisions. */
  area_types: string;
  catalogue_version: string;
  methodology_id: string;
  score_index: number;
  level: number;
  /** One character per component of the catalogue, in catalogue order. */
  coverage: string;
  /** The criteria set the submission named (migration 006); null: the provisional method alone. */
  criteria_set_id: string | null;
  criteria_set_version: string | null;
  /** score.criteria.total and .level: points as the set rounds them, and the level after gates. */
  criteria_total: number | null;
  criteria_level: number | null;
  /** JSON [[group id, points or null], …] in the set's group order (score.criteria.groups). */
  criteria_groups: string | null;
} & { [K in `layer_${1 | 2 | 3 | 4}`]: number | null } & {
  /** group_k = the score of the k-th score group of methodology_id (null: none, or no score). */
  [K in `group_${ScoreGroupSlot}`]: number | null;
};

export type CriteriaSetStatus = 'draft' | 'published';

/** A province's uploaded criteria set, one row per version (migration 009); immutable once published. */
export interface CriteriaSetsTable {
  /** Server uuid: the id in /criteria-sets/{id}. */
  id: string;
  /** The set's own id and version (body.id, body.version). */
  set_id: string;
  version: string;
  province_code: string;
  status: CriteriaSetStatus;
  title_vi: string;
  title_en: string;
  indicator_count: number;
  /** SHA-256 (hex) of body: phones compare it to what they hold. */
  sha256: string;
  /** UTF-8 bytes of body. */
  bytes: number;
  /** The validated set as canonical JSON. */
  body: string;
  created_at: string;
  /** Username of the reviewer or admin who uploaded it. */
  created_by: string;
  published_at: string | null;
  published_by: string | null;
}

/** Which province a set id belongs to: claimed by its first publish (migration 009). */
export interface CriteriaSetOwnersTable {
  set_id: string;
  province_code: string;
  claimed_at: string;
}

/** The commune's population, entered once (migration 010, issue #15). */
export interface CommunePopulationsTable {
  commune_code: string;
  population: number;
  set_at: string;
  set_by: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  devices: DevicesTable;
  enrollment_codes: EnrollmentCodesTable;
  login_failures: LoginFailuresTable;
  assessments: AssessmentsTable;
  assessment_revisions: AssessmentRevisionsTable;
  reviews: ReviewsTable;
  commune_scores: CommuneScoresTable;
  audit_log: AuditLogTable;
  verifications: VerificationsTable;
  verified_scores: VerifiedScoresTable;
  evidence_uploads: EvidenceUploadsTable;
  evidence_chunks: EvidenceChunksTable;
  evidence_files: EvidenceFilesTable;
  evidence_owners: EvidenceOwnersTable;
  team_entries: TeamEntriesTable;
  survey_responses: SurveyResponsesTable;
  criteria_sets: CriteriaSetsTable;
  criteria_set_owners: CriteriaSetOwnersTable;
  commune_populations: CommunePopulationsTable;
}

/** A tus upload (migration 008): what the phone declared, and how many bytes are durably stored. */
export interface EvidenceUploadsTable {
  id: string;
  commune_code: string;
  sha256: string;
  declared_type: string;
  /** The phone's file name: shown, never used as a path. */
  filename: string;
  size: number;
  received: number;
  created_at: string;
  /** Set once the bytes were checked and stored in evidence_files; its chunks are then gone. */
  completed_at: string | null;
}

export interface EvidenceChunksTable {
  upload_id: string;
  offset: number;
  data: Uint8Array;
}

/** One copy per content. */
export interface EvidenceFilesTable {
  sha256: string;
  /** Sniffed from the bytes, never the declared type. */
  type: string;
  size: number;
  width: number | null;
  height: number | null;
  created_at: string;
  data: Uint8Array;
}

/** Which communes uploaded a file: their devices, their province's reviewers and the admin may read it. */
export interface EvidenceOwnersTable {
  sha256: string;
  commune_code: string;
  province_code: string;
  filename: string;
  created_at: string;
}

/** A community team's support-log entry (migration 011), keyed by the phone's id; never updated. */
export interface TeamEntriesTable {
  id: string;
  commune_code: string;
  province_code: string;
  device_id: string;
  /** YYYY-MM-DD, as the team member chose it. */
  date: string;
  hamlet: string;
  kind: string;
  residents: number;
  note: string | null;
  /** SHA-256 of the entry as received: a replay with other content is told apart. */
  content_hash: string;
  received_at: string;
}

/** An anonymous survey response (migration 011), keyed by the phone's id; never updated. */
export interface SurveyResponsesTable {
  id: string;
  commune_code: string;
  province_code: string;
  device_id: string;
  survey_id: string;
  survey_version: string;
  answered_at: string;
  /** Vietnam-time date of answered_at (periods are cut on it). */
  answered_on: string;
  /** JSON: question id → 1..5 or true/false. */
  answers: string;
  /** The answer to the survey's overall question, null when not given. */
  overall: number | null;
  content_hash: string;
  received_at: string;
}
