/** Rows as GET /provinces/{code}/communes returns them, for the reviewer helper tests. */
import type { CommuneRow, ReviewState } from '../../../src/ui/reviewer/types';

export function commune(code: string, name: string, latest?: Partial<CommuneRow> & { reviewState?: ReviewState }): CommuneRow {
  const base: CommuneRow = {
    code,
    name,
    type: name.startsWith('Phường') ? 'phường' : 'xã',
    submitted: false,
    assessmentCount: 0,
    assessmentId: null,
    revision: null,
    period: null,
    areaTypes: [],
    index: null,
    level: null,
    reviewState: null,
    submittedAt: null,
    receivedAt: null,
    syncLagSeconds: null,
    criteria: null,
  };
  if (!latest) return base;
  return {
    ...base,
    submitted: true,
    assessmentCount: 1,
    assessmentId: `a-${code}-0000`,
    revision: 1,
    period: '2026',
    areaTypes: ['rural'],
    index: 50,
    level: 3,
    reviewState: 'submitted',
    submittedAt: '2026-03-01T08:00:00.000Z',
    receivedAt: '2026-03-01T09:00:00.000Z',
    syncLagSeconds: 3600,
    ...latest,
  };
}
