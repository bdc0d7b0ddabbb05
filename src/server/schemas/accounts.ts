/** Sign-in, sessions and reviewer accounts. */
import { z } from 'zod';
import { IsoDateTime, ProvinceCodeSchema } from './common';

/** Shortest password an account may have (the admin's from XASO_ADMIN_PASSWORD included). */
export const MIN_PASSWORD_LENGTH = 10;

export const LoginSchema = z.object({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const UserSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: z.enum(['admin', 'reviewer']),
  provinceCode: z.string().nullable(),
  /** After an admin reset the password: the user must choose a new one before anything else. */
  mustChangePassword: z.boolean().optional(),
});
export type UserView = z.infer<typeof UserSchema>;

export const SessionSchema = z.object({
  token: z.string().meta({ description: 'Bearer token; shown once, stored by the server only as a hash' }),
  expiresAt: IsoDateTime,
  user: UserSchema,
});

export const CurrentSessionSchema = z.object({
  kind: z.enum(['user', 'device']),
  user: UserSchema.nullable(),
  device: z
    .object({ id: z.string(), communeCode: z.string(), provinceCode: z.string(), role: z.enum(['officer', 'team']) })
    .nullable(),
});

export const CreateUserSchema = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,40}$/, '3–40 characters: a-z, 0-9, ".", "_", "-"'),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(200),
  role: z.literal('reviewer').default('reviewer'),
  provinceCode: ProvinceCodeSchema,
});

/** An account as the admin's list shows it. */
export const AccountSchema = UserSchema.extend({
  createdAt: IsoDateTime,
  disabledAt: IsoDateTime.nullable(),
  lastSignInAt: IsoDateTime.nullable(),
});

export const ResetPasswordSchema = z.object({
  /** A temporary password the admin hands over; the user must replace it at the next sign-in. */
  password: z.string().min(MIN_PASSWORD_LENGTH).max(200),
});

export const ChangePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(MIN_PASSWORD_LENGTH).max(200),
});

export const OpenEnrollmentCodesSchema = z.object({
  codes: z.array(z.object({ id: z.string(), communeCode: z.string(), createdAt: IsoDateTime, expiresAt: IsoDateTime })),
});
