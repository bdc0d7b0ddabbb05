/** Issue #9 defect 7: text that draws nothing counts as missing, on the phone and the server alike. */
import { describe, expect, it } from 'vitest';
import { isBlankText, normalizeText } from '../../src/domain/answer-rules';

describe('invisible-only text', () => {
  it('is blank: zero-width spaces and joiners, BOM, bidi marks, soft hyphen, ideographic space', () => {
    for (const s of [
      '',
      '  ',
      '\u200b\u200b',
      '\u200c\u200d',
      '\ufeff',
      '\u200e\u200f',
      '\u00ad',
      '\u3000',
      '\u2060',
      ' \u200b\n',
    ]) {
      expect(isBlankText(s), JSON.stringify(s)).toBe(true);
      expect(normalizeText(s)).toBe('');
    }
  });

  it('keeps any text that draws something untouched (emoji with joiners and variation selectors included)', () => {
    for (const s of ['Xã', '❤️', '👩‍💻', 'a\u200b']) expect(isBlankText(s)).toBe(false);
    expect(normalizeText(' 👩‍💻 ❤️ ')).toBe('👩‍💻 ❤️');
    expect(normalizeText('Xa\u0303')).toBe('Xã');
  });
});
