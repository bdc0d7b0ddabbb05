/**
 * Storing a new revision on PostgreSQL in ONE statement, one round trip: the revision, the
 * assessment (created, or moved to the revision), the commune's dashboard row and the audit row,
 * as data-modifying WITH clauses of the audit insert. Step by step in a transaction this took six
 * round trips (BEGIN, four writes, COMMIT), each a wait on the network and on PostgreSQL's
 * executor; a single statement is atomic by itself (all of it or none), and PostgreSQL runs every
 * data-modifying WITH clause exactly once, checks the foreign keys at the end of the statement,
 * and still refuses a racing duplicate with the primary keys (the caller retries, as before).
 * SQLite has no data-modifying WITH: it keeps its transaction, whose statements cost no round trip.
 */
import type { Kysely } from 'kysely';
import { prepared, type KeyList } from '../db/prepared';
import type { Database } from '../db/schema';
import { ASSESSMENT_COLUMNS, REVISION_COLUMNS, type AssessmentRow, type RevisionRow } from './assessments';
import { AUDIT_COLUMNS, type AuditRow } from './audit';
import { COLUMN_KEYS as SCORE_COLUMNS, communeScoreUpsert, type CommuneScoreRow } from './commune-scores';

/** The statement's values, one flat object (as prepared() wants): each row's columns under a prefix. */
type Flat = Record<string, unknown>;

function flatten(prefix: string, row: object, into: Flat = {}): Flat {
  for (const [column, value] of Object.entries(row)) into[prefix + column] = value;
  return into;
}

/** The row of `columns` whose values are the flat object's `prefix` members (placeholders at compile time). */
function rowOf<T>(prefix: string, columns: KeyList<T>, v: Flat): T {
  return Object.fromEntries(Object.keys(columns).map((c) => [c, v[prefix + c]])) as T;
}

const withRevisionAndScore = (db: Kysely<Database>, v: Flat) =>
  db
    // First: its builder is typed for the plain database, before any WITH name joins it.
    .with('commune_score', (q) => communeScoreUpsert(q, rowOf<CommuneScoreRow>('s_', SCORE_COLUMNS, v)))
    .with('stored_revision', (q) => q.insertInto('assessment_revisions').values(rowOf('r_', REVISION_COLUMNS, v)));

/** Revision 1: the assessment is created already pointing at it. */
const createAssessment = prepared((db, v: Flat) =>
  withRevisionAndScore(db, v)
    .with('created', (q) => q.insertInto('assessments').values(rowOf('a_', ASSESSMENT_COLUMNS, v)))
    .insertInto('audit_log')
    .values(rowOf('l_', AUDIT_COLUMNS, v)),
);

/** A later revision: the assessment moves to it and waits for review again. */
const moveAssessment = prepared((db, v: Flat) =>
  withRevisionAndScore(db, v)
    .with('moved', (q) =>
      q
        .updateTable('assessments')
        .set({ latest_revision: v.r_revision as number, review_state: 'submitted', updated_at: v.r_received_at as string })
        .where('id', '=', v.r_assessment_id as string),
    )
    .insertInto('audit_log')
    .values(rowOf('l_', AUDIT_COLUMNS, v)),
);

export interface RevisionWrite {
  revision: RevisionRow;
  /** The assessment row to create (revision 1), or undefined to move the existing one. */
  created: AssessmentRow | undefined;
  communeScore: CommuneScoreRow;
  audit: AuditRow;
}

/** PostgreSQL only: everything a new revision writes, in one statement. */
export async function writeRevisionAtOnce(db: Kysely<Database>, write: RevisionWrite): Promise<void> {
  const values = flatten('r_', write.revision);
  flatten('s_', write.communeScore, values);
  flatten('l_', write.audit, values);
  if (write.created) await createAssessment(db, flatten('a_', write.created, values));
  else await moveAssessment(db, values);
}
