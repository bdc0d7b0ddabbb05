import { afterEach, describe, expect, it, vi } from 'vitest';
import { getSession, onSessionChange, provinceFor, setSession } from '../../../src/ui/reviewer/session';

function fakeStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

afterEach(() => {
  setSession(undefined);
  vi.unstubAllGlobals();
});

const reviewer = { username: 'hcm', role: 'reviewer' as const, provinceCode: '79' };
const admin = { username: 'admin', role: 'admin' as const, provinceCode: null };

describe('reviewer session', () => {
  it('lives in sessionStorage (this tab only) and tells listeners', () => {
    const storage = fakeStorage();
    vi.stubGlobal('sessionStorage', storage);
    const heard: unknown[] = [];
    const off = onSessionChange((s) => heard.push(s?.user.username));
    setSession({ token: 's.1', user: reviewer });
    expect(JSON.parse(storage.getItem('xaso.reviewer.session') ?? 'null')).toEqual({ token: 's.1', user: reviewer });
    expect(getSession()?.token).toBe('s.1');
    setSession(undefined);
    expect(storage.getItem('xaso.reviewer.session')).toBeNull();
    off();
    setSession({ token: 's.2', user: reviewer });
    expect(heard).toEqual(['hcm', undefined]);
  });

  it('ignores a tampered or malformed stored value', () => {
    const storage = fakeStorage();
    vi.stubGlobal('sessionStorage', storage);
    storage.setItem('xaso.reviewer.session', '{not json');
    expect(getSession()).toBeUndefined();
    storage.setItem('xaso.reviewer.session', JSON.stringify({ token: 's.x', user: { username: 'x', role: 'root' } }));
    expect(getSession()).toBeUndefined();
  });

  it('falls back to memory when storage refuses', () => {
    vi.stubGlobal('sessionStorage', {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => undefined,
    });
    setSession({ token: 's.m', user: admin });
    expect(getSession()?.token).toBe('s.m');
  });

  it('a reviewer always works on their own province; an admin on the one picked', () => {
    expect(provinceFor(reviewer, '01')).toBe('79');
    expect(provinceFor(admin, '01')).toBe('01');
    expect(provinceFor(admin)).toBeUndefined();
  });
});
