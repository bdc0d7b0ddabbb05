/** Submissions, the server's answer to them, revision history and reviews. */
import { z } from 'zod';
import type { SubmissionResult } from '../../domain/submission';
import { normalizeText } from '../../domain/answer-rules';
import { EvidenceRefSchema } from '../../domain/evidence';
import { SubmissionSchema } from '../../domain/submission';
import { IsoDateTime, ProblemSchema } from './common';
import { ScoreResultSchema } from './score';
import type { Same } from '../../domain/same-type';

export { SubmissionSchema };

export const ReviewVerdictSchema = z.object({
  verdict: z.enum(['accepted', 'returned']),
  revision: z.int(),
  comment: z.string(),
  componentComments: z.record(z.string(), z.string()),
  reviewedAt: IsoDateTime,
  changeReason: z.string().optional().meta({ description: 'Why this verdict changed an earlier one on the same revision' }),
  evidenceRequests: z
    .array(z.object({ code: z.string(), note: z.string() }))
    .optional()
    .meta({ description: 'Items a return asks evidence for (yêu cầu bổ sung minh chứng), each with a note' }),
});

export const SubmissionResultSchema = z.object({
  assessmentId: z.string(),
  revision: z.int(),
  latestRevision: z.int(),
  contentHash: z.string(),
  receivedAt: IsoDateTime,
  score: ScoreResultSchema,
  reviewState: z.enum(['submitted', 'accepted', 'returned']),
  review: ReviewVerdictSchema.nullable(),
});

const _resultMatches: Same<z.infer<typeof SubmissionResultSchema>, SubmissionResult> = true;

/** A file the latest revision names, and whether the server has received it from the commune yet. */
export const EvidenceViewSchema = EvidenceRefSchema.extend({
  received: z.boolean().meta({ description: 'false: the file has not arrived yet (pending)' }),
});
export type EvidenceView = z.infer<typeof EvidenceViewSchema>;

export const AssessmentViewSchema = SubmissionResultSchema.extend({
  communeCode: z.string(),
  provinceCode: z.string(),
  submission: SubmissionSchema,
  evidence: z.array(EvidenceViewSchema),
  reviews: z.array(ReviewVerdictSchema.extend({ reviewer: z.string() })),
});

export const InvalidSubmissionSchema = z.object({
  error: z.object({ code: z.literal('invalid_submission'), message: z.string(), problems: z.array(ProblemSchema) }),
});

const AnswerSnapshotSchema = z
  .object({
    status: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal('na'), z.null()]),
    note: z.string().optional(),
    naReason: z.string().optional(),
    openName: z.string().optional(),
  })
  .nullable();

export const RevisionChangesSchema = z.object({
  fields: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
  answers: z.array(z.object({ code: z.string(), from: AnswerSnapshotSchema, to: AnswerSnapshotSchema })),
});
export type RevisionChanges = z.infer<typeof RevisionChangesSchema>;

export const RevisionListSchema = z.object({
  assessmentId: z.string(),
  revisions: z.array(
    z.object({
      revision: z.int(),
      baseRevision: z.int().nullable(),
      contentHash: z.string(),
      submittedAt: IsoDateTime,
      receivedAt: IsoDateTime,
      index: z.number(),
      level: z.int(),
      /** Answered / counted by the domain's one definition (src/domain/progress.ts); null without its catalogue. */
      progress: z.object({ answered: z.int(), counted: z.int() }).nullable(),
      /** What changed since the previous revision (everything, for the first). */
      changes: RevisionChangesSchema,
      reviews: z.array(ReviewVerdictSchema.extend({ reviewer: z.string() })),
    }),
  ),
});

export const ReviewRequestSchema = z.object({
  verdict: z.enum(['accepted', 'returned']),
  // NFC and trimmed, invisible-only text as "" (the domain's rule, as for the phone's texts).
  comment: z.string().max(2000).overwrite(normalizeText).default(''),
  componentComments: z
    .record(z.string().max(32), z.string().max(1000).overwrite(normalizeText).pipe(z.string().min(1, 'must not be blank')))
    .optional(),
  /** Required (422 reason_required) when the verdict changes one already given on this revision. */
  reason: z.string().max(500).overwrite(normalizeText).optional(),
  /** The revision being reviewed; refused with 409 when a newer one has arrived meanwhile. */
  revision: z.int().min(1).optional(),
  /** With a return only: items of the revision needing evidence, each with what to add (422 otherwise). */
  evidenceRequests: z
    .array(
      z.object({
        code: z.string().min(1).max(32),
        note: z.string().max(1000).overwrite(normalizeText).pipe(z.string().min(1, 'must not be blank')),
      }),
    )
    .max(200)
    .optional(),
});

export const ReviewResponseSchema = z.object({
  assessmentId: z.string(),
  reviewState: z.enum(['accepted', 'returned']),
  review: ReviewVerdictSchema,
});
