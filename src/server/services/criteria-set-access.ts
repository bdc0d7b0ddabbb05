/**
 * Who may see or change a province's criteria set (the shared contract of issue #12):
 * - a draft: the province's reviewers and the admin; anyone else gets 404, as if it did not exist;
 * - a published set: also the province's enrolled phones; other provinces' reviewers and phones 403.
 */
import { canReviewProvince } from '../auth/guards';
import type { AppDeps, Principal } from '../context';
import { forbidden, notFound } from '../errors';
import { findCriteriaSet, type CriteriaSetRow } from '../repositories/criteria-sets';
import type { CriteriaSetMeta } from '../schemas/criteria-sets';

export function mayRead(principal: Principal | undefined, row: Pick<CriteriaSetRow, 'province_code' | 'status'>): boolean {
  if (!principal) return false;
  if (principal.kind === 'user') return canReviewProvince(principal, row.province_code);
  return row.status === 'published' && principal.provinceCode === row.province_code;
}

/** Refuses a caller who may not read it: 404 for a draft (its id is not theirs to know), else 403. */
export function assertMayRead(principal: Principal | undefined, row: CriteriaSetRow | undefined): CriteriaSetRow {
  if (!row) throw notFound('No such criteria set');
  if (mayRead(principal, row)) return row;
  if (row.status === 'draft') throw notFound('No such criteria set');
  throw forbidden('This criteria set belongs to another province');
}

/** Uploading and publishing: the province's reviewers and the admin (404 for others' drafts). */
export function assertMayManage(principal: Principal | undefined, row: CriteriaSetRow | undefined): CriteriaSetRow {
  const readable = assertMayRead(principal, row);
  if (principal?.kind !== 'user') throw forbidden('Sign in as a reviewer or admin');
  return readable;
}

/** A set the caller may read: a published one from the cache, anything else from the database. */
export async function readableSet(deps: AppDeps, principal: Principal | undefined, id: string): Promise<CriteriaSetRow> {
  const row = deps.criteriaSets.cachedRow(id)?.row ?? (await findCriteriaSet(deps.db, id));
  return assertMayRead(principal, row);
}

export function metaOf(row: Omit<CriteriaSetRow, 'body'>): CriteriaSetMeta {
  return {
    id: row.id,
    setId: row.set_id,
    version: row.version,
    provinceCode: row.province_code,
    status: row.status,
    title: { vi: row.title_vi, en: row.title_en },
    indicatorCount: Number(row.indicator_count),
    sha256: row.sha256,
    bytes: Number(row.bytes),
    createdAt: row.created_at,
    createdBy: row.created_by,
    ...(row.published_at ? { publishedAt: row.published_at } : {}),
  };
}
