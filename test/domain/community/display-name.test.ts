import { describe, expect, it } from 'vitest';
import { cleanDisplayName, DISPLAY_NAME_MAX } from '../../../src/domain/community/display-name';

describe('a team member display name', () => {
  it('is stored NFC and trimmed', () => {
    expect(cleanDisplayName('  Chi\u0323 Lan  ')).toBe('Chị Lan');
    expect(cleanDisplayName('<b>Lan</b>')).toBe('<b>Lan</b>');
  });

  it('counts characters, not UTF-16 units or decomposed marks', () => {
    const max = 'Ồ'.repeat(DISPLAY_NAME_MAX);
    expect(cleanDisplayName(max.normalize('NFD'))).toBe(max);
    expect(cleanDisplayName('😀'.repeat(DISPLAY_NAME_MAX))).toBe('😀'.repeat(DISPLAY_NAME_MAX));
    expect(cleanDisplayName('a'.repeat(DISPLAY_NAME_MAX + 1))).toBeNull();
  });

  it('refuses empty text and control or line characters', () => {
    for (const bad of ['', ' \t ', 'Chị\nLan', 'Chị\u0000Lan', 'Chị\u009bLan', 'Chị\u2029Lan'])
      expect(cleanDisplayName(bad)).toBeNull();
  });
});
