import { describe, expect, it } from 'vitest';
import { checkAnswer, LIMITS, naAllowed, normalizeText, textLength } from '../../src/domain/answer-rules';
import type { Status } from '../../src/domain/types';
import { answer, comp, testMethodology as m } from './scoring-fixtures';

const essential = comp('HTS2', 'commune-essential');
const essentialOpen = comp('HTS4', 'commune-essential', { open: true });
const areaSpecific = comp('HTS5', 'area-specific', { areaType: 'urban' });
const central = comp('HTS1', 'central');
const provincialOpen = comp('HTS3', 'provincial', { open: true });

describe('normalizeText', () => {
  it('composes Vietnamese diacritics (NFC) and trims', () => {
    const decomposed = '  Vie\u0323\u0302t Nam \n';
    expect(normalizeText(decomposed)).toBe('Việt Nam');
    expect(normalizeText(decomposed)).toBe('Việt Nam'.normalize('NFC'));
  });

  it('counts characters as code points', () => {
    expect(textLength('Đ😀')).toBe(2);
  });
});

describe('checkAnswer', () => {
  it('accepts 0–3 and unanswered', () => {
    for (const s of [null, 0, 1, 2, 3] as (Status | null)[]) expect(checkAnswer(essential, answer('HTS2', s), m)).toEqual([]);
  });

  it('rejects a status off the scale', () => {
    for (const s of [4, -1, 1.5, '2', true])
      expect(checkAnswer(essential, answer('HTS2', s as Status), m)).toEqual(['bad-status']);
  });

  it('allows N/A only for area-specific and open items, never for central or provincial ones', () => {
    const na = (code: string) => answer(code, 'na', { naReason: 'Không có chợ' });
    expect(checkAnswer(areaSpecific, na('HTS5'), m)).toEqual([]);
    expect(checkAnswer(essentialOpen, na('HTS4'), m)).toEqual([]);
    expect(checkAnswer(essential, na('HTS2'), m)).toEqual(['na-not-allowed']);
    expect(checkAnswer(central, na('HTS1'), m)).toEqual(['na-not-allowed']);
    expect(checkAnswer(provincialOpen, na('HTS3'), m)).toEqual(['na-not-allowed']);
    expect(naAllowed(central, { ...m, na: { ...m.na, allowedTiers: ['central'] } })).toBe(false);
    expect(naAllowed(essentialOpen, { ...m, na: { ...m.na, allowedForOpenItems: false } })).toBe(false);
  });

  it('requires a non-blank reason for N/A', () => {
    expect(checkAnswer(areaSpecific, answer('HTS5', 'na'), m)).toEqual(['na-reason-required']);
    expect(checkAnswer(areaSpecific, answer('HTS5', 'na', { naReason: ' \t ' }), m)).toEqual(['na-reason-required']);
    const noReasonNeeded = { ...m, na: { ...m.na, reasonRequired: false } };
    expect(checkAnswer(areaSpecific, answer('HTS5', 'na'), noReasonNeeded)).toEqual([]);
  });

  it('limits the note, the N/A reason and the open name, counting normalised text', () => {
    const at = (n: number) => 'ă'.repeat(n);
    expect(checkAnswer(essential, answer('HTS2', 1, { note: at(LIMITS.note) }), m)).toEqual([]);
    expect(checkAnswer(essential, answer('HTS2', 1, { note: ` ${at(LIMITS.note)} ` }), m)).toEqual([]);
    // Decomposed "ă" is two code units but one character once normalised.
    expect(checkAnswer(essential, answer('HTS2', 1, { note: 'a\u0306'.repeat(LIMITS.note) }), m)).toEqual([]);
    expect(checkAnswer(essential, answer('HTS2', 1, { note: at(LIMITS.note + 1) }), m)).toEqual(['note-too-long']);
    expect(checkAnswer(areaSpecific, answer('HTS5', 'na', { naReason: at(LIMITS.naReason + 1) }), m)).toEqual([
      'na-reason-too-long',
    ]);
    expect(checkAnswer(essentialOpen, answer('HTS4', 2, { openName: at(LIMITS.openName) }), m)).toEqual([]);
    expect(checkAnswer(essentialOpen, answer('HTS4', 2, { openName: at(LIMITS.openName + 1) }), m)).toEqual([
      'open-name-too-long',
    ]);
  });

  it('reports every problem at once', () => {
    const bad = answer('HTS2', 'na', { note: 'x'.repeat(LIMITS.note + 1) });
    expect(checkAnswer(essential, bad, m)).toEqual(['na-not-allowed', 'na-reason-required', 'note-too-long']);
  });

  it('has the agreed limits', () => {
    expect(LIMITS).toEqual({ note: 2000, naReason: 500, openName: 200, period: 20, helpers: 500 });
  });
});
