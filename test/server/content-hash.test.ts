/**
 * The server hashes submissions with node:crypto (src/server/services/content-hash.ts); stored
 * hashes and the replay rule rely on it giving exactly the reference hash (test/support/submission-hash.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSubmission, type Submission } from '../../src/domain/submission';
import { canonicalSubmissionText, contentHash } from '../../src/server/services/content-hash';
import { canonicalJson, submissionContentHash } from '../support/submission-hash';
import { MOUNTAIN_COMMUNE, submission } from './fixtures';

// Every kind of text: ASCII, Vietnamese (NFC and NFD), emoji (surrogate pairs), lone surrogates, controls.
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('Xã Bảo Lâm', 'Xã Bảo Lâm'.normalize('NFD'), '👩🏽‍💻 số hoá', '\ud800', 'a\udc00b', '"\\\n\t\u2028', ''),
);

const answer = fc.record(
  {
    code: fc.string({ minLength: 1, maxLength: 12 }),
    status: fc.constantFrom(0, 1, 2, 3, 'na', null),
    note: text,
    naReason: text,
    openName: text,
    updatedAt: fc.constantFrom('2026-03-01T07:00:00.000Z', '2026-03-01T14:00:00+07:00'),
  },
  { requiredKeys: ['code', 'status', 'updatedAt'] },
);

const submissions: fc.Arbitrary<Submission> = fc.record(
  {
    revision: fc.integer({ min: 1, max: 1_000_000 }),
    baseRevision: fc.option(fc.integer({ min: 1, max: 1_000_000 })),
    communeCode: fc.constantFrom('01290', '00004'),
    areaTypes: fc
      .subarray(['urban', 'rural', 'mountain-border-island'] as const, { minLength: 1 })
      .chain((a) => fc.shuffledSubarray(a, { minLength: a.length })),
    period: text,
    catalogueVersion: fc.string({ minLength: 1, maxLength: 8 }),
    methodologyId: fc.string({ minLength: 1, maxLength: 8 }),
    helpers: text,
    submittedAt: fc.constant('2026-03-01T07:30:00.000Z'),
    answers: fc.array(answer, { maxLength: 12 }),
  },
  {
    requiredKeys: [
      'revision',
      'baseRevision',
      'communeCode',
      'areaTypes',
      'period',
      'catalogueVersion',
      'methodologyId',
      'submittedAt',
      'answers',
    ],
  },
) as fc.Arbitrary<Submission>;

describe('server content hash', () => {
  it('equals the domain hash on generated submissions, lone surrogates included', () => {
    fc.assert(
      fc.property(submissions, (s) => {
        const ordered = {
          ...s,
          areaTypes: [...s.areaTypes].sort(),
          answers: [...s.answers].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
        };
        expect(canonicalSubmissionText(s)).toBe(canonicalJson(ordered));
        expect(contentHash(s)).toBe(submissionContentHash(s));
      }),
      { numRuns: 2_000 },
    );
  });

  it('equals the domain hash on a full submission parsed as the server parses it', () => {
    const body = { ...submission(MOUNTAIN_COMMUNE), helpers: ' Tổ công nghệ số '.normalize('NFD') };
    const parsed = parseSubmission(JSON.parse(JSON.stringify(body)));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(contentHash(parsed.submission)).toBe(submissionContentHash(parsed.submission));
    expect(contentHash(parsed.submission)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores answer and area-type order, like the domain hash', () => {
    const s = submission(MOUNTAIN_COMMUNE, { areaTypes: ['rural', 'mountain-border-island'] });
    const shuffled = { ...s, answers: [...s.answers].reverse(), areaTypes: [...s.areaTypes].reverse() };
    expect(contentHash(shuffled)).toBe(contentHash(s));
    expect(contentHash({ ...s, period: '2027' })).not.toBe(contentHash(s));
    // A member present but undefined is no member, in both.
    const withUndefined = { ...s, helpers: undefined, answers: s.answers.map((a) => ({ ...a, note: undefined })) };
    expect(contentHash(withUndefined)).toBe(contentHash(s));
    expect(contentHash(withUndefined)).toBe(submissionContentHash(withUndefined));
  });
});
