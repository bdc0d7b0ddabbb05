import { describe, expect, it } from 'vitest';
import { DISPLAY_NAME_MAX } from '../../../../src/domain/community/display-name';
import { nameSubmit } from '../../../../src/ui/screens/Team/name-change';

describe('nameSubmit: what "Lưu tên" does on enrollment and on "Đổi tên"', () => {
  it('saves the name cleaned by the shared rule (NFC, trimmed)', () => {
    // "Chị Lan" typed with a combining dot below (NFD), as some keyboards send it.
    expect(nameSubmit('  Chi\u0323 Lan ', undefined)).toEqual({ kind: 'save', name: 'Chị Lan' });
    expect(nameSubmit('Chị Lan Anh', 'Chị Lan')).toEqual({ kind: 'save', name: 'Chị Lan Anh' });
  });

  it('refuses what the server would refuse, whether first set or renamed', () => {
    for (const current of [undefined, 'Chị Lan']) {
      expect(nameSubmit('   ', current)).toEqual({ kind: 'invalid' });
      expect(nameSubmit('Lan\nAnh', current)).toEqual({ kind: 'invalid' });
      expect(nameSubmit('ệ'.repeat(DISPLAY_NAME_MAX + 1), current)).toEqual({ kind: 'invalid' });
    }
    expect(nameSubmit('ệ'.repeat(DISPLAY_NAME_MAX), 'Chị Lan')).toEqual({ kind: 'save', name: 'ệ'.repeat(DISPLAY_NAME_MAX) });
  });

  it('writes nothing when the rename keeps the same name (after cleaning)', () => {
    expect(nameSubmit('Chị Lan', 'Chị Lan')).toEqual({ kind: 'unchanged' });
    expect(nameSubmit(' Chi\u0323 Lan', 'Chị Lan')).toEqual({ kind: 'unchanged' });
  });
});
