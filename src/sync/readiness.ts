/**
 * Can this assessment be sent to the province now, and if not, why? One pure function, used by
 * submit.ts inside its transaction and by the submit panel to explain a disabled button.
 */
import type { SubmissionProblem } from '../domain/submission';
import type { Answer, Assessment } from '../domain/types';
import { isLocked } from '../domain/vocabulary';
import type { Enrollment } from './enrollment';
import { checkReadiness } from './payload';
import type { Reference } from './reference';

export type SubmitBlock =
  /** No such assessment on this phone. */
  | 'not-found'
  /** Already submitted or accepted: nothing to send until the province returns it. */
  | 'locked'
  /** The phone has no device token: enrol first. */
  | 'not-enrolled'
  /** The phone is enrolled for another commune than the assessment's. */
  | 'commune-mismatch'
  /** Some required component is unanswered, or an answer is invalid. */
  | 'incomplete';

export interface SubmitCheck {
  ok: boolean;
  blocks: SubmitBlock[];
  /** Required components still unanswered. */
  missing: number;
  /** What the server would refuse, per component. */
  problems: SubmissionProblem[];
}

export interface ReadinessInput {
  assessment: Assessment | undefined;
  answers: readonly Answer[];
  enrollment: Enrollment | undefined;
  ref: Reference;
  /** A resend of a locked assessment (after an error or a conflict) is allowed. */
  resend?: boolean;
}

export function evaluateSubmission({ assessment, answers, enrollment, ref, resend = false }: ReadinessInput): SubmitCheck {
  if (!assessment) return { ok: false, blocks: ['not-found'], missing: 0, problems: [] };
  const blocks: SubmitBlock[] = [];
  const editable = !isLocked(assessment.status);
  if (!editable && !(resend && assessment.status === 'submitted')) blocks.push('locked');
  if (!enrollment) blocks.push('not-enrolled');
  else if (enrollment.communeCode !== assessment.communeCode) blocks.push('commune-mismatch');
  const ready = checkReadiness(assessment, answers, ref);
  if (!ready.ok) blocks.push('incomplete');
  return {
    ok: blocks.length === 0,
    blocks,
    missing: ready.ok ? 0 : ready.missing,
    problems: ready.ok ? [] : ready.problems,
  };
}
