/**
 * The sync payload: what a phone sends when it submits an assessment revision, how it is
 * checked against the catalogue and methodology it was answered under, and the canonical hash
 * that tells a harmless retry from a conflicting edit. Shared by the phone (to check before
 * queueing) and the server (to refuse anything malformed or hostile). Pure: no Node, no DOM.
 */
import { z } from 'zod';
import { applicableComponents, componentIndex, isRequired } from './catalogue';
import { checkAnswer, LIMITS, normalizeText, textTooLong } from './answer-rules';
import { checkEvidence, EvidenceListSchema, orderedEvidence } from './evidence';
import type { Answer, Catalogue, Methodology, ScoreResult } from './types';
import { AREA_TYPES, COMMUNE_CODE_RE } from './vocabulary';

/**
 * Hard ceilings on the wire, in UTF-16 units. The exact limits (code points after NFC) are
 * checked per component by checkAnswer, which reports them against the component's code.
 */
const WIRE_TEXT_MAX = 8_000;
export const MAX_ANSWERS = 500;

const AreaTypeSchema = z.enum(AREA_TYPES);
const count = z.number().finite().min(-1e12).max(1e12);
export const IndicatorValueSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('yesno'), yes: z.boolean() }),
  z.object({ kind: z.literal('choice'), option: z.string().min(1).max(80) }),
  z.object({ kind: z.literal('number'), value: count }),
  z.object({ kind: z.literal('pair'), a: count, b: count.nullable() }),
  z.object({ kind: z.literal('percent'), value: count }),
]);
const StatusSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal('na'), z.null()]);

export const SubmissionAnswerSchema = z.object({
  code: z.string().min(1).max(32),
  status: StatusSchema,
  note: z.string().max(WIRE_TEXT_MAX).optional(),
  naReason: z.string().max(WIRE_TEXT_MAX).optional(),
  openName: z.string().max(WIRE_TEXT_MAX).optional(),
  /** A criteria-set indicator's value (src/domain/criteria); checked against its indicator by validateCriteriaAnswers. */
  value: IndicatorValueSchema.optional(),
  updatedAt: z.iso.datetime({ offset: true }),
});

/** Unknown keys (a score computed by the phone, say) are dropped: the server scores for itself. */
export const SubmissionSchema = z.object({
  /** 1 for the first submission, then baseRevision + 1. */
  revision: z.int().min(1).max(1_000_000),
  /** The server revision this one was edited from (null for the first); a stale one is a conflict. */
  baseRevision: z.int().min(1).max(1_000_000).nullable(),
  communeCode: z.string().regex(COMMUNE_CODE_RE),
  areaTypes: z.array(AreaTypeSchema).min(1).max(AREA_TYPES.length),
  period: z.string().max(100),
  catalogueVersion: z.string().min(1).max(40),
  methodologyId: z.string().min(1).max(80),
  /** The criteria set the assessment is scored under; absent: the provisional method (every older submission). */
  criteriaSet: z.object({ id: z.string().min(1).max(80), version: z.string().min(1).max(20) }).optional(),
  helpers: z.string().max(WIRE_TEXT_MAX).optional(),
  /** When the officer pressed "submit" on the phone (sync lag = received − submitted). */
  submittedAt: z.iso.datetime({ offset: true }),
  answers: z.array(SubmissionAnswerSchema).max(MAX_ANSWERS),
  /** Files attached to items (src/domain/evidence.ts); the files themselves follow over tus. */
  evidence: EvidenceListSchema.optional(),
});

export type Submission = z.infer<typeof SubmissionSchema>;
// The wire answer is exactly the shared Answer shape (checked at compile time).
const _answerMatches: Answer = {} as z.infer<typeof SubmissionAnswerSchema>;

export interface SubmissionProblem {
  /** The component the problem is about, when there is one. */
  code?: string;
  problem: string;
}

export type SubmissionCheck = { ok: true } | { ok: false; problems: SubmissionProblem[] };

/**
 * Free text as the phone stores it (NFC, trimmed; see normalizeText): the same words typed on a
 * keyboard that composes (NFC) or decomposes (NFD) Vietnamese are the same content, stored once,
 * hashed alike, shown and exported alike.
 */
function normalizeTexts(s: Submission): Submission {
  const out: Submission = { ...s, period: normalizeText(s.period), answers: s.answers.map((a) => ({ ...a })) };
  if (s.helpers !== undefined) out.helpers = normalizeText(s.helpers);
  for (const a of out.answers) {
    if (a.note !== undefined) a.note = normalizeText(a.note);
    if (a.naReason !== undefined) a.naReason = normalizeText(a.naReason);
    if (a.openName !== undefined) a.openName = normalizeText(a.openName);
  }
  if (s.evidence !== undefined) out.evidence = s.evidence.map((e) => ({ ...e, caption: normalizeText(e.caption) }));
  return out;
}

/**
 * Structural check of untrusted JSON; problems name the component when the path leads to one.
 * Free text comes back normalised (NFC, trimmed).
 */
export function parseSubmission(
  raw: unknown,
): { ok: true; submission: Submission } | { ok: false; problems: SubmissionProblem[] } {
  const result = SubmissionSchema.safeParse(raw);
  if (result.success) return { ok: true, submission: normalizeTexts(result.data) };
  const answers = (raw as { answers?: unknown } | null)?.answers;
  const problems = result.error.issues.slice(0, 50).map((issue): SubmissionProblem => {
    const [first, index, ...rest] = issue.path;
    const field = [first, index, ...rest].filter((p) => p !== undefined).join('.');
    const list =
      first === 'answers' ? answers : first === 'evidence' ? (raw as { evidence?: unknown } | null)?.evidence : undefined;
    if (typeof index === 'number' && Array.isArray(list)) {
      const code: unknown = (list[index] as { code?: unknown } | null)?.code;
      const what = rest.join('.') || (first === 'answers' ? 'answer' : 'evidence');
      if (typeof code === 'string') return { code, problem: `invalid ${what}: ${issue.message}` };
    }
    return { problem: `invalid ${field || 'body'}: ${issue.message}` };
  });
  return { ok: false, problems };
}

