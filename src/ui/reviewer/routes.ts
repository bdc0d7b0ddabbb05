/**
 * The reviewer's hash routes, all under "#/review":
 *   #/review/sign-in[?next=…]          sign in
 *   #/review[?province=01]             communes of a province (admin without province: provinces)
 *   #/review/a/:id                     one submission and its review
 *   #/review/dashboard[?province=01]   province dashboard
 *   #/review/users                     accounts (admin)
 *   #/review/criteria-sets[?province=01]  the province's criteria sets: upload, preview, publish, compare
 */
import { PROVINCE_CODE_RE } from '../../domain/vocabulary';

export type ReviewRoute =
  | { name: 'sign-in'; next?: string }
  | { name: 'communes'; province?: string }
  | { name: 'submission'; id: string }
  | { name: 'dashboard'; province?: string; areaType?: string }
  | { name: 'users' }
  | { name: 'criteria-sets'; province?: string }
  | { name: 'not-found' };

export const REVIEW_ROOT = '/review';

/** True for "/review" and anything under "/review/". */
export function isReviewPath(path: string): boolean {
  return path === REVIEW_ROOT || path.startsWith(`${REVIEW_ROOT}/`);
}

function province(query: Readonly<Record<string, string>>): { province?: string } {
  const p = query.province;
  return p && PROVINCE_CODE_RE.test(p) ? { province: p } : {};
}

/** Only paths inside the reviewer area are followed after sign-in: no open redirect. */
export function safeNext(next: string | undefined): string | undefined {
  return next && isReviewPath(next.split('?')[0] ?? '') && !next.startsWith(`${REVIEW_ROOT}/sign-in`) ? next : undefined;
}

export function parseReviewRoute(path: string, query: Readonly<Record<string, string>> = {}): ReviewRoute {
  const parts = path.split('/').filter(Boolean);
  if (parts[0] !== 'review') return { name: 'not-found' };
  const [, first, second, ...rest] = parts;
  if (first === undefined) return { name: 'communes', ...province(query) };
  if (rest.length > 0) return { name: 'not-found' };
  if (first === 'sign-in' && second === undefined) {
    const next = safeNext(query.next);
    return next ? { name: 'sign-in', next } : { name: 'sign-in' };
  }
  if (first === 'dashboard' && second === undefined) {
    return { name: 'dashboard', ...province(query), ...(query.areaType ? { areaType: query.areaType } : {}) };
  }
  if (first === 'users' && second === undefined) return { name: 'users' };
  if (first === 'criteria-sets' && second === undefined) return { name: 'criteria-sets', ...province(query) };
  if (first === 'a' && second !== undefined) {
    try {
      return { name: 'submission', id: decodeURIComponent(second) };
    } catch {
      return { name: 'not-found' };
    }
  }
  return { name: 'not-found' };
}

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** Paths to build links with: href={`#${reviewPaths.submission(id)}`}. */
export const reviewPaths = {
  signIn: (next?: string) => withQuery(`${REVIEW_ROOT}/sign-in`, { next: safeNext(next) }),
  communes: (province?: string) => withQuery(REVIEW_ROOT, { province }),
  submission: (id: string) => `${REVIEW_ROOT}/a/${encodeURIComponent(id)}`,
  dashboard: (province?: string, areaType?: string) => withQuery(`${REVIEW_ROOT}/dashboard`, { province, areaType }),
  users: () => `${REVIEW_ROOT}/users`,
  criteriaSets: (province?: string) => withQuery(`${REVIEW_ROOT}/criteria-sets`, { province }),
};
