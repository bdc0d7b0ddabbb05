/**
 * commune_scores: for every commune that has sent anything, the figures of the assessment that
 * represents it on the dashboards (its latest received; the smaller id when two arrive in the
 * same millisecond), flattened so that a province summary aggregates a few thousand narrow rows in
 * SQL instead of re-reading every payload and JSON score of the country per request (issue #4).
 * Derived data: recordCommuneScore runs in the transaction that stores each revision, migration
 * 002 backfilled the communes stored before it.
 *
 * Coverage marks, one character per component of the row's catalogue, in catalogue order:
 *   '-' the component does not count for this assessment (not applicable, N/A, unnamed "…khác");
 *   '0' it counts and is not covered (status 0 or 1, or unanswered);
 *   '1' it counts and is covered (status 2 or 3).
 */
import type { Kysely, QueryCreator, Selectable } from 'kysely';
import { applicableComponents } from '../../domain/catalogue';
import { componentWeight } from '../../domain/scoring';
import type { Submission } from '../../domain/submission';
import type { AreaType, Catalogue, Methodology, ScoreResult } from '../../domain/types';
import { prepared } from '../db/prepared';
import type { CommuneScoresTable, Database, ScoreGroupSlot } from '../db/schema';
import type { RevisionRow } from './assessments';
import { criteriaColumns } from './criteria-columns';

export type CommuneScoreRow = Selectable<CommuneScoresTable>;

export const LAYERS = [1, 2, 3, 4] as const;
export const GROUP_SLOTS: readonly ScoreGroupSlot[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
export const MARK = { notCounted: '-', uncovered: '0', covered: '1' } as const;

export interface CommuneScoreSource {
  /** The revision as stored (id, number, reception time, area types, index and level). */
  revision: Pick<RevisionRow, 'assessment_id' | 'revision' | 'received_at' | 'area_types' | 'score_index' | 'level'>;
  provinceCode: string;
  communeCode: string;
  submission: Submission;
  score: ScoreResult;
  /** The ones the submission names; undefined only when a backfill meets data no longer shipped. */
  catalogue: Catalogue | undefined;
  methodology: Methodology | undefined;
}

/** The dashboard's coverage rule, decided once when the revision is stored. */
export function coverageMarks(submission: Submission, catalogue: Catalogue, methodology: Methodology): string {
  const answers = new Map(submission.answers.map((a) => [a.code, a]));
  const applicable = new Set(applicableComponents(catalogue, submission.areaTypes));
  let marks = '';
  for (const component of catalogue.components) {
    const answer = answers.get(component.code);
    if (!applicable.has(component) || componentWeight(component, answer, methodology) === 0) marks += MARK.notCounted;
    else marks += typeof answer?.status === 'number' && answer.status >= 2 ? MARK.covered : MARK.uncovered;
  }
  return marks;
}

/** The row of a stored revision. Pure: the submission path, migration 002 and the bench seed share it. */
export function communeScoreRow(source: CommuneScoreSource): CommuneScoreRow {
  const { revision, submission, score, catalogue, methodology } = source;
  const groups = methodology?.scoreGroups ?? [];
  if (groups.length > GROUP_SLOTS.length)
    throw new Error(`methodology ${methodology?.id} has more score groups than commune_scores holds`);
  const row: Record<string, string | number | null> = {
    commune_code: source.communeCode,
    province_code: source.provinceCode,
    assessment_id: revision.assessment_id,
    revision: revision.revision,
    received_at: revision.received_at,
    area_types: revision.area_types,
    catalogue_version: submission.catalogueVersion,
    methodology_id: submission.methodologyId,
    score_index: revision.score_index,
    level: revision.level,
    coverage: catalogue && methodology ? coverageMarks(submission, catalogue, methodology) : '',
    ...criteriaColumns(score.criteria),
  };
  for (const layer of LAYERS) row[`layer_${layer}`] = score.layers.find((l) => l.layer === layer)?.score ?? null;
  // Slot k holds the k-th score group of the methodology; readers map it back to the group id.
  for (const slot of GROUP_SLOTS) row[`group_${slot}`] = score.groups.find((g) => g.id === groups[slot - 1]?.id)?.score ?? null;
  return row as CommuneScoreRow;
}

/** Every column, listed as the prepared insert needs them (see ../db/prepared.ts). */
export const COLUMN_KEYS = Object.fromEntries(
  [
    ...[
      'commune_code',
      'province_code',
      'assessment_id',
      'revision',
      'received_at',
      'area_types',
      'catalogue_version',
      'methodology_id',
      'score_index',
      'level',
      'coverage',
      'criteria_set_id',
      'criteria_set_version',
      'criteria_total',
      'criteria_level',
      'criteria_groups',
    ],
    ...LAYERS.map((l) => `layer_${l}`),
    ...GROUP_SLOTS.map((g) => `group_${g}`),
  ].map((c) => [c, true]),
) as { [K in keyof CommuneScoreRow]-?: true };
const UPDATED_COLUMNS = (Object.keys(COLUMN_KEYS) as (keyof CommuneScoreRow)[]).filter((c) => c !== 'commune_code');

/**
 * The upsert itself, as a builder: recordCommuneScore prepares it alone; on PostgreSQL it is also one
 * part of the statement that stores a revision at once (./revision-write.ts).
 */
export const communeScoreUpsert = (db: QueryCreator<Database>, v: CommuneScoreRow) =>
  db
    .insertInto('commune_scores')
    .values(v)
    .onConflict((oc) =>
      oc
        .column('commune_code')
        .doUpdateSet((eb) => Object.fromEntries(UPDATED_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)])))
        .where((eb) =>
          eb.or([
            eb('commune_scores.received_at', '<', eb.ref('excluded.received_at')),
            eb.and([
              eb('commune_scores.received_at', '=', eb.ref('excluded.received_at')),
              eb('commune_scores.assessment_id', '>', eb.ref('excluded.assessment_id')),
            ]),
            eb.and([
              eb('commune_scores.assessment_id', '=', eb.ref('excluded.assessment_id')),
              eb('commune_scores.revision', '<', eb.ref('excluded.revision')),
            ]),
          ]),
        ),
    );

