/**
 * The phone's own words for each error code the server can answer with when a phone enrolls or
 * submits (issue #10 item 6): the Vietnamese UI shows Vietnamese only, and the server's English
 * message is kept for a "Chi tiết kỹ thuật" line. Codes the server sends for one cause share a text.
 */
const TEXT_FOR_CODE: Readonly<Record<string, string>> = {
  invalid_enrollment_code: 'invalid_enrollment_code',
  enrollment_code_expired: 'enrollment_code_expired',
  enrollment_code_revoked: 'enrollment_code_revoked',
  enrollment_code_used: 'enrollment_code_used',
  too_many_attempts: 'too_many_attempts',
  invalid_submission: 'invalid_submission',
  unknown_criteria_set: 'unknown_criteria_set',
  criteria_set_not_published: 'criteria_set_not_published',
  unknown_component: 'unknown_component',
  revision_conflict: 'conflict',
  stale_revision: 'conflict',
  stale_base_revision: 'conflict',
  payload_too_large: 'payload_too_large',
  unsupported_encoding: 'unreadable',
  unsupported_media_type: 'unreadable',
  malformed_json: 'unreadable',
  malformed_gzip: 'unreadable',
  invalid_body: 'unreadable',
  invalid_id: 'unreadable',
  invalid_path: 'unreadable',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  not_found: 'not_found',
  db_unavailable: 'db_unavailable',
};

/** Every code the phone has its own text for (the unit test checks each has vi and en words). */
export const SERVER_ERROR_CODES: readonly string[] = Object.keys(TEXT_FOR_CODE);

/** The locale key (namespace sync) of the phone's text for a server error. */
export function serverErrorKey(code: string, message = ''): string {
  // A submission dated after the server's clock: the phone's clock is wrong, not the answers.
  if (code === 'invalid_submission' && message.includes('submitted-in-future')) return 'serverError.clock_ahead';
  return `serverError.${TEXT_FOR_CODE[code] ?? 'unknown'}`;
}
