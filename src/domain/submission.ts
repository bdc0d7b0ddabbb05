/**
 * The sync payload: what a phone sends when it submits an assessment revision, how it is
 * checked against the catalogue and methodology it was answered under, and the canonical hash
 * that tells a harmless retry from a conflicting edit. Shared by the phone (to check before
 * queueing) and the server (to refuse anything malformed or hostile). Pure: no Node, no DOM.
 */
import { z } from 'zod';
import { applicableComponents, componentIndex, isRequired } from './catalogue';
import { checkAnswer, LIMITS, normalizeText, textLength } from './answer-rules';
import type { Answer, Catalogue, Methodology, ScoreResult } from './types';
import { AREA_TYPES, COMMUNE_CODE_RE } from './vocabulary';

/**
 * Hard ceilings on the wire, in UTF-16 units. The exact limits (code points after NFC) are
 * checked per component by checkAnswer, which reports them against the component's code.
 */
const WIRE_TEXT_MAX = 8_000;
export const MAX_ANSWERS = 500;

const AreaTypeSchema = z.enum(AREA_TYPES);
const StatusSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal('na'), z.null()]);

export const SubmissionAnswerSchema = z.object({
  code: z.string().min(1).max(32),
  status: StatusSchema,
  note: z.string().max(WIRE_TEXT_MAX).optional(),
  naReason: z.string().max(WIRE_TEXT_MAX).optional(),
  openName: z.string().max(WIRE_TEXT_MAX).optional(),
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
  helpers: z.string().max(WIRE_TEXT_MAX).optional(),
  /** When the officer pressed "submit" on the phone (sync lag = received − submitted). */
  submittedAt: z.iso.datetime({ offset: true }),
  answers: z.array(SubmissionAnswerSchema).max(MAX_ANSWERS),
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
  return out;
}

/**
 * Structural check of untrusted JSON; problems name the component when the path leads to one.
 * Free text comes back normalised (NFC, trimmed).
 */
export function parseSubmission(raw: unknown): { ok: true; submission: Submission } | { ok: false; problems: SubmissionProblem[] } {
  const result = SubmissionSchema.safeParse(raw);
  if (result.success) return { ok: true, submission: normalizeTexts(result.data) };
  const answers = (raw as { answers?: unknown } | null)?.answers;
  const problems = result.error.issues.slice(0, 50).map((issue): SubmissionProblem => {
    const [first, index, ...rest] = issue.path;
    const field = [first, index, ...rest].filter((p) => p !== undefined).join('.');
    if (first === 'answers' && typeof index === 'number' && Array.isArray(answers)) {
      const code: unknown = (answers[index] as { code?: unknown } | null)?.code;
      if (typeof code === 'string') return { code, problem: `invalid ${rest.join('.') || 'answer'}: ${issue.message}` };
    }
    return { problem: `invalid ${field || 'body'}: ${issue.message}` };
  });
  return { ok: false, problems };
}

function tooLong(text: string | undefined, limit: number): boolean {
  return text !== undefined && textLength(normalizeText(text)) > limit;
}

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

  if (methodology.submission.requireEssentialAnswered) {
    const answered = new Set(payload.answers.filter((a) => a.status !== null).map((a) => a.code));
    for (const code of applicable) {
      const component = known.get(code);
      if (component && isRequired(component) && !answered.has(code)) problems.push({ code, problem: 'required-unanswered' });
    }
  }
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

export type ReviewState = 'submitted' | 'accepted' | 'returned';

export interface ReviewVerdict {
  verdict: 'accepted' | 'returned';
  /** The revision the verdict is about. */
  revision: number;
  comment: string;
  componentComments: Record<string, string>;
  reviewedAt: string;
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

// ---- canonical content hash ------------------------------------------------------------------

/** JSON with object keys sorted and undefined members dropped: equal content, equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * Hash of the submission's content. Answer order and area-type order do not matter (a phone may
 * serialise its map differently on a retry); everything else does.
 */
export function submissionContentHash(payload: Submission): string {
  return sha256Hex(utf8(canonicalJson(orderFreeSubmission(payload))));
}

/** The submission with area types and answers in a fixed order: what the content hash covers. */
export function orderFreeSubmission(payload: Submission): Submission {
  return {
    ...payload,
    areaTypes: [...payload.areaTypes].sort(),
    answers: [...payload.answers].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
  };
}

function utf8(text: string): number[] {
  const bytes: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return bytes;
}

const K = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
];

/** SHA-256 (FIPS 180-4) in plain TypeScript, so the phone and the server compute the same hash. */
export function sha256Hex(message: readonly number[]): string {
  const h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
  const bitLength = message.length * 8;
  const padded = [...message, 0x80];
  while (padded.length % 64 !== 56) padded.push(0);
  // Length as a 64-bit big-endian number; payloads are far below 2^32 bytes, so the high word is 0…
  const high = Math.floor(bitLength / 0x100000000);
  padded.push((high >>> 24) & 255, (high >>> 16) & 255, (high >>> 8) & 255, high & 255);
  padded.push((bitLength >>> 24) & 255, (bitLength >>> 16) & 255, (bitLength >>> 8) & 255, bitLength & 255);
  const w = new Array<number>(64).fill(0);
  const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) {
      const j = offset + i * 4;
      w[i] = ((padded[j] ?? 0) << 24) | ((padded[j + 1] ?? 0) << 16) | ((padded[j + 2] ?? 0) << 8) | (padded[j + 3] ?? 0);
    }
    for (let i = 16; i < 64; i++) {
      const w15 = w[i - 15] ?? 0;
      const w2 = w[i - 2] ?? 0;
      const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
      const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
      w[i] = ((w[i - 16] ?? 0) + s0 + (w[i - 7] ?? 0) + s1) | 0;
    }
    let [a, b, c, d, e, f, g, hh] = h as [number, number, number, number, number, number, number, number];
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + (K[i] ?? 0) + (w[i] ?? 0)) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      [hh, g, f, e, d, c, b, a] = [g, f, e, (d + t1) | 0, c, b, a, (t1 + t2) | 0];
    }
    [a, b, c, d, e, f, g, hh].forEach((v, i) => (h[i] = ((h[i] ?? 0) + v) | 0));
  }
  return h.map((v) => (v >>> 0).toString(16).padStart(8, '0')).join('');
}
