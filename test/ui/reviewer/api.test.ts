import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const navigate = vi.fn();
vi.mock('../../../src/ui/router', () => ({ navigate: (...args: unknown[]) => navigate(...args) }));

const { api, ApiError, request, signIn, signOut } = await import('../../../src/ui/reviewer/api');
const { getSession, setSession } = await import('../../../src/ui/reviewer/session');
const { errorKey } = await import('../../../src/ui/reviewer/errors');

type Call = { url: string; init: RequestInit };
let calls: Call[];

function respond(status: number, body?: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body), { status, headers });
  });
  vi.stubGlobal('fetch', fetchMock);
}

const user = { id: 'u1', username: 'hanoi', role: 'reviewer' as const, provinceCode: '01' };

beforeEach(() => {
  // The page the reviewer area runs in: URLs are built beside it (src/sync/http.ts apiUrl).
  vi.stubGlobal('document', { baseURI: 'http://localhost/' });
  calls = [];
  navigate.mockClear();
  setSession(undefined);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('reviewer API client', () => {
  it('signs in anonymously and keeps the token for later calls', async () => {
    respond(201, { token: 's.abc', expiresAt: '2026-03-05T20:00:00Z', user });
    await signIn('hanoi', 'secret-password');
    expect(calls[0]!.url).toBe('http://localhost/api/v1/sessions');
    expect(calls[0]!.init.method).toBe('POST');
    expect((calls[0]!.init.headers as Record<string, string>).authorization).toBeUndefined();
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ username: 'hanoi', password: 'secret-password' });
    expect(getSession()).toEqual({ token: 's.abc', user });

    respond(200, { provinceCode: '01', provinceName: 'Thành phố Hà Nội', communes: [] });
    const list = await api.communes('01');
    expect(list.provinceName).toBe('Thành phố Hà Nội');
    expect(calls[1]!.url).toBe('http://localhost/api/v1/provinces/01/communes');
    expect((calls[1]!.init.headers as Record<string, string>).authorization).toBe('Bearer s.abc');
  });

  it('turns the server error body into an ApiError; wrong credentials do not redirect', async () => {
    respond(401, { error: { code: 'invalid_credentials', message: 'Wrong username or password' } });
    const err = await signIn('hanoi', 'nope').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 401, code: 'invalid_credentials' });
    expect(errorKey(err)).toBe('invalid-credentials');
    expect(navigate).not.toHaveBeenCalled();
    expect(getSession()).toBeUndefined();
  });

  it('keeps the extra details of an error', async () => {
    respond(429, { error: { code: 'too_many_attempts', message: 'later', retryAfterSeconds: 900 } });
    const err = await signIn('hanoi', 'x').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'too_many_attempts', details: { retryAfterSeconds: 900 } });
    expect(errorKey(err)).toBe('too-many-attempts');
  });

  it('a 401 on a signed-in call ends the session and goes to sign-in', async () => {
    setSession({ token: 's.old', user });
    vi.stubGlobal('location', { hash: '#/review/a/xyz' });
    respond(401, { error: { code: 'unauthorized', message: 'Sign in' } });
    await expect(api.assessment('xyz')).rejects.toMatchObject({ status: 401 });
    expect(getSession()).toBeUndefined();
    expect(navigate).toHaveBeenCalledWith('/review/sign-in?next=%2Freview%2Fa%2Fxyz', { replace: true });
  });

  it('reports a network failure and a non-JSON error page', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const net = await request('/provinces').catch((e: unknown) => e);
    expect(net).toMatchObject({ status: 0, code: 'network' });
    expect(errorKey(net)).toBe('network');

    respond(502, '<html>Bad gateway</html>', { 'content-type': 'text/html' });
    const bad = await request('/provinces').catch((e: unknown) => e);
    expect(bad).toMatchObject({ status: 502, code: 'http_502' });
    expect(errorKey(bad)).toBe('server');
  });

  it('encodes path parts and sends the review as JSON', async () => {
    setSession({ token: 's.t', user });
    respond(201, { assessmentId: 'a/b', reviewState: 'returned', review: {} });
    await api.review('a/b', { verdict: 'returned', comment: 'Bổ sung ANM', revision: 2 });
    expect(calls[0]!.url).toBe('http://localhost/api/v1/assessments/a%2Fb/reviews');
    expect((calls[0]!.init.headers as Record<string, string>)['content-type']).toBe('application/json');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ verdict: 'returned', comment: 'Bổ sung ANM', revision: 2 });
  });

  it('signs out on the server and forgets the token even when that fails', async () => {
    setSession({ token: 's.t', user });
    respond(204);
    await signOut();
    expect(calls[0]!.init.method).toBe('DELETE');
    expect(getSession()).toBeUndefined();

    setSession({ token: 's.t', user });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('offline'))),
    );
    await signOut();
    expect(getSession()).toBeUndefined();
  });
});

describe('errorKey', () => {
  it('falls back from code to status to unknown', () => {
    expect(errorKey(new ApiError(409, 'stale_revision', 'x'))).toBe('stale-revision');
    expect(errorKey(new ApiError(403, 'forbidden', 'x'))).toBe('forbidden');
    expect(errorKey(new ApiError(404, 'whatever', 'x'))).toBe('not-found');
    expect(errorKey(new ApiError(500, 'internal', 'x'))).toBe('server');
    expect(errorKey(new ApiError(418, 'teapot', 'x'))).toBe('unknown');
    expect(errorKey(new Error('boom'))).toBe('unknown');
  });
});
