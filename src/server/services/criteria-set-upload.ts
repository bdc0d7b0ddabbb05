/**
 * Checking an uploaded criteria set in full before anything is stored: the domain's schema and
 * cross-field checks against the catalogue versions the set names (as for the bundled sets in
 * reference-data.ts), then what only the server knows: the set id must not be a bundled set's nor
 * another province's, and the version must not be published already or older than one that is.
 * Every problem is reported at once; the caller inserts one row only when there is none.
 */
import { createHash } from 'node:crypto';
import { criteriaSetSchema } from '../../domain/criteria';
import type { CriteriaSet } from '../../domain/criteria';
import type { Catalogue } from '../../domain/types';
import type { AppDeps } from '../context';
import { surveyClash } from '../community/province-surveys';
import { ApiError } from '../errors';
import { provincesUsingSetId, publishedVersions } from '../repositories/criteria-sets';
import { problemsOf, type CriteriaSetProblem } from './criteria-set-problems';

/** "2026.10" after "2026.9": year, then number. */
export function compareVersions(a: string, b: string): number {
  const [ya = 0, na = 0] = a.split('.').map(Number);
  const [yb = 0, nb = 0] = b.split('.').map(Number);
  return ya - yb || na - nb;
}

export interface CheckedSet {
  set: CriteriaSet;
  /** The canonical JSON stored and served; sha256 and bytes are of it. */
  body: string;
  sha256: string;
  bytes: number;
}

/** The catalogues to check links against: those the set names that the server holds, else the newest. */
function cataloguesFor(raw: unknown, deps: AppDeps): Catalogue[] {
  const named = (raw as { catalogueVersions?: unknown } | null)?.catalogueVersions;
  const held = (Array.isArray(named) ? named : []).flatMap((v) => {
    const catalogue = typeof v === 'string' ? deps.reference.catalogues.get(v) : undefined;
    return catalogue ? [catalogue] : [];
  });
  if (held.length > 0) return held;
  const newest = deps.reference.catalogues.get(deps.reference.current.catalogueVersion);
  return newest ? [newest] : [];
}

/** Schema and cross-field checks; problems deduplicated across the catalogue versions checked. */
export function validateUploadedSet(
  raw: unknown,
  deps: AppDeps,
): { ok: true; set: CriteriaSet } | { ok: false; problems: CriteriaSetProblem[] } {
  const problems = new Map<string, CriteriaSetProblem>();
  let set: CriteriaSet | undefined;
  for (const catalogue of cataloguesFor(raw, deps)) {
    const result = criteriaSetSchema(catalogue).safeParse(raw);
    if (result.success) set = result.data;
    else for (const p of problemsOf(result.error, raw)) problems.set(`${p.path ?? ''}\u0000${p.message}`, p);
  }
  if (problems.size > 0 || !set) return { ok: false, problems: [...problems.values()] };
  return { ok: true, set };
}

/** What only the server knows: bundled ids, other provinces' ids, versions already published, the province's published surveys. */
export async function collisionProblems(deps: AppDeps, provinceCode: string, set: CriteriaSet): Promise<CriteriaSetProblem[]> {
  const problems: CriteriaSetProblem[] = [];
  const bundled = [...deps.reference.criteriaSets.values()].some((s) => s.id === set.id);
  if (bundled)
    problems.push({
      path: 'id',
      message: `mã bộ tiêu chí "${set.id}" trùng với một bộ có sẵn của hệ thống; hãy đặt mã riêng cho tỉnh (ví dụ "${provinceCode}-chi-so-xa")`,
    });
  const [users, versions, clash] = await Promise.all([
    provincesUsingSetId(deps.db, set.id),
    publishedVersions(deps.db, set.id),
    surveyClash(deps, provinceCode, set.survey),
  ]);
  if (clash && set.survey)
    problems.push({
      path: 'survey.id',
      message: `phiếu khảo sát "${set.survey.id}" phiên bản ${set.survey.version} đã được tỉnh công bố với câu hỏi khác; hãy đặt mã phiếu khác`,
    });
  if (users.some((p) => p !== provinceCode))
    problems.push({ path: 'id', message: `mã bộ tiêu chí "${set.id}" đã được một tỉnh khác dùng; hãy đặt mã khác` });
  if (versions.includes(set.version))
    problems.push({
      path: 'version',
      message: `phiên bản ${set.version} của bộ "${set.id}" đã được công bố và không sửa được nữa; hãy ghi phiên bản mới (ví dụ ${nextVersion(set.version)})`,
    });
  else {
    const newest = [...versions].sort(compareVersions).at(-1);
    if (newest && compareVersions(set.version, newest) < 0)
      problems.push({
        path: 'version',
        message: `phiên bản ${set.version} cũ hơn phiên bản ${newest} đã công bố; phiên bản mới phải lớn hơn`,
      });
  }
  return problems;
}

function nextVersion(version: string): string {
  const [year, n] = version.split('.');
  return `${year}.${Number(n) + 1}`;
}

/** The canonical form: the parsed set (keys in the schema's order) without an editor's $schema. */
export function canonicalSet(set: CriteriaSet): CheckedSet {
  const { $schema: _editorHint, ...rest } = set;
  const body = JSON.stringify(rest);
  const bytes = Buffer.byteLength(body, 'utf8');
  return { set: rest, body, bytes, sha256: createHash('sha256').update(body).digest('hex') };
}

export function invalidCriteriaSet(problems: CriteriaSetProblem[]): ApiError {
  return new ApiError(422, 'invalid_criteria_set', `The criteria set has ${problems.length} problem(s); nothing was stored`, {
    problems,
  });
}
