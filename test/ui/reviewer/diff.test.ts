import { describe, expect, it } from 'vitest';
import {
  answerChangeRows,
  changedInLatest,
  fieldChanges,
  historyOrder,
  indexDelta,
  isInitialRevision,
} from '../../../src/ui/reviewer/diff';
import type { RevisionChanges, RevisionEntry } from '../../../src/ui/reviewer/types';

function revision(n: number, index: number, changes: Partial<RevisionChanges> = {}): RevisionEntry {
  return {
    revision: n,
    baseRevision: n === 1 ? null : n - 1,
    contentHash: `h${n}`,
    submittedAt: `2026-03-0${n}T08:00:00Z`,
    receivedAt: `2026-03-0${n}T09:00:00Z`,
    index,
    level: 3,
    progress: null,
    changes: { fields: [], answers: [], ...changes },
    reviews: [],
  };
}

describe('fieldChanges', () => {
  it('lists only the fields that differ, status first', () => {
    expect(fieldChanges({ status: 1, note: 'kế hoạch 2026' }, { status: 2, note: 'kế hoạch 2026' })).toEqual([
      { field: 'status', kind: 'changed', from: 1, to: 2 },
    ]);
    expect(fieldChanges({ status: 'na', naReason: 'không có chợ' }, { status: 3, note: 'đã có' })).toEqual([
      { field: 'status', kind: 'changed', from: 'na', to: 3 },
      { field: 'note', kind: 'added', from: undefined, to: 'đã có' },
      { field: 'naReason', kind: 'removed', from: 'không có chợ', to: undefined },
    ]);
  });

  it('treats a missing answer, null status and empty text as nothing', () => {
    expect(fieldChanges(null, { status: 0 })).toEqual([{ field: 'status', kind: 'added', from: undefined, to: 0 }]);
    expect(fieldChanges({ status: null, note: '' }, null)).toEqual([]);
    expect(fieldChanges({ status: 2, openName: 'Zalo OA' }, null)).toEqual([
      { field: 'status', kind: 'removed', from: 2, to: undefined },
      { field: 'openName', kind: 'removed', from: 'Zalo OA', to: undefined },
    ]);
  });

  it('keeps a status of 0 (a real answer, not "nothing")', () => {
    expect(fieldChanges({ status: 0 }, { status: 1 })[0]).toMatchObject({ kind: 'changed', from: 0, to: 1 });
  });
});

describe('answerChangeRows', () => {
  it('drops answers whose visible content did not change', () => {
    const rows = answerChangeRows({
      fields: [],
      answers: [
        { code: 'HTS7', from: { status: 1 }, to: { status: 3 } },
        { code: 'ANM1', from: { status: 2, note: '' }, to: { status: 2 } },
      ],
    });
    expect(rows.map((r) => r.code)).toEqual(['HTS7']);
  });
});

describe('revision history', () => {
  const revs = [
    revision(1, 40, { answers: [{ code: 'HTS1', from: null, to: { status: 1 } }] }),
    revision(3, 52.4, { answers: [{ code: 'DL2', from: { status: 0 }, to: { status: 2 } }] }),
    revision(2, 48.2, { answers: [{ code: 'HTS1', from: { status: 1 }, to: { status: 2 } }] }),
  ];

  it('knows the first submission', () => {
    expect(isInitialRevision(revs[0]!)).toBe(true);
    expect(isInitialRevision(revs[1]!)).toBe(false);
  });

  it('orders newest first', () => {
    expect(historyOrder(revs).map((r) => r.revision)).toEqual([3, 2, 1]);
  });

  it('highlights what the latest revision changed, and nothing for a first submission', () => {
    expect([...changedInLatest(revs)]).toEqual(['DL2']);
    expect(changedInLatest([revs[0]!]).size).toBe(0);
    expect(changedInLatest([]).size).toBe(0);
  });

  it('gives the index movement since the previous revision', () => {
    expect(indexDelta(revs, 1)).toBeUndefined();
    expect(indexDelta(revs, 2)).toBe(8.2);
    expect(indexDelta(revs, 3)).toBe(4.2);
    expect(indexDelta(revs, 9)).toBeUndefined();
  });
});
