/**
 * Published criteria sets as the server reads them back: by "id@version" for scoring a submission,
 * by row id for GET /criteria-sets/{id}. A published row never changes (migration 009), so each
 * is read and parsed once per process and then kept: a submission under a province's set costs a
 * map lookup, not a query. Only published sets are kept; a miss (unknown, or still a draft) is
 * asked of the database every time, since it may be published a moment later.
 */
import type { Kysely } from 'kysely';
import { criteriaSetKey, parseCriteriaSet, type CriteriaSet } from '../../domain/criteria';
import type { Database } from '../db/schema';
import type { ReferenceData } from '../reference-data';
import { findPublished, type CriteriaSetRow } from '../repositories/criteria-sets';

export interface PublishedSet {
  /** The row, body (the canonical JSON served as is) included. */
  row: CriteriaSetRow;
  set: CriteriaSet;
}

export class CriteriaSetStore {
  private readonly byKey = new Map<string, PublishedSet>();
  private readonly byRowId = new Map<string, PublishedSet>();

  /** A published row's set, parsed once (it was validated in full before it was stored). */
  remember(row: CriteriaSetRow): PublishedSet {
    const held = this.byRowId.get(row.id);
    if (held) return held;
    const entry = { row, set: parseCriteriaSet(JSON.parse(row.body)) };
    if (row.status === 'published') {
      this.byRowId.set(row.id, entry);
      this.byKey.set(criteriaSetKey({ id: row.set_id, version: row.version }), entry);
    }
    return entry;
  }

  cachedRow(id: string): PublishedSet | undefined {
    return this.byRowId.get(id);
  }

  /** The published set of that id and version (any province's: the caller checks whose). */
  async published(db: Kysely<Database>, ref: { id: string; version: string }): Promise<PublishedSet | undefined> {
    const held = this.byKey.get(criteriaSetKey(ref));
    if (held) return held;
    const row = await findPublished(db, ref.id, ref.version);
    return row ? this.remember(row) : undefined;
  }
}

/**
 * The reference data as a province's dashboard sees it: the bundled sets plus the province's
 * published sets that its communes' assessments name (each a cache hit after its first read), so
 * the summary, the commune list and the CSV show a province's own set and version like a bundled one.
 */
export async function referenceForProvince(
  deps: { db: Kysely<Database>; reference: ReferenceData; criteriaSets: CriteriaSetStore },
  provinceCode: string,
  named: readonly { setId: string; setVersion: string }[],
): Promise<ReferenceData> {
  const sets = new Map(deps.reference.criteriaSets);
  for (const { setId, setVersion } of named) {
    const key = criteriaSetKey({ id: setId, version: setVersion });
    if (sets.has(key)) continue;
    const published = await deps.criteriaSets.published(deps.db, { id: setId, version: setVersion });
    if (published?.row.province_code === provinceCode) sets.set(key, published.set);
  }
  return sets.size === deps.reference.criteriaSets.size ? deps.reference : { ...deps.reference, criteriaSets: sets };
}
