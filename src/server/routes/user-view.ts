/**
 * A user row as the API shows it: the signed-in user (sessions, a new account) and, with its
 * state and dates, an account in the admin's list. Its own module so that accounts.ts and
 * account-admin.ts (which accounts.ts imports) share it without an import cycle.
 */
import type { z } from 'zod';
import type { UserRow } from '../repositories/users';
import type { AccountSchema, UserView } from '../schemas/accounts';

export function userView(u: UserRow): UserView {
  return {
    id: u.id,
    username: u.username,
    role: u.role,
    provinceCode: u.province_code,
    mustChangePassword: u.must_change_password === 1,
  };
}

export function accountView(u: UserRow): z.infer<typeof AccountSchema> {
  return { ...userView(u), createdAt: u.created_at, disabledAt: u.disabled_at, lastSignInAt: u.last_sign_in_at };
}
