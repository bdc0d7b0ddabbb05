/** Enrollment codes (issued by a reviewer) and device enrollment (done by the phone). */
import { z } from 'zod';
import { IsoDateTime } from './common';

export const EnrollmentCodeSchema = z.object({
  code: z.string().meta({ description: 'Single-use, 8 characters; shown once' }),
  communeCode: z.string(),
  communeName: z.string(),
  provinceCode: z.string(),
  expiresAt: IsoDateTime,
  /** Opens the app with the code filled in. */
  link: z.string(),
  /** The same link as an SVG QR code. */
  qrSvg: z.string(),
});

export const EnrollRequestSchema = z.object({
  code: z.string().min(1).max(32),
  /** Optional name for the phone, shown to reviewers when revoking. */
  label: z.string().trim().max(80).optional(),
});

export const EnrollResponseSchema = z.object({
  deviceId: z.string(),
  token: z.string().meta({ description: 'Device bearer token; shown once' }),
  communeCode: z.string(),
  communeName: z.string(),
  provinceCode: z.string(),
  provinceName: z.string(),
  role: z.enum(['officer', 'team']).meta({ description: 'team: a community team phone (entries and survey responses only)' }),
});

export const DeviceSchema = z.object({
  id: z.string(),
  communeCode: z.string(),
  label: z.string().nullable(),
  role: z.enum(['officer', 'team']),
  createdAt: IsoDateTime,
  revokedAt: IsoDateTime.nullable(),
});

export const DeviceListSchema = z.object({ devices: z.array(DeviceSchema) });

/** PUT /devices/{id}/label: a phone names itself (a team member's display name, issue #15). */
export const DeviceLabelBodySchema = z.strictObject({
  label: z.string().max(1000).meta({ description: 'Text, 1–60 characters after NFC and trimming; no control characters' }),
});
export const DeviceLabelSchema = z.object({ id: z.string(), label: z.string() });
