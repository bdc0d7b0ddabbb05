/**
 * The reviewer API's shapes, mirroring src/server/schemas/*.ts (the source of truth) without
 * importing server code into the browser bundle. What the domain already defines (a submission,
 * its result, a verdict) comes from src/domain/submission.ts — types only, no runtime import.
 */
import type { ReviewState, ReviewVerdict, Submission, SubmissionResult } from '../../domain/submission';
import type { AreaType, Status } from '../../domain/types';

export type { ReviewState, ReviewVerdict, Submission };
export type Role = 'admin' | 'reviewer';
export type Verdict = ReviewVerdict['verdict'];

export interface SessionUser {
  id?: string;
  username: string;
  role: Role;
  /** The one province a reviewer reviews; null for an admin. */
  provinceCode: string | null;
}

export interface SignInResponse {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

export interface LevelCount {
  level: number;
  count: number;
}

/** GET /provinces (admin): every province side by side. */
export interface ProvinceOverview {
  provinces: {
    code: string;
    name: string;
    communes: { total: number; submitted: number };
    averageIndex: number | null;
    levels: LevelCount[];
    layers: { layer: number; score: number | null }[];
  }[];
  national: { communes: { total: number; submitted: number }; averageIndex: number | null };
}
export type ProvinceRow = ProvinceOverview['provinces'][number];

/** One commune of the province, with its latest received submission when it has one. */
export interface CommuneRow {
  code: string;
  name: string;
  type: string;
  submitted: boolean;
  assessmentCount: number;
  assessmentId: string | null;
  revision: number | null;
  period: string | null;
  areaTypes: string[];
  index: number | null;
  level: number | null;
  reviewState: ReviewState | null;
  submittedAt: string | null;
  receivedAt: string | null;
  /** receivedAt − submittedAt: how long the phone waited for a connection. */
  syncLagSeconds: number | null;
}

export interface CommuneList {
  provinceCode: string;
  provinceName: string;
  communes: CommuneRow[];
}

export type ReviewEntry = ReviewVerdict & { reviewer: string };

/** GET /assessments/{id}: the latest revision, its server score and every verdict so far. */
export interface AssessmentView extends SubmissionResult {
  communeCode: string;
  provinceCode: string;
  submission: Submission;
  reviews: ReviewEntry[];
}

export type AnswerSnapshot = { status: Status | null; note?: string; naReason?: string; openName?: string } | null;

export interface RevisionChanges {
  fields: { field: string; from: unknown; to: unknown }[];
  answers: { code: string; from: AnswerSnapshot; to: AnswerSnapshot }[];
}

export interface RevisionEntry {
  revision: number;
  baseRevision: number | null;
  contentHash: string;
  submittedAt: string;
  receivedAt: string;
  index: number;
  level: number;
  /** What changed since the previous revision (everything, for the first). */
  changes: RevisionChanges;
  reviews: ReviewEntry[];
}

export interface RevisionList {
  assessmentId: string;
  revisions: RevisionEntry[];
}

export interface ReviewRequest {
  verdict: Verdict;
  comment: string;
  componentComments?: Record<string, string>;
  /** The revision being reviewed; a newer one arriving meanwhile gives 409 stale_revision. */
  revision?: number;
}

export interface ReviewResponse {
  assessmentId: string;
  reviewState: 'accepted' | 'returned';
  review: ReviewVerdict;
}

export interface EnrollmentCode {
  code: string;
  communeCode: string;
  communeName: string;
  provinceCode: string;
  expiresAt: string;
  link: string;
  qrSvg: string;
}

export interface ScorePair {
  province: number | null;
  national: number | null;
}

export interface CoverageRow {
  code: string;
  group: string;
  tier: string;
  areaType: string | null;
  vi: string;
  /** Submitted communes for which the component counts. */
  counted: number;
  /** Of those, communes at status 2 or 3. */
  covered: number;
  /** covered / counted, 0–1. */
  share: number;
}

export interface ProvinceSummary {
  provinceCode: string;
  provinceName: string;
  areaType: AreaType | null;
  communes: { total: number; submitted: number };
  averageIndex: number | null;
  nationalAverageIndex: number | null;
  levels: LevelCount[];
  layers: (ScorePair & { layer: number })[];
  groups: (ScorePair & { id: string; layer: number })[];
  /** Weakest first. */
  coverage: CoverageRow[];
}

export interface CreateUserRequest {
  username: string;
  password: string;
  role: 'reviewer';
  provinceCode: string;
}
