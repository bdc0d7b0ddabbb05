/**
 * Community-team rows (migration 011): support entries and survey responses, each keyed by the
 * phone's id and never updated. Inserted with ON CONFLICT DO NOTHING … RETURNING id, so the rows
 * a batch really added are known even when two replays of it race on two instances.
 */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, SurveyResponsesTable, TeamEntriesTable } from '../db/schema';

export type TeamEntryRow = Selectable<TeamEntriesTable>;
export type SurveyResponseRow = Selectable<SurveyResponsesTable>;

/** What is stored under an id the batch did not add. */
export interface StoredItem {
  id: string;
  commune_code: string;
  content_hash: string;
}

// Well under SQLite's and PostgreSQL's bound-parameter limits at 12 columns a row.
const CHUNK = 100;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

export type CommunityTable = 'team_entries' | 'survey_responses';

/** Inserts into either table what is new; returns the ids inserted. Run inside the batch's transaction. */
export async function insertNewRows<T extends CommunityTable>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<Set<string>> {
  const added = new Set<string>();
  for (const part of chunks(rows)) {
    const result = await db
      .insertInto(table)
      .values(part)
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .execute();
    for (const r of result) added.add(r.id);
  }
  return added;
}

export async function storedItems(
  db: Kysely<Database>,
  table: CommunityTable,
  ids: readonly string[],
): Promise<Map<string, StoredItem>> {
  const found = new Map<string, StoredItem>();
  for (const part of chunks(ids)) {
    if (part.length === 0) continue;
    const rows = await db.selectFrom(table).select(['id', 'commune_code', 'content_hash']).where('id', 'in', part).execute();
    for (const r of rows) found.set(r.id, r);
  }
  return found;
}
