/**
 * Community digital teams (issue #15): what a team phone records. Strict schemas: nothing that
 * identifies a resident (no name, phone or ID field) is accepted, unknown keys are refused.
 * Pure, shared by phone and server.
 */
import { z } from 'zod';

const nfcText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .refine((s) => s === s.normalize('NFC'), 'not NFC')
    .refine((s) => [...s].length <= max, `longer than ${max}`);

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s));

export const SupportKindSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  vi: z.string().min(1),
  en: z.string().min(1),
});
export const SupportKindsFileSchema = z.strictObject({ version: z.string(), kinds: z.array(SupportKindSchema).min(1) });
export type SupportKindsFile = z.infer<typeof SupportKindsFileSchema>;

/** A support entry; `kinds` are the ids of the kinds file in force. */
export const supportEntrySchema = (kinds: readonly string[]) =>
  z.strictObject({
    id: z.uuid(),
    date: isoDate,
    hamlet: nfcText(100),
    kind: z.string().refine((k) => kinds.includes(k), 'unknown kind'),
    residents: z.int().min(1).max(500),
    note: nfcText(500).optional(),
  });
export type SupportEntry = z.infer<ReturnType<typeof supportEntrySchema>>;

const questionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  type: z.enum(['scale5', 'yesno']),
  vi: z.string().min(1),
  en: z.string().min(1),
});
export const SurveySchema = z.strictObject({
  id: z.string(),
  version: z.string(),
  title: z.strictObject({ vi: z.string(), en: z.string() }),
  overallQuestion: z.string(),
  questions: z.array(questionSchema).min(1),
  scale: z.strictObject({ vi: z.array(z.string()).length(5), en: z.array(z.string()).length(5) }),
});
export type Survey = z.infer<typeof SurveySchema>;

export const SurveyResponseSchema = z.strictObject({
  id: z.uuid(),
  surveyId: z.string().min(1),
  surveyVersion: z.string().min(1),
  answeredAt: z.iso.datetime({ offset: true }),
  answers: z.record(z.string(), z.union([z.int().min(1).max(5), z.boolean()])),
});
export type SurveyResponse = z.infer<typeof SurveyResponseSchema>;
