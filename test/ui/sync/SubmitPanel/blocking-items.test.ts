// Issue #10 item 3: the submit panel names every component that blocks sending, once each.
import { describe, expect, it } from 'vitest';
import { blockingRows } from '../../../../src/ui/sync/SubmitPanel/BlockingItems';

describe('blockingRows', () => {
  it('keeps one row per component (its first problem), in the order found, and drops problems without a code', () => {
    const rows = blockingRows([
      { code: 'DL20', problem: 'na-reason-required' },
      { problem: 'period-required' },
      { code: 'ANM7', problem: 'required-unanswered' },
      { code: 'DL20', problem: 'note-too-long' },
    ]);
    expect(rows).toEqual([
      { code: 'DL20', problem: 'na-reason-required' },
      { code: 'ANM7', problem: 'required-unanswered' },
    ]);
  });
});
