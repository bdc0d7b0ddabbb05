/**
 * The reviewer API's shapes, inferred from the server's zod schemas (src/server/schemas: the one
 * contract; its tsconfig has neither DOM nor Node). Types only: every import here is
 * `import type`, erased by the compiler, so neither zod nor server code reaches the browser
 * bundle (ESLint refuses a value import of src/server or zod in src/ui).
 * Responses are what the server writes (z.output); requests are what the server reads (z.input).
 */
import type { z } from 'zod';
import type {
  AccountSchema,
  CreateUserSchema,
  OpenEnrollmentCodesSchema,
  SessionSchema,
  UserSchema,
} from '../../server/schemas/accounts';
import type {
  AssessmentViewSchema,
  ReviewRequestSchema,
  ReviewResponseSchema,
  RevisionListSchema,
} from '../../server/schemas/assessments';
import type { DeviceListSchema, EnrollmentCodeSchema } from '../../server/schemas/enrollment';
import type { VerifyRequestSchema } from '../../server/schemas/verification';
import type {
  CommuneListSchema,
  LevelCountSchema,
  ProvinceOverviewSchema,
  ProvinceSummarySchema,
} from '../../server/schemas/provinces';
import type {
  CriteriaPreviewSchema,
  CriteriaSetListSchema,
  CriteriaSetMetaResponseSchema,
  CriteriaSetMetaSchema,
  CriteriaSetProblemSchema,
  CriteriaSetResponseSchema,
} from '../../server/schemas/criteria-sets';
import type { CriteriaScore, CriteriaSet } from '../../domain/criteria';
import type { ReviewState, ReviewVerdict, Submission } from '../../domain/submission';

export type { ReviewState, ReviewVerdict, Submission };
export type { CommuneRow, CoverageRow, CriteriaSetSummary, ProvinceSummary } from '../../server/schemas/provinces';
export type { RevisionChanges } from '../../server/schemas/assessments';

/** The signed-in account; `id` is optional because a session kept in sessionStorage is checked without it. */
export type SessionUser = Omit<z.output<typeof UserSchema>, 'id'> & { id?: string };
export type Role = SessionUser['role'];
/** GET /users (admin): an account with its state and last sign-in. */
export type Account = z.output<typeof AccountSchema>;
export type SignInResponse = z.output<typeof SessionSchema>;
export type Verdict = ReviewVerdict['verdict'];

export type LevelCount = z.output<typeof LevelCountSchema>;
/** GET /provinces (admin): every province side by side. */
export type ProvinceOverview = z.output<typeof ProvinceOverviewSchema>;
export type ProvinceRow = ProvinceOverview['provinces'][number];
/** GET /provinces/{code}/communes: each commune with its latest received submission, if any. */
export type CommuneList = z.output<typeof CommuneListSchema>;

/** GET /assessments/{id}: the latest revision, its server score and every verdict so far. */
export type AssessmentView = z.output<typeof AssessmentViewSchema>;
export type ReviewEntry = AssessmentView['reviews'][number];
/** One file the latest revision names, with whether the server has received it. */
export type EvidenceView = AssessmentView['evidence'][number];
export type RevisionList = z.output<typeof RevisionListSchema>;
export type RevisionEntry = RevisionList['revisions'][number];
export type AnswerSnapshot = RevisionEntry['changes']['answers'][number]['from'];

export type ReviewRequest = z.input<typeof ReviewRequestSchema>;
export type VerifyRequest = z.input<typeof VerifyRequestSchema>;
export type { VerificationView, VerificationItem, AdjustedAnswer } from '../../domain/verification';
export type ReviewResponse = z.output<typeof ReviewResponseSchema>;
export type EnrollmentCode = z.output<typeof EnrollmentCodeSchema>;
/** GET /communes/{code}/enrollment-codes: codes still usable (never the codes themselves). */
export type OpenEnrollmentCodes = z.output<typeof OpenEnrollmentCodesSchema>;
export type OpenEnrollmentCode = OpenEnrollmentCodes['codes'][number];
/** GET /communes/{code}/devices: every phone enrolled for the commune, revoked ones too. */
export type DeviceList = z.output<typeof DeviceListSchema>;
export type Device = DeviceList['devices'][number];
export type ScorePair = Omit<ProvinceSummaryLayer, 'layer'>;
type ProvinceSummaryLayer = z.output<typeof ProvinceSummarySchema>['layers'][number];
export type CreateUserRequest = z.input<typeof CreateUserSchema>;

/** A stored criteria set of a province, as GET /criteria-sets lists it (issue #12's contract). */
export type CriteriaSetMeta = z.output<typeof CriteriaSetMetaSchema>;
/** One problem of a refused upload: a JSON path, or for a workbook its sheet, row, column and cell. */
export type CriteriaSetProblem = z.output<typeof CriteriaSetProblemSchema>;
/** GET /criteria-sets?provinceCode=: the versions a caller may see, newest first. */
export type CriteriaSetList = z.output<typeof CriteriaSetListSchema>;
/**
 * GET /criteria-sets/{id} and a 201 upload: the stored version and its set. The schema documents
 * the set as an open record (its own JSON Schema is /criteria-sets/schema.json): here it is the
 * domain's CriteriaSet, which the server validated before storing it.
 */
export type CriteriaSetWithMeta = Omit<z.output<typeof CriteriaSetResponseSchema>, 'set'> & { set: CriteriaSet };
export type CriteriaSetMetaResponse = z.output<typeof CriteriaSetMetaResponseSchema>;
/** GET /criteria-sets/{id}/preview: the scores are the domain's CriteriaScore (the schema leaves them open). */
export type CriteriaSetPreview = Omit<z.output<typeof CriteriaPreviewSchema>, 'draft' | 'current'> & {
  draft: CriteriaScore;
  current?: CriteriaScore;
};
