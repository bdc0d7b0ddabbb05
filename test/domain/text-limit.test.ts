/**
 * textTooLong (src/domain/answer-rules.ts) skips normalising and counting a text short enough that
 * NFC cannot take it over the limit: it must agree with the full count on every text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText, textLength, textTooLong } from '../../src/domain/answer-rules';

// Characters NFC composes (decomposed Vietnamese), expands (U+0344 → 2, U+1D15E → 2, U+0F73 → 2,
// U+FB2C → 3), leaves alone, emoji, lone surrogates, blanks and invisible characters.
const pieces = fc.constantFrom(
  'e\u0323\u0302',
  'Việt',
  '\u0344',
  '\u{1D15E}',
  '\u0F73',
  '\uFB2C',
  '\u0958',
  'a',
  ' ',
  '\u200b',
  '😀',
  '\ud800',
  'đ',
);
const texts = fc.oneof(
  fc.array(pieces, { maxLength: 20 }).map((p) => p.join('')),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

const reference = (text: string, limit: number) => textLength(normalizeText(text)) > limit;

describe('textTooLong', () => {
  it('agrees with counting the normalised text, on every kind of text and limit', () => {
    fc.assert(
      fc.property(texts, fc.integer({ min: 0, max: 70 }), (text, limit) => {
        expect(textTooLong(text, limit)).toBe(reference(text, limit));
      }),
      { numRuns: 5_000 },
    );
  });

  it('counts the largest NFC expansions: three code points from one', () => {
    const text = '\uFB2C'.repeat(4);
    expect(textLength(normalizeText(text))).toBe(12);
    expect(textTooLong(text, 11)).toBe(true);
    expect(textTooLong(text, 12)).toBe(false);
    expect(textTooLong(undefined, 0)).toBe(false);
  });
});