// Compiled once: it runs with every stored revision.
const upsert = prepared(communeScoreUpsert, COLUMN_KEYS);

/**
 * Makes a just-stored revision its commune's row if it now represents the commune: it was received
 * later than the row's (or at the same instant with a smaller id), or it is a newer revision of
 * the row's own assessment. One statement, so it is also the lock: PostgreSQL re-checks the
 * condition against the row as committed by a racing instance, and the latest always wins.
 */
export async function recordCommuneScore(db: Kysely<Database>, source: CommuneScoreSource): Promise<void> {
  await upsert(db, communeScoreRow(source));
}

export interface CommuneFilter {
  provinceCode?: string | undefined;
  /** Only communes whose representing assessment lists this area type. */
  areaType?: AreaType | undefined;
}

/** The rows of the filter's communes, as `s`. */
export function communeScores(db: Kysely<Database>, filter: CommuneFilter) {
  return db
    .selectFrom('commune_scores as s')
    .$if(filter.provinceCode !== undefined, (qb) => qb.where('s.province_code', '=', filter.provinceCode ?? ''))
    .$if(filter.areaType !== undefined, (qb) => qb.where('s.area_types', 'like', `%"${filter.areaType ?? ''}"%`));
}

/** Sum and count of the non-null values of one column. */
export interface Total {
  sum: number;
  count: number;
}

/** Per methodology, because group slots mean different groups under different methodologies. */
export interface ScoreTotals {
  methodologyId: string;
  /** With `byProvince` only. */
  provinceCode?: string;
  index: Total;
  layers: Map<number, Total>;
  /** By slot − 1. */
  groups: Total[];
}

/**
 * Sums and counts (not means: means of parts do not combine) over the communes. Only the first
 * `groupSlots` slots are read, the most any known methodology uses: every aggregate costs time
 * on every row, and slots beyond could not be named anyway.
 */
export async function scoreTotals(
  db: Kysely<Database>,
  filter: CommuneFilter,
  groupSlots: number,
  byProvince = false,
): Promise<ScoreTotals[]> {
  const slots = GROUP_SLOTS.slice(0, groupSlots);
  const columns = [
    'score_index',
    ...LAYERS.map((l) => `layer_${l}` as const),
    ...slots.map((g) => `group_${g}` as const),
  ] as const;
  const rows = await communeScores(db, filter)
    .select((eb) =>
      columns.flatMap((c) => [
        eb.fn.sum<number | string | null>(`s.${c}`).as(`${c}_sum`),
        eb.fn.count<number | string>(`s.${c}`).as(`${c}_n`),
      ]),
    )
    .select('s.methodology_id')
    .groupBy('s.methodology_id')
    .$if(byProvince, (qb) => qb.select('s.province_code').groupBy('s.province_code'))
    .execute();
  return rows.map((raw) => {
    // PostgreSQL returns bigint counts as strings; SQLite returns numbers.
    const r = raw as unknown as Record<string, number | string | null>;
    const total = (c: string): Total => ({ sum: Number(r[`${c}_sum`] ?? 0), count: Number(r[`${c}_n`] ?? 0) });
    return {
      methodologyId: raw.methodology_id,
      ...('province_code' in raw ? { provinceCode: String(raw.province_code) } : {}),
      index: total('score_index'),
      layers: new Map(LAYERS.map((l) => [l, total(`layer_${l}`)])),
      groups: slots.map((g) => total(`group_${g}`)),
    };
  });
}

export type CountedRow = Pick<CommuneScoreRow, 'level' | 'catalogue_version' | 'methodology_id' | 'coverage'>;

/** The communes' levels and coverage marks, newest first like the commune list. */
export function countedRows(db: Kysely<Database>, filter: CommuneFilter): Promise<CountedRow[]> {
  return communeScores(db, filter)
    .select(['s.level', 's.catalogue_version', 's.methodology_id', 's.coverage'])
    .orderBy('s.received_at', 'desc')
    .orderBy('s.assessment_id')
    .execute();
}

export interface LevelCount {
  provinceCode: string;
  level: number;
  communes: number;
}

/** How many communes of each province stand at each level (the national overview). */
export async function levelsByProvince(db: Kysely<Database>): Promise<LevelCount[]> {
  const rows = await db
    .selectFrom('commune_scores')
    .select((eb) => ['province_code', 'level', eb.fn.countAll<number | string>().as('n')])
    .groupBy(['province_code', 'level'])
    .execute();
  return rows.map((r) => ({ provinceCode: r.province_code, level: r.level, communes: Number(r.n) }));
}
