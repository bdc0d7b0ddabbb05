/**
 * Signing in with username and password, under three limits kept in the database (so they hold
 * across instances on one PostgreSQL), each answered with 429 before the password is checked:
 * - per address and account: 5 failures within 15 minutes block that pair for the window;
 * - per address, across usernames: 20 failures within 15 minutes block the address (password
 *   spraying: many usernames, one password);
 * - per account, from anywhere: once it has 10 failures in the window it is slowed down, not
 *   locked: one checked attempt per 2 seconds. An attacker on other addresses can thus never lock
 *   the real user out (who waits 2 s at worst), and a distributed guesser gets 450 tries in 15 min.
 * The client's address is the right-most untrusted hop (client-address.ts), so a forged
 * X-Forwarded-For cannot mint a new address per try.
 * Each attempt is recorded as a failure BEFORE it is counted and checked (and the record removed
 * if it succeeds or is refused), so a burst of parallel guesses cannot all pass the count while
 * none has been recorded yet. Unknown usernames cost the same scrypt work as known ones.
 */
import type { AppDeps } from '../context';
import { ApiError } from '../errors';
import {
  clearLoginFailures,
  countAccountFailures,
  countAddressFailures,
  countLoginFailures,
  deleteLoginFailure,
  recordLoginFailure,
} from '../repositories/login-failures';
import { deleteExpiredSessions, insertSession } from '../repositories/sessions';
import { findUserByUsername, recordSignIn, type UserRow } from '../repositories/users';
import { audit } from '../services/audit-trail';
import { decoyPasswordHash, verifyPassword } from './passwords';
import { newSessionToken, SESSION_LIFETIME_MS } from './principal';
import { hashSecret, newId } from './tokens';

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_MAX_FAILURES = 5;
export const ADDRESS_MAX_FAILURES = 20;
export const ACCOUNT_SLOW_AFTER_FAILURES = 10;
export const ACCOUNT_SLOW_INTERVAL_MS = 2000;

/** Which limit refuses this attempt (its own recorded row counted), and for how long. */
async function refusal(
  deps: AppDeps,
  username: string,
  ip: string,
  now: Date,
): Promise<{ reason: string; retryAfterSeconds: number } | undefined> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS).toISOString();
  const [pair, address, account, accountRecent] = await Promise.all([
    countLoginFailures(deps.db, username, ip, since),
    countAddressFailures(deps.db, ip, since),
    countAccountFailures(deps.db, username, since),
    countAccountFailures(deps.db, username, new Date(now.getTime() - ACCOUNT_SLOW_INTERVAL_MS).toISOString()),
  ]);
  const window = LOGIN_WINDOW_MS / 1000;
  if (pair > LOGIN_MAX_FAILURES) return { reason: 'rate-limited', retryAfterSeconds: window };
  if (address > ADDRESS_MAX_FAILURES) return { reason: 'rate-limited-address', retryAfterSeconds: window };
  if (account > ACCOUNT_SLOW_AFTER_FAILURES && accountRecent > 1)
    return { reason: 'slowed-account', retryAfterSeconds: ACCOUNT_SLOW_INTERVAL_MS / 1000 };
  return undefined;
}

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
  const refused = await refusal(deps, username, ip, now);
  if (refused) {
    await deleteLoginFailure(deps.db, attempt);
    await audit(deps, who, {
      action: 'session.create',
      outcome: 'failure',
      actorName: username,
      detail: { reason: refused.reason },
    });
    const { retryAfterSeconds } = refused;
    throw new ApiError(
      429,
      'too_many_attempts',
      'Too many failed sign-ins; try again later',
      { retryAfterSeconds },
      { 'Retry-After': String(retryAfterSeconds) },
    );
  }

  const user = await findUserByUsername(deps.db, username);
  const ok = await verifyPassword(password, user?.password_hash ?? (await decoyPasswordHash()));
  if (!user || !ok) {
    // The row recorded above stays: it is this failure.
    await audit(deps, who, {
      action: 'session.create',
      outcome: 'failure',
      actorName: username,
      detail: { reason: 'bad-credentials' },
    });
    throw new ApiError(401, 'invalid_credentials', 'Wrong username or password');
  }

  await clearLoginFailures(deps.db, username, ip, since);
  if (user.disabled_at !== null) {
    // Told only to whoever knows the password: a disabled account is not an unknown one.
    await audit(deps, who, {
      action: 'session.create',
      outcome: 'failure',
      actorName: username,
      target: user.id,
      detail: { reason: 'disabled' },
    });
    throw new ApiError(403, 'account_disabled', 'This account is disabled; ask the administrator');
  }
  await recordSignIn(deps.db, user.id, now.toISOString());
  await deleteExpiredSessions(deps.db, now.toISOString());
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString();
  await insertSession(deps.db, { tokenHash: hashSecret(token), userId: user.id, createdAt: now.toISOString(), expiresAt });
  await audit(
    deps,
    {
      principal: {
        kind: 'user',
        id: user.id,
        username: user.username,
        role: user.role,
        provinceCode: user.province_code,
        tokenHash: '',
      },
      ip,
    },
    { action: 'session.create', outcome: 'success', target: user.id },
  );
  return { token, expiresAt, user };
}
