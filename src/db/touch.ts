/**
 * An assessment's latest answer edit, kept in its own row of the `touches` table (schema v2).
 * saveAnswer is the checklist's hot path: it writes this small row blindly instead of reading the
 * assessment row and writing it back whole, so a save is one IndexedDB round trip (issue #16).
 * The assessment as the rest of the app sees it is its row with the touch laid over it:
 * `updatedAt` is the later of the two and `lastCode` the touch's. Code that rewrites an
 * assessment row from what it read (updateAssessment, the backup import) reads it through
 * `withTouch`, so what it writes back already holds the touch.
 */
import type { Assessment } from '../domain/types';

export interface TouchRow {
  assessmentId: string;
  /** The updatedAt of the newest answer edit (ISO). */
  updatedAt: string;
  /** The component of that edit: where the checklist resumes. */
  lastCode: string;
}

/** The assessment as the app sees it: its row with the latest answer edit laid over it. */
export function withTouch(assessment: Assessment, touch: TouchRow | undefined): Assessment {
  if (!touch) return assessment;
  const later = Date.parse(touch.updatedAt) > Date.parse(assessment.updatedAt);
  if (!later && assessment.lastCode === touch.lastCode) return assessment;
  return { ...assessment, updatedAt: later ? touch.updatedAt : assessment.updatedAt, lastCode: touch.lastCode };
}