const tooLong = textTooLong;

/**
 * Everything the server refuses: wrong versions, codes the catalogue does not know or that do
 * not apply to the chosen area types, invalid answers, missing required answers, oversize text.
 */
export function validateSubmission(payload: Submission, catalogue: Catalogue, methodology: Methodology): SubmissionCheck {
  const problems: SubmissionProblem[] = [];
  if (payload.catalogueVersion !== catalogue.version) problems.push({ problem: 'catalogue-version-mismatch' });
  if (payload.methodologyId !== methodology.id) problems.push({ problem: 'methodology-mismatch' });
  if (!methodology.catalogueVersions.includes(catalogue.version)) problems.push({ problem: 'methodology-incompatible' });
  if (payload.revision !== (payload.baseRevision ?? 0) + 1) problems.push({ problem: 'revision-not-after-base' });
  if (new Set(payload.areaTypes).size !== payload.areaTypes.length) problems.push({ problem: 'duplicate-area-type' });
  if (normalizeText(payload.period) === '') problems.push({ problem: 'period-required' });
  if (tooLong(payload.period, LIMITS.period)) problems.push({ problem: 'period-too-long' });
  if (tooLong(payload.helpers, LIMITS.helpers)) problems.push({ problem: 'helpers-too-long' });

  const known = componentIndex(catalogue);
  const applicable = new Set(applicableComponents(catalogue, payload.areaTypes).map((c) => c.code));
  const seen = new Set<string>();
  for (const answer of payload.answers) {
    const { code } = answer;
    const component = known.get(code);
    if (seen.has(code)) problems.push({ code, problem: 'duplicate-answer' });
    seen.add(code);
    if (!component) problems.push({ code, problem: 'unknown-code' });
    else if (!applicable.has(code)) problems.push({ code, problem: 'not-applicable' });
    else for (const problem of checkAnswer(component, answer, methodology)) problems.push({ code, problem });
  }

  // Evidence may name any known component or any code this submission answers (an indicator's).
  const answeredCodes = new Set(payload.answers.map((a) => a.code));
  problems.push(...checkEvidence(payload.evidence ?? [], (code) => known.has(code) || answeredCodes.has(code)));

  if (methodology.submission.requireEssentialAnswered) {
    const answered = new Set(payload.answers.filter((a) => a.status !== null).map((a) => a.code));
    for (const code of applicable) {
      const component = known.get(code);
      if (component && isRequired(component) && !answered.has(code)) problems.push({ code, problem: 'required-unanswered' });
    }
  }
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

/**
 * How far ahead of the server's clock a phone's submittedAt may be. A phone set to the wrong time
 * zone shows the right local time while its UTC instant is off by up to 14 hours, and cheap phones
 * without network time drift by minutes: 24 hours admits all of that, while a date on a later day
 * (a 2099 typed into the settings, a corrupted clock) is refused instead of showing a negative
 * sync lag on every dashboard and CSV.
 */
export const SUBMITTED_AT_MAX_AHEAD_MS = 24 * 60 * 60 * 1000;

/** [] or ['submitted-in-future'] for a submission received at `receivedAt`. */
export function checkSubmittedAt(submittedAt: string, receivedAt: Date): SubmissionProblem[] {
  return Date.parse(submittedAt) - receivedAt.getTime() > SUBMITTED_AT_MAX_AHEAD_MS ? [{ problem: 'submitted-in-future' }] : [];
}

export type ReviewState = 'submitted' | 'accepted' | 'returned';

export interface ReviewVerdict {
  verdict: 'accepted' | 'returned';
  /** The revision the verdict is about. */
  revision: number;
  comment: string;
  componentComments: Record<string, string>;
  reviewedAt: string;
  /** Present when this verdict changed an earlier one on the same revision: the reviewer's reason. */
  changeReason?: string;
  /** A return may ask evidence ("yêu cầu bổ sung minh chứng") for named items, each with a note. */
  evidenceRequests?: EvidenceRequest[];
}

/** One item a returned assessment must add evidence for: its answer's code and what to add. */
export interface EvidenceRequest {
  code: string;
  note: string;
}

/** What the server answers to a submission, and again (identically) to its replay. */
export interface SubmissionResult {
  assessmentId: string;
  revision: number;
  /** The newest revision the server holds; greater than `revision` when this one was superseded. */
  latestRevision: number;
  contentHash: string;
  receivedAt: string;
  /** The server's score; the phone's is advisory. */
  score: ScoreResult;
  reviewState: ReviewState;
  /** The verdict on this revision, when there is one. */
  review: ReviewVerdict | null;
}

// ---- what the content hash covers (the server hashes it: src/server/services/content-hash.ts) ----

/** The submission with area types and answers in a fixed order: what the content hash covers. */
export function orderFreeSubmission(payload: Submission): Submission {
  return {
    ...payload,
    areaTypes: [...payload.areaTypes].sort(),
    answers: [...payload.answers].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
    ...(payload.evidence !== undefined ? { evidence: orderedEvidence(payload.evidence) } : {}),
  };
}
