/**
 * The reviewer's sign-in, kept in sessionStorage: reviewers work on shared office PCs, so the
 * token dies with the tab instead of waiting in localStorage for the next person. Listeners
 * hear every change (sign-in, sign-out, a 401 from the server).
 */
import type { SessionUser } from './types';

export interface StoredSession {
  token: string;
  user: SessionUser;
}

const KEY = 'xaso.reviewer.session';
const listeners = new Set<(s: StoredSession | undefined) => void>();
// The storage may be missing or refuse (private mode, tests): fall back to memory for this tab.
let memory: StoredSession | undefined;

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

function isSession(x: unknown): x is StoredSession {
  const s = x as StoredSession | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.token === 'string' &&
    typeof s.user === 'object' &&
    s.user !== null &&
    typeof s.user.username === 'string' &&
    (s.user.role === 'admin' || s.user.role === 'reviewer')
  );
}

export function getSession(): StoredSession | undefined {
  try {
    const raw = storage()?.getItem(KEY);
    if (raw) {
      const parsed: unknown = JSON.parse(raw);
      if (isSession(parsed)) return parsed;
    }
  } catch {
    // Unreadable: treat as signed out, or use the in-memory copy.
  }
  return memory;
}

export function setSession(session: StoredSession | undefined): void {
  memory = session;
  try {
    const s = storage();
    if (session) s?.setItem(KEY, JSON.stringify(session));
    else s?.removeItem(KEY);
  } catch {
    // Kept in memory only.
  }
  for (const l of listeners) l(session);
}

export function onSessionChange(listener: (s: StoredSession | undefined) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The province a user works on: a reviewer's own, or the one an admin picked. */
export function provinceFor(user: SessionUser, picked?: string): string | undefined {
  if (user.role === 'reviewer') return user.provinceCode ?? undefined;
  return picked || undefined;
}
