/**
 * 002: commune_scores, each commune's representing assessment flattened for the dashboards (see
 * repositories/commune-scores.ts), and its backfill from the assessments already stored. Same
 * schema builder types as 001, so both dialects run it.
 *
 * The backfill needs the catalogue and methodology rules, so it uses the shared row builder and
 * the reference data in data/: the one place where a migration runs app code. To stay runnable
 * when later migrations add columns, it inserts only the columns created here.
 */
import type { Kysely } from 'kysely';
import type { Submission } from '../../../domain/submission';
import type { ScoreResult } from '../../../domain/types';
import { loadReferenceData, type ReferenceData } from '../../reference-data';
import { communeScoreRow } from '../../repositories/commune-scores';

// Migrations must not depend on the app's current Database type, which will change later.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const SCORE_COLUMNS = [...[1, 2, 3, 4].map((l) => `layer_${l}`), ...Array.from({ length: 12 }, (_, i) => `group_${i + 1}`)];
const COLUMNS = [
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
  ...SCORE_COLUMNS,
];
const PAGE = 200;

async function createTable(db: AnyDb): Promise<void> {
  let table = db.schema
    .createTable('commune_scores')
    .addColumn('commune_code', 'text', (c) => c.primaryKey())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('area_types', 'text', (c) => c.notNull())
    .addColumn('catalogue_version', 'text', (c) => c.notNull())
    .addColumn('methodology_id', 'text', (c) => c.notNull())
    .addColumn('score_index', 'double precision', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('coverage', 'text', (c) => c.notNull());
  for (const column of SCORE_COLUMNS) table = table.addColumn(column, 'double precision');
  await table.execute();
  await db.schema.createIndex('commune_scores_province_idx').on('commune_scores').column('province_code').execute();
}

/** Each commune's latest received assessment (smaller id on a tie), as the commune list picks it, a page at a time. */
function representatives(db: AnyDb, after: string) {
  return db
    .selectFrom('assessments as a')
    .innerJoin('assessment_revisions as r', (join) =>
      join.onRef('r.assessment_id', '=', 'a.id').onRef('r.revision', '=', 'a.latest_revision'),
    )
    .select([
      'a.id',
      'a.commune_code',
      'a.province_code',
      'r.revision',
      'r.received_at',
      'r.area_types',
      'r.score_index',
      'r.level',
      'r.payload',
      'r.score',
    ])
    .where(({ eb, not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('assessments as a2')
            .innerJoin('assessment_revisions as r2', (join) =>
              join.onRef('r2.assessment_id', '=', 'a2.id').onRef('r2.revision', '=', 'a2.latest_revision'),
            )
            .select('a2.id')
            .whereRef('a2.commune_code', '=', 'a.commune_code')
            .where(
              eb.or([
                eb('r2.received_at', '>', eb.ref('r.received_at')),
                eb.and([eb('r2.received_at', '=', eb.ref('r.received_at')), eb('a2.id', '<', eb.ref('a.id'))]),
              ]),
            ),
        ),
      ),
    )
    .where('a.commune_code', '>', after)
    .orderBy('a.commune_code')
    .limit(PAGE)
    .execute();
}

async function backfill(db: AnyDb): Promise<void> {
  let reference: ReferenceData | undefined;
  // Keyset pages: payloads are large, so never hold them all at once.
  for (let after = ''; ;) {
    const page = await representatives(db, after);
    if (page.length === 0) return;
    // Read only when there is something to fill: a fresh database (every test) skips it.
    reference ??= loadReferenceData();
    const { catalogues, methodologies } = reference;
    const rows = page.map((p) => {
      const submission = JSON.parse(p.payload) as Submission;
      const row: Record<string, unknown> = communeScoreRow({
        revision: { ...p, assessment_id: p.id },
        provinceCode: p.province_code,
        communeCode: p.commune_code,
        submission,
        score: JSON.parse(p.score) as ScoreResult,
        catalogue: catalogues.get(submission.catalogueVersion),
        methodology: methodologies.get(submission.methodologyId),
      });
      return Object.fromEntries(COLUMNS.map((c) => [c, row[c]]));
    });
    // A few rows per statement keeps each one far under the drivers' parameter limits.
    for (let i = 0; i < rows.length; i += 30)
      await db
        .insertInto('commune_scores')
        .values(rows.slice(i, i + 30))
        .execute();
    after = (page.at(-1) as { commune_code: string }).commune_code;
  }
}

export async function up(db: AnyDb): Promise<void> {
  // PostgreSQL runs each migration in a transaction; SQLite does not, so make this one atomic there.
  if (db.isTransaction) return createTable(db).then(() => backfill(db));
  await db.transaction().execute(async (trx) => {
    await createTable(trx);
    await backfill(trx);
  });
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('commune_scores').ifExists().execute();
}
