/**
 * Provinces' criteria sets (migration 009): drafts are inserted whole, once validated; publishing
 * turns a draft into a published row, which nothing updates or deletes afterwards (a trigger
 * refuses it). Queries are valid on SQLite and PostgreSQL alike.
 */
import type { Kysely, Selectable } from 'kysely';
import type { CriteriaSetStatus, CriteriaSetsTable, Database } from '../db/schema';

export type CriteriaSetRow = Selectable<CriteriaSetsTable>;
/** A row without its body: what lists need. */
export type CriteriaSetHead = Omit<CriteriaSetRow, 'body'>;

const HEAD_COLUMNS = [
  'id',
  'set_id',
  'version',
  'province_code',
  'status',
  'title_vi',
  'title_en',
  'indicator_count',
  'sha256',
  'bytes',
  'created_at',
  'created_by',
  'published_at',
  'published_by',
] as const;

export async function insertCriteriaSet(db: Kysely<Database>, row: CriteriaSetRow): Promise<void> {
  await db.insertInto('criteria_sets').values(row).execute();
}

export function findCriteriaSet(db: Kysely<Database>, id: string): Promise<CriteriaSetRow | undefined> {
  return db.selectFrom('criteria_sets').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The published row of a set id and version, if any (at most one: a unique index). */
export function findPublished(db: Kysely<Database>, setId: string, version: string): Promise<CriteriaSetRow | undefined> {
  return db
    .selectFrom('criteria_sets')
    .selectAll()
    .where('set_id', '=', setId)
    .where('version', '=', version)
    .where('status', '=', 'published')
    .executeTakeFirst();
}

/** Whether a province holds an unpublished draft of that set id and version. */
export async function hasDraft(db: Kysely<Database>, provinceCode: string, setId: string, version: string): Promise<boolean> {
  const row = await db
    .selectFrom('criteria_sets')
    .select('id')
    .where('province_code', '=', provinceCode)
    .where('set_id', '=', setId)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return row !== undefined;
}

/** Heads of the sets of one province (or every province), newest first. */
export function listCriteriaSets(
  db: Kysely<Database>,
  filter: { provinceCode?: string | undefined; statuses: readonly CriteriaSetStatus[] },
): Promise<CriteriaSetHead[]> {
  let query = db.selectFrom('criteria_sets').select(HEAD_COLUMNS).where('status', 'in', filter.statuses);
  if (filter.provinceCode !== undefined) query = query.where('province_code', '=', filter.provinceCode);
  return query.orderBy('created_at', 'desc').orderBy('id').execute();
}

/** The province a set id belongs to: its owner, else any province that uploaded it, else none. */
export async function provincesUsingSetId(db: Kysely<Database>, setId: string): Promise<string[]> {
  const [owner, uploads] = await Promise.all([
    db.selectFrom('criteria_set_owners').select('province_code').where('set_id', '=', setId).executeTakeFirst(),
    db.selectFrom('criteria_sets').select('province_code').distinct().where('set_id', '=', setId).execute(),
  ]);
  return [...new Set([...(owner ? [owner.province_code] : []), ...uploads.map((u) => u.province_code)])];
}

/** Versions of a set id already published (to refuse a duplicate or an older one). */
export async function publishedVersions(db: Kysely<Database>, setId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('criteria_sets')
    .select('version')
    .where('set_id', '=', setId)
    .where('status', '=', 'published')
    .execute();
  return rows.map((r) => r.version);
}

/**
 * Claims a set id for a province (a no-op when it already owns it) and returns the owner after
 * the claim: another province's code means the id was taken first.
 */
export async function claimSetId(db: Kysely<Database>, setId: string, provinceCode: string, at: string): Promise<string> {
  await db
    .insertInto('criteria_set_owners')
    .values({ set_id: setId, province_code: provinceCode, claimed_at: at })
    .onConflict((oc) => oc.column('set_id').doNothing())
    .execute();
  const owner = await db
    .selectFrom('criteria_set_owners')
    .select('province_code')
    .where('set_id', '=', setId)
    .executeTakeFirstOrThrow();
  return owner.province_code;
}

/** Draft → published; false when the row was not a draft any more (a concurrent publish won). */
export async function markPublished(db: Kysely<Database>, id: string, at: string, by: string): Promise<boolean> {
  const result = await db
    .updateTable('criteria_sets')
    .set({ status: 'published', published_at: at, published_by: by })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
