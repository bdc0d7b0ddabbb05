/**
 * The communes CSV: the columns it always had, then the criteria set of each commune's latest
 * assessment ("id@version"), its total points and level, then one column per group of every
 * point-based set present in the province, headed by the set and the group's Vietnamese name.
 * A commune under another set (or none: the provisional method alone) leaves those cells empty.
 * Last, its community teams' tally this year (issue #15, services/community-columns.ts).
 */
import { criteriaSetKey } from '../../domain/criteria';
import type { ReferenceData } from '../reference-data';
import type { CommuneRow } from '../schemas/provinces';
import type { CommunityTally } from '../../domain/community/tally';
import { communityCells, communityHeaders } from './community-columns';
import { toCsv, type CsvValue } from './csv';

const BASE_HEADER = [
  'commune_code',
  'commune_name',
  'commune_type',
  'submitted',
  'assessment_id',
  'revision',
  'period',
  'area_types',
  'index',
  'level',
  'review_state',
  'submitted_at',
  'received_at',
  'sync_lag_seconds',
];

const baseCells = (r: CommuneRow): CsvValue[] => [
  r.code,
  r.name,
  r.type,
  r.submitted,
  r.assessmentId,
  r.revision,
  r.period,
  r.areaTypes.join(' '),
  r.index,
  r.level,
  r.reviewState,
  r.submittedAt,
  r.receivedAt,
  r.syncLagSeconds,
];

interface GroupColumn {
  setKey: string;
  groupId: string;
  header: string;
}

/** "template-commune-index@2026.1 · NT Nhận thức số (tối đa 100 điểm)", per group of each point-based set present. */
function groupColumns(rows: readonly CommuneRow[], reference: ReferenceData): GroupColumn[] {
  const keys = new Set(
    rows.flatMap((r) =>
      r.criteria?.pointBased ? [criteriaSetKey({ id: r.criteria.setId, version: r.criteria.setVersion })] : [],
    ),
  );
  return [...keys].sort().flatMap((setKey) =>
    (reference.criteriaSets.get(setKey)?.groups ?? []).map((g) => ({
      setKey,
      groupId: g.id,
      header: `${setKey} · ${g.id} ${g.vi} (tối đa ${g.points ?? 100} điểm)`,
    })),
  );
}

export function communesCsv(
  rows: readonly CommuneRow[],
  reference: ReferenceData,
  /** The province's community tallies (the route always gives them); without, no such columns. */
  community?: { year: number; tallies: ReadonlyMap<string, CommunityTally> },
): string {
  const columns = groupColumns(rows, reference);
  const header = [
    ...BASE_HEADER,
    'criteria_set',
    'criteria_points',
    'criteria_level',
    ...columns.map((c) => c.header),
    ...(community ? communityHeaders(community.year, 'vi') : []),
  ];
  return toCsv(
    header,
    rows.map((r) => {
      const c = r.criteria;
      const key = c ? criteriaSetKey({ id: c.setId, version: c.setVersion }) : null;
      const points = new Map(c?.groups.map((g) => [g.id, g.points]));
      return [
        ...baseCells(r),
        key,
        c?.pointBased ? c.total : null,
        c?.level,
        ...columns.map((col) => (col.setKey === key ? points.get(col.groupId) : null)),
        ...(community ? communityCells(community.tallies.get(r.code)) : []),
      ];
    }),
  );
}
