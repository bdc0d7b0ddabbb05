/**
 * Makes sure an admin can sign in. With XASO_ADMIN_PASSWORD the user "admin" is created or its
 * password reset (and its sessions ended); without it, a first start that finds no admin creates
 * one with a generated password, which the caller prints once. Several instances of one deployment
 * start with the same environment, possibly at the same moment: the same password again changes
 * nothing (no instance's start signs the admin out on the others), and an admin created by another
 * instance a moment earlier is taken as found.
 */
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../db/errors';
import type { Database } from '../db/schema';
import { recordAudit } from '../repositories/audit';
import { deleteSessionsOfUser } from '../repositories/sessions';
import { findUserByUsername, insertUser, setUserPassword } from '../repositories/users';
import { MIN_PASSWORD_LENGTH } from '../schemas/accounts';
import { generatePassword, hashPassword, verifyPassword } from './passwords';
import { newId } from './tokens';

export const ADMIN_USERNAME = 'admin';

export type AdminBootstrap = { action: 'created'; generatedPassword?: string } | { action: 'reset' } | { action: 'unchanged' };

export async function ensureAdmin(
  db: Kysely<Database>,
  options: { password?: string | undefined; now: Date },
): Promise<AdminBootstrap> {
  if (options.password !== undefined && options.password.length < MIN_PASSWORD_LENGTH) {
    throw new Error(`XASO_ADMIN_PASSWORD must have at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const at = options.now.toISOString();
  const existing = await findUserByUsername(db, ADMIN_USERNAME);
  const log = (action: string) =>
    recordAudit(db, {
      id: newId(),
      at,
      actorKind: 'system',
      actorName: 'startup',
      action,
      outcome: 'success',
      target: ADMIN_USERNAME,
    });

  if (existing && options.password === undefined) return { action: 'unchanged' };
  if (existing && options.password !== undefined) {
    if (await verifyPassword(options.password, existing.password_hash)) return { action: 'unchanged' };
    await setUserPassword(db, existing.id, await hashPassword(options.password), at);
    await deleteSessionsOfUser(db, existing.id);
    await log('admin.reset');
    return { action: 'reset' };
  }
  const password = options.password ?? generatePassword();
  try {
    await insertUser(db, {
      id: newId(),
      username: ADMIN_USERNAME,
      passwordHash: await hashPassword(password),
      role: 'admin',
      provinceCode: null,
      at,
    });
  } catch (error) {
    // Another instance, started at the same moment, created it first.
    if (isUniqueViolation(error)) return ensureAdmin(db, options);
    throw error;
  }
  await log('admin.create');
  return options.password === undefined ? { action: 'created', generatedPassword: password } : { action: 'created' };
}
