/**
 * Bearer tokens and enrollment codes. Tokens are 32 random bytes shown once to the client;
 * the database keeps only their SHA-256, so a copy of the database cannot be used to sign in.
 */
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function newId(): string {
  return randomUUID();
}

/** No 0/O, 1/I/L, 2/Z, 5/S, 8/B: codes are read aloud and typed on phones. */
export const ENROLLMENT_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const ENROLLMENT_CODE_LENGTH = 8;

export function newEnrollmentCode(): string {
  let code = '';
  for (let i = 0; i < ENROLLMENT_CODE_LENGTH; i++) code += ENROLLMENT_ALPHABET[randomInt(ENROLLMENT_ALPHABET.length)];
  return code;
}

/** What people type: lower case, spaces and dashes are forgiven. */
export function normaliseEnrollmentCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}
