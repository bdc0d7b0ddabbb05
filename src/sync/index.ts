/**
 * The sync client's public API (browser only). Screens import from here, not from the modules.
 *   enroll / getEnrollment / forgetEnrollment — the device token bound to one commune
 *   submitAssessment / retrySubmission / withdrawSubmission — queue, resend, take back
 *   flushOutbox / pullReviews — one round of upload / verdict download
 *   startSync — the triggers (start, online, visible, timer, Background Sync)
 *   evaluateSubmission — why the submit button is disabled
 */
export { enroll, getEnrollment, forgetEnrollment, normaliseCode, type Enrollment, type EnrollError, type EnrollResult } from './enrollment';
export { submitAssessment, retrySubmission, withdrawSubmission, type SubmitOptions, type SubmitResult } from './submit';
export { flushOutbox, outboxSize, onFlushed, type FlushOptions, type FlushReport } from './outbox';
export { pullReviews, type PullOptions, type PullReport } from './reviews';
export { startSync, type SyncTriggerOptions } from './triggers';
export { evaluateSubmission, type SubmitBlock, type SubmitCheck } from './readiness';
export { loadReference, type Reference } from './reference';
export { backoffDelay, backoffCeiling, BACKOFF_BASE_MS, BACKOFF_CAP_MS } from './backoff';
export { readAnswers } from './payload';
export type { OutboxEntry } from './outbox-rows';
