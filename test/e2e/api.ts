/**
 * The test server's API (/api/v1), for what a journey sets up or checks behind the screens:
 * accounts, enrollment codes, a device's submission, the stored revisions.
 */
import { randomUUID } from 'node:crypto';
import { ADMIN_PASSWORD, BASE_URL } from './env';
import type { CommuneFixture, FixtureAnswer } from './fixtures';

/** One request to the test server's API; a non-2xx answer throws with its status and body. */
export async function call<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const res = await fetch(new URL(`api/v1${path}`, BASE_URL), {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function signIn(username: string, password: string): Promise<string> {
  return (await call<{ token: string }>('POST', '/sessions', undefined, { username, password })).token;
}

export function adminToken(): Promise<string> {
  return signIn('admin', ADMIN_PASSWORD);
}

export interface Account {
  username: string;
  password: string;
  provinceCode: string;
}

/** A new reviewer for a province, created by the admin (POST /users); unique per call. */
export async function createReviewer(provinceCode: string, prefix = 'rv'): Promise<Account> {
  const account = {
    username: `${prefix}-${provinceCode}-${randomUUID().slice(0, 8)}`,
    password: `pw-${randomUUID()}`,
    provinceCode,
  };
  await call('POST', '/users', await adminToken(), { ...account, role: 'reviewer' });
  return account;
}

export interface Revision {
  revision: number;
  index: number;
  level: number;
  reviews: { verdict: string; comment: string }[];
}

/** Every stored revision of an assessment, oldest first; [] when the server has none (404). */
export async function revisions(token: string, assessmentId: string): Promise<Revision[]> {
  const res = await fetch(new URL(`api/v1/assessments/${encodeURIComponent(assessmentId)}/revisions`, BASE_URL), {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (res.status === 404) return [];
  if (!res.ok) throw new Error(`GET revisions → ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { revisions: Revision[] }).revisions;
}

export async function issueEnrollmentCode(token: string, communeCode: string): Promise<{ code: string; link: string }> {
  return call('POST', `/communes/${communeCode}/enrollment-codes`, token, {});
}

/** A phone enrolled with a code (POST /enrollments); returns its device token. */
export async function enrollPhone(code: string, label: string): Promise<string> {
  return (await call<{ token: string }>('POST', '/enrollments', undefined, { code, label })).token;
}

/**
 * A phone that enrolled with a code and sent the fixture as revision 1 — straight through the
 * API, for screens that only need a submission to exist. Returns the assessment id.
 */
export async function submitThroughApi(
  reviewerToken: string,
  fx: CommuneFixture,
  answers: Record<string, FixtureAnswer> = fx.answers,
): Promise<string> {
  const { code } = await issueEnrollmentCode(reviewerToken, fx.communeCode);
  const { token } = await call<{ token: string }>('POST', '/enrollments', undefined, { code, label: 'e2e' });
  const id = randomUUID();
  const now = new Date().toISOString();
  await call('PUT', `/assessments/${id}`, token, {
    revision: 1,
    baseRevision: null,
    communeCode: fx.communeCode,
    areaTypes: fx.areaTypes,
    period: fx.period,
    catalogueVersion: '2026.1',
    methodologyId: 'provisional-2026.1',
    helpers: fx.helpers,
    submittedAt: now,
    answers: Object.entries(answers).map(([c, a]) => ({ code: c, ...a, updatedAt: now })),
  });
  return id;
}
