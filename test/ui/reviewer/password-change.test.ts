/** Issue #9, account management: a password the admin reset must be changed before the area opens. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/ui/router', () => ({ navigate: vi.fn() }));

const { api, changePassword } = await import('../../../src/ui/reviewer/api');
const { getSession, setSession } = await import('../../../src/ui/reviewer/session');
const { errorKey } = await import('../../../src/ui/reviewer/errors');

const user = { id: 'u1', username: 'hanoi', role: 'reviewer' as const, provinceCode: '01' };
let calls: { url: string; init: RequestInit }[];

function respond(status: number, body?: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
}

beforeEach(() => {
  vi.stubGlobal('document', { baseURI: 'http://localhost/' });
  calls = [];
  setSession(undefined);
});
afterEach(() => vi.unstubAllGlobals());

describe('password change after a reset', () => {
  it('a 403 password_change_required marks the session so the change step shows; the token stays', async () => {
    setSession({ token: 's.tmp', user });
    respond(403, { error: { code: 'password_change_required', message: 'Choose a new password first' } });
    const err = await api.communes('01').catch((e: unknown) => e);
    expect(errorKey(err)).toBe('password-change-required');
    expect(getSession()).toEqual({ token: 's.tmp', user: { ...user, mustChangePassword: true } });
  });

  it('another 403 leaves the session alone', async () => {
    setSession({ token: 's.tmp', user });
    respond(403, { error: { code: 'forbidden', message: 'Not allowed' } });
    await api.communes('02').catch(() => undefined);
    expect(getSession()).toEqual({ token: 's.tmp', user });
  });

  it('PUTs both passwords with the token, then the session no longer needs a change', async () => {
    setSession({ token: 's.tmp', user: { ...user, mustChangePassword: true } });
    respond(204);
    await changePassword('temporary-pass-1', 'my-own-password-2');
    expect(calls[0]!.url).toBe('http://localhost/api/v1/sessions/current/password');
    expect(calls[0]!.init.method).toBe('PUT');
    expect((calls[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer s.tmp');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({
      currentPassword: 'temporary-pass-1',
      newPassword: 'my-own-password-2',
    });
    expect(getSession()?.user.mustChangePassword).toBe(false);
  });

  it('a refused change keeps the session marked', async () => {
    setSession({ token: 's.tmp', user: { ...user, mustChangePassword: true } });
    respond(422, { error: { code: 'password_unchanged', message: 'Choose a different one' } });
    const err = await changePassword('same-password-1', 'same-password-1').catch((e: unknown) => e);
    expect(errorKey(err)).toBe('password-unchanged');
    expect(getSession()?.user.mustChangePassword).toBe(true);
  });
});
