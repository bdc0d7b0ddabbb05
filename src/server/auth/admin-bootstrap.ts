/**
 * Makes sure an admin can sign in. With XASO_ADMIN_PASSWORD the user "admin" is created or its
 * password reset (and its sessions ended); without it, a first start that finds no admin creates
 * one with a generated password, which the caller prints once.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { recordAudit } from '../repositories/audit';
import { deleteSessionsOfUser } from '../repositories/sessions';
import { findUserByUsername, insertUser, setUserPassword } from '../repositories/users';
import { MIN_PASSWORD_LENGTH } from '../schemas/accounts';
import { generatePassword, hashPassword } from './passwords';
import { newId } from './tokens';

export const ADMIN_USERNAME = 'admin';

export type AdminBootstrap =
  | { action: 'created'; generatedPassword?: string }
  | { action: 'reset' }
  | { action: 'unchanged' };

export async function ensureAdmin(db: Kysely<Database>, options: { password?: string | undefined; now: Date }): Promise<AdminBootstrap> {
  if (options.password !== undefined && options.password.length < MIN_PASSWORD_LENGTH) {
    throw new Error(`XASO_ADMIN_PASSWORD must have at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const at = options.now.toISOString();
  const existing = await findUserByUsername(db, ADMIN_USERNAME);
  const log = (action: string) =>
    recordAudit(db, { id: newId(), at, actorKind: 'system', actorName: 'startup', action, outcome: 'success', target: ADMIN_USERNAME });

  if (existing && options.password === undefined) return { action: 'unchanged' };
  if (existing && options.password !== undefined) {
    await setUserPassword(db, existing.id, await hashPassword(options.password), at);
    await deleteSessionsOfUser(db, existing.id);
    await log('admin.reset');
    return { action: 'reset' };
  }
  const password = options.password ?? generatePassword();
  await insertUser(db, { id: newId(), username: ADMIN_USERNAME, passwordHash: await hashPassword(password), role: 'admin', provinceCode: null, at });
  await log('admin.create');
  return options.password === undefined ? { action: 'created', generatedPassword: password } : { action: 'created' };
}
