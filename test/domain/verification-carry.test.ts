import { describe, expect, it } from 'vitest';
import type { Submission } from '../../src/domain/submission';
import { itemUnchanged } from '../../src/domain/verification-carry';

const sha = (c: string) => c.repeat(64);
const base: Submission = {
  revision: 1,
  baseRevision: null,
  communeCode: '31825',
  areaTypes: ['urban'],
  period: '2026',
  catalogueVersion: '2026.1',
  methodologyId: 'provisional-2026.1',
  submittedAt: '2026-03-01T07:30:00.000Z',
  answers: [
    { code: 'A1', status: 3, updatedAt: '2026-03-01T07:00:00.000Z' },
    { code: 'A2', status: 2, updatedAt: '2026-03-01T07:00:00.000Z' },
  ],
  evidence: [{ code: 'A1', sha256: sha('a'), caption: 'Quyết định', type: 'application/pdf', size: 10 }],
};

describe('itemUnchanged', () => {
  it('holds when status and files are the same, whatever the note, time or caption', () => {
    const next: Submission = {
      ...base,
      revision: 2,
      answers: base.answers.map((a) => ({ ...a, note: 'ghi chú', updatedAt: '2026-04-01T07:00:00.000Z' })),
      evidence: [{ ...base.evidence![0]!, caption: 'Chú thích khác' }],
    };
    expect(itemUnchanged(base, next, 'A1')).toBe(true);
    expect(itemUnchanged(base, next, 'A2')).toBe(true);
  });

  it('fails when the status changes, a file is added or removed, or the item is missing', () => {
    const status: Submission = { ...base, answers: [base.answers[0]!, { ...base.answers[1]!, status: 3 }] };
    expect(itemUnchanged(base, status, 'A2')).toBe(false);
    const added: Submission = {
      ...base,
      evidence: [...base.evidence!, { code: 'A2', sha256: sha('b'), caption: 'Ảnh', type: 'image/jpeg', size: 5 }],
    };
    expect(itemUnchanged(base, added, 'A2')).toBe(false);
    expect(itemUnchanged(base, added, 'A1')).toBe(true);
    expect(itemUnchanged(base, { ...base, evidence: [] }, 'A1')).toBe(false);
    expect(itemUnchanged(base, { ...base, answers: [base.answers[1]!] }, 'A1')).toBe(false);
  });
});
