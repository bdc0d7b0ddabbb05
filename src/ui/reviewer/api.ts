/**
 * A small typed client of the reviewer API. Same origin, JSON, `Authorization: Bearer <token>`
 * from the session (./session.ts). Every failure becomes an ApiError carrying the server's
 * `{error:{code,message}}`; a 401 on a signed-in call ends the session and leads to sign-in.
 * URLs and error bodies are read as the phone's sync client reads them (src/sync/http.ts); the
 * reviewer keeps its own fetch because it needs the raw response (CSV) and abort signals.
 */
import { apiUrl, errorDetails, readError, readJson } from '../../sync/http';
import { navigate } from '../router';
import { getSession, setSession } from './session';
import { reviewPaths } from './routes';
import type {
  Account,
  AssessmentView,
  CommuneList,
  CreateUserRequest,
  DeviceList,
  EnrollmentCode,
  OpenEnrollmentCodes,
  ProvinceOverview,
  ProvinceSummary,
  ReviewRequest,
  VerificationView,
  VerifyRequest,
  ReviewResponse,
  RevisionList,
  SessionUser,
  SignInResponse,
} from './types';

export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function errorFrom(res: Response): Promise<ApiError> {
  const body = await readJson(res);
  const { code, message } = readError(body, res.status);
  return new ApiError(res.status, code, message, errorDetails(body));
}

/**
 * The administrator reset this account's password: every call but changing it is refused until
 * the user chooses a new one. Marking the session sends the screen to that step (ReviewerRoutes).
 */
function passwordChangeRequired(): void {
  const session = getSession();
  if (session && !session.user.mustChangePassword)
    setSession({ ...session, user: { ...session.user, mustChangePassword: true } });
}

/** A signed-in call was refused: forget the token and go to sign-in, then back here. */
function sessionExpired(): void {
  setSession(undefined);
  const here = typeof location === 'undefined' ? undefined : location.hash.replace(/^#/, '');
  navigate(reviewPaths.signIn(here), { replace: true });
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Send without the token and never treat 401 as an expired session (sign-in itself). */
  anonymous?: boolean;
  signal?: AbortSignal;
  accept?: string;
}

/** The raw response of a successful call (status 2xx); throws ApiError otherwise. */
export async function send(path: string, opts: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: opts.accept ?? 'application/json' };
  const token = opts.anonymous ? undefined : getSession()?.token;
  if (token) headers.authorization = `Bearer ${token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(apiUrl(path), {
      method: opts.method ?? 'GET',
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', err instanceof Error ? err.message : String(err));
  }
  if (res.ok) return res;
  throw await failure(res, opts.anonymous === true);
}

/**
 * The ApiError of a refused signed-in call, after acting on it as every call does (a 401 ends the
 * session, a required password change is marked); for callers that cannot use send() (an upload
 * with progress goes through XMLHttpRequest).
 */
export async function failure(res: Response, anonymous = false): Promise<ApiError> {
  const error = await errorFrom(res);
  if (res.status === 401 && !anonymous) sessionExpired();
  if (res.status === 403 && error.code === 'password_change_required') passwordChangeRequired();
  return error;
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(path, opts);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

const enc = encodeURIComponent;

export async function signIn(username: string, password: string): Promise<SessionUser> {
  const res = await request<SignInResponse>('/sessions', { method: 'POST', body: { username, password }, anonymous: true });
  setSession({ token: res.token, user: res.user });
  return res.user;
}

/** Ends the session on the server when it can; the local token is forgotten in any case. */
export async function signOut(): Promise<void> {
  try {
    if (getSession()) await send('/sessions/current', { method: 'DELETE', anonymous: false });
  } catch {
    // Offline or already expired: nothing more to do.
  } finally {
    setSession(undefined);
  }
}

/** PUT /sessions/current/password: the session stays and no longer needs a change. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await request<void>('/sessions/current/password', { method: 'PUT', body: { currentPassword, newPassword } });
  const session = getSession();
  if (session) setSession({ ...session, user: { ...session.user, mustChangePassword: false } });
}

export const api = {
  provinces: (signal?: AbortSignal) => request<ProvinceOverview>('/provinces', { signal }),
  communes: (province: string, signal?: AbortSignal) => request<CommuneList>(`/provinces/${enc(province)}/communes`, { signal }),
  assessment: (id: string, signal?: AbortSignal) => request<AssessmentView>(`/assessments/${enc(id)}`, { signal }),
  revisions: (id: string, signal?: AbortSignal) => request<RevisionList>(`/assessments/${enc(id)}/revisions`, { signal }),
  verification: (id: string, signal?: AbortSignal) =>
    request<VerificationView>(`/assessments/${enc(id)}/verification`, { signal }),
  verify: (id: string, body: VerifyRequest) =>
    request<VerificationView>(`/assessments/${enc(id)}/verifications`, { method: 'POST', body }),
  review: (id: string, body: ReviewRequest) =>
    request<ReviewResponse>(`/assessments/${enc(id)}/reviews`, { method: 'POST', body }),
  enrollmentCode: (commune: string) => request<EnrollmentCode>(`/communes/${enc(commune)}/enrollment-codes`, { method: 'POST' }),
  summary: (province: string, areaType?: string, signal?: AbortSignal) =>
    request<ProvinceSummary>(`/provinces/${enc(province)}/summary${areaType ? `?areaType=${enc(areaType)}` : ''}`, {
      signal,
    }),
  openCodes: (commune: string, signal?: AbortSignal) =>
    request<OpenEnrollmentCodes>(`/communes/${enc(commune)}/enrollment-codes`, { signal }),
  revokeCode: (id: string) => request<void>(`/enrollment-codes/${enc(id)}`, { method: 'DELETE' }),
  devices: (commune: string, signal?: AbortSignal) => request<DeviceList>(`/communes/${enc(commune)}/devices`, { signal }),
  revokeDevice: (id: string) => request<void>(`/devices/${enc(id)}`, { method: 'DELETE' }),
  createUser: (body: CreateUserRequest) => request<unknown>('/users', { method: 'POST', body }),
  users: (signal?: AbortSignal) => request<{ users: Account[] }>('/users', { signal }),
  disableUser: (id: string) => request<Account>(`/users/${enc(id)}/disable`, { method: 'POST' }),
  enableUser: (id: string) => request<Account>(`/users/${enc(id)}/enable`, { method: 'POST' }),
  resetPassword: (id: string, password: string) =>
    request<Account>(`/users/${enc(id)}/password`, { method: 'POST', body: { password } }),
};
