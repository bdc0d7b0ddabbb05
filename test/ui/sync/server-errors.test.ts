// Issue #10 item 6: the phone shows its own words, in vi and in en, for every server error code it
// can meet when enrolling or submitting; the server's English message is only a technical detail.
import { describe, expect, it } from 'vitest';
import enSync from '../../../locales/en/sync.json';
import viSync from '../../../locales/vi/sync.json';
import type { TFn } from '../../../src/i18n';
import { serverReason } from '../../../src/sync/server-reason';
import { SERVER_ERROR_CODES, serverErrorKey } from '../../../src/ui/sync/server-errors';
import { reasonDetail, reasonText } from '../../../src/ui/sync/SubmitPanel/reasons';

type Tree = { [k: string]: string | Tree };
function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}
const tFor =
  (tree: Tree): TFn =>
  (key: string) =>
    lookup(tree, key) ?? `MISSING ${key}`;
const vi = tFor(viSync as unknown as Tree);

/** What the server answers on POST /enrollments and PUT /assessments/:id (src/server). */
const MET_WHEN_ENROLLING_OR_SUBMITTING = [
  'invalid_enrollment_code',
  'enrollment_code_expired',
  'enrollment_code_revoked',
  'enrollment_code_used',
  'too_many_attempts',
  'invalid_submission',
  'unknown_criteria_set',
  'criteria_set_not_published',
  'unknown_component',
  'revision_conflict',
  'stale_revision',
  'stale_base_revision',
  'payload_too_large',
  'unsupported_encoding',
  'malformed_json',
  'malformed_gzip',
  'invalid_body',
  'unauthorized',
  'forbidden',
  'db_unavailable',
];

describe('server error codes → the phone’s text', () => {
  it('has its own text for every code met when enrolling or submitting', () => {
    for (const code of MET_WHEN_ENROLLING_OR_SUBMITTING) {
      expect(SERVER_ERROR_CODES, code).toContain(code);
      expect(serverErrorKey(code), code).not.toBe('serverError.unknown');
    }
  });

  it('every key (each code, the clock one and the unknown one) has a non-empty vi and en text', () => {
    const keys = new Set([
      ...SERVER_ERROR_CODES.map((c) => serverErrorKey(c)),
      serverErrorKey('invalid_submission', 'x (DL1: submitted-in-future)'),
      serverErrorKey('no_such_code'),
    ]);
    expect(keys.has('serverError.clock_ahead')).toBe(true);
    expect(keys.has('serverError.unknown')).toBe(true);
    for (const key of keys) {
      for (const [lang, tree] of [
        ['vi', viSync],
        ['en', enSync],
      ] as const) {
        expect(lookup(tree as unknown as Tree, key)?.trim(), `${lang} ${key}`).toBeTruthy();
      }
      expect(lookup(viSync as unknown as Tree, key), key).not.toBe(lookup(enSync as unknown as Tree, key));
    }
  });

  it('a stored refusal reads in Vietnamese, with the server’s English words only as the detail', () => {
    const reason = serverReason('invalid_enrollment_code', 'This enrollment code is not valid');
    expect(reasonText(vi, reason)).toBe(viSync.serverError.invalid_enrollment_code);
    expect(reasonText(vi, reason)).not.toContain('not valid');
    expect(reasonDetail(reason)).toBe('This enrollment code is not valid');
  });

  it('a refusal of the criteria set (issue #12: unknown, or a draft not published) reads in Vietnamese', () => {
    const unpublished = serverReason('criteria_set_not_published', 'The criteria set chi-so-xa 2026.2 is not published');
    expect(reasonText(vi, unpublished)).toBe(viSync.serverError.criteria_set_not_published);
    expect(reasonDetail(unpublished)).toBe('The criteria set chi-so-xa 2026.2 is not published');
    const unknown = serverReason('unknown_criteria_set', 'Unknown criteria set chi-so-xa 2027.1');
    expect(reasonText(vi, unknown)).toBe(viSync.serverError.unknown_criteria_set);
  });

  it('a refusal for a phone clock ahead of the server says so', () => {
    const reason = serverReason('invalid_submission', 'The submission is not valid (submittedAt: submitted-in-future)');
    expect(reasonText(vi, reason)).toBe(viSync.serverError.clock_ahead);
  });

  it('a 5xx’s raw English words become the phone’s generic text, the words kept as detail', () => {
    expect(reasonText(vi, 'Internal server error')).toBe(viSync.serverError.unknown);
    expect(reasonDetail('Internal server error')).toBe('Internal server error');
    expect(reasonText(vi, 'Failed to fetch')).toBe(viSync.reason.network);
    expect(reasonDetail('Failed to fetch')).toBe('');
    expect(reasonText(vi, 'not-enrolled')).toBe(viSync.reason['not-enrolled']);
  });
});
