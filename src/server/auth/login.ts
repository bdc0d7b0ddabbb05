/**
 * Signing in with username and password. Failures are counted per (username, IP) in the
 * database; the sixth try within the window is refused with 429 before the password is even
 * checked. Each attempt is recorded as a failure BEFORE it is counted and checked (and the record
 * removed if it succeeds or is refused), so a burst of parallel guesses cannot all pass the count
 * while none has been recorded yet: at most 5 passwords are ever checked per window.
 * Unknown usernames cost the same scrypt work as known ones.
 */
import type { AppDeps } from '../context';
import { ApiError } from '../errors';
import { clearLoginFailures, countLoginFailures, deleteLoginFailure, recordLoginFailure } from '../repositories/login-failures';
import { deleteExpiredSessions, insertSession } from '../repositories/sessions';
import { findUserByUsername, type UserRow } from '../repositories/users';
import { audit } from '../services/audit-trail';
import { decoyPasswordHash, verifyPassword } from './passwords';
import { newSessionToken, SESSION_LIFETIME_MS } from './principal';
import { hashSecret, newId } from './tokens';

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_MAX_FAILURES = 5;

export interface SignedIn {
  token: string;
  expiresAt: string;
  user: UserRow;
}

export async function signIn(deps: AppDeps, username: string, password: string, ip: string): Promise<SignedIn> {
  const now = deps.now();
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS).toISOString();
  const who = { principal: undefined, ip };
  const attempt = newId();
  await recordLoginFailure(deps.db, { id: attempt, username, ip, at: now.toISOString() });
  // This attempt's own row is counted too: more than the allowed failures means locked out.
  if ((await countLoginFailures(deps.db, username, ip, since)) > LOGIN_MAX_FAILURES) {
    await deleteLoginFailure(deps.db, attempt);
    await audit(deps, who, { action: 'session.create', outcome: 'failure', actorName: username, detail: { reason: 'rate-limited' } });
    const retryAfter = String(LOGIN_WINDOW_MS / 1000);
    throw new ApiError(429, 'too_many_attempts', 'Too many failed sign-ins; try again later', { retryAfterSeconds: LOGIN_WINDOW_MS / 1000 }, { 'Retry-After': retryAfter });
  }

  const user = await findUserByUsername(deps.db, username);
  const ok = await verifyPassword(password, user?.password_hash ?? (await decoyPasswordHash()));
  if (!user || !ok) {
    // The row recorded above stays: it is this failure.
    await audit(deps, who, { action: 'session.create', outcome: 'failure', actorName: username, detail: { reason: 'bad-credentials' } });
    throw new ApiError(401, 'invalid_credentials', 'Wrong username or password');
  }

  await clearLoginFailures(deps.db, username, ip, since);
  await deleteExpiredSessions(deps.db, now.toISOString());
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString();
  await insertSession(deps.db, { tokenHash: hashSecret(token), userId: user.id, createdAt: now.toISOString(), expiresAt });
  await audit(
    deps,
    { principal: { kind: 'user', id: user.id, username: user.username, role: user.role, provinceCode: user.province_code, tokenHash: '' }, ip },
    { action: 'session.create', outcome: 'success', target: user.id },
  );
  return { token, expiresAt, user };
}
