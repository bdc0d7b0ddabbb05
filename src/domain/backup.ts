/**
 * The backup file: what "export a backup" writes and "import" reads, and how it is checked.
 * A backup is the officer's last line of defence against a lost or reset phone, and an import is
 * a hostile input like any other: the schema bounds every string and array, refuses unknown keys
 * (so `__proto__` and friends never reach our objects) and normalises text to NFC.
 * The merge of an import into the local store lives in ./backup-merge.ts, which builds on this file.
 * Pure: no Dexie, no DOM.
 */
import { z } from 'zod';
import { LIMITS, normalizeText, textLength } from './answer-rules';
import { isIndicatorValue } from './indicator-value';
import type { Answer, Assessment, AreaType, IndicatorValue } from './types';
import { AREA_TYPES, ASSESSMENT_STATUSES, COMMUNE_CODE_RE, COMPONENT_CODE_RE, PROVINCE_CODE_RE } from './vocabulary';

export const BACKUP_FORMAT = 'xaso-backup';
export const BACKUP_FORMAT_VERSION = 1;
/** Ceilings that keep a hostile or corrupted file from eating the phone's memory. */
export const BACKUP_MAX = { chars: 20_000_000, assessments: 1000, answersPerAssessment: 400 } as const;

export type { AnswerRow } from './answer-row';
export type BackupAssessment = Assessment & { answers: Answer[] };

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  formatVersion: typeof BACKUP_FORMAT_VERSION;
  appVersion: string;
  exportedAt: string;
  assessments: BackupAssessment[];
}

export type BackupErrorCode = 'too-large' | 'not-json' | 'wrong-format' | 'unsupported-version' | 'invalid';
export type ParseBackupResult = { ok: true; backup: BackupFile } | { ok: false; code: BackupErrorCode; error: string };

/** Bounded free text, stored NFC and trimmed; the limit counts code points as LIMITS does. */
function text(max: number, min = 0) {
  return z
    .string()
    .max(max * 2) // cheap UTF-16 ceiling before normalising
    .transform(normalizeText)
    .refine((s) => textLength(s) >= min && textLength(s) <= max, {
      message: min > 0 ? `must be 1 to ${max} characters` : `longer than ${max} characters`,
    });
}
const isoDate = z.iso.datetime();
const code = z.string().max(16).regex(COMPONENT_CODE_RE, 'not a component code');
const status = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal('na'), z.null()]);
const areaType = z.enum(AREA_TYPES);

const AnswerSchema = z.strictObject({
  code,
  status,
  note: text(LIMITS.note).optional(),
  naReason: text(LIMITS.naReason).optional(),
  openName: text(LIMITS.openName).optional(),
  value: z.custom<IndicatorValue>(isIndicatorValue, 'not an indicator value').optional(),
  updatedAt: isoDate,
});
const CriteriaSetRefSchema = z.strictObject({ id: z.string().min(1).max(80), version: z.string().min(1).max(20) });

const unique = <T>(key: (x: T) => string, what: string) =>
  [(xs: T[]) => new Set(xs.map(key)).size === xs.length, { message: `duplicate ${what}` }] as const;

const AssessmentSchema = z.strictObject({
  id: z.uuid(),
  provinceCode: z.string().regex(PROVINCE_CODE_RE, 'not a province code'),
  communeCode: z.string().regex(COMMUNE_CODE_RE, 'not a commune code'),
  areaTypes: z
    .array(areaType)
    .min(1)
    .max(AREA_TYPES.length)
    .refine(...unique((t: AreaType) => t, 'area type')),
  period: text(LIMITS.period, 1),
  catalogueVersion: z.string().min(1).max(40),
  methodologyId: z.string().min(1).max(80),
  criteriaSet: CriteriaSetRefSchema.optional(),
  status: z.enum(ASSESSMENT_STATUSES),
  createdAt: isoDate,
  updatedAt: isoDate,
  helpers: text(LIMITS.helpers).optional(),
  lastCode: code.optional(),
  answers: z
    .array(AnswerSchema)
    .max(BACKUP_MAX.answersPerAssessment)
    .refine(...unique((a: { code: string }) => a.code, 'answer code')),
});

export const BackupFileSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  appVersion: z.string().max(40),
  exportedAt: isoDate,
  assessments: z
    .array(AssessmentSchema)
    .max(BACKUP_MAX.assessments)
    .refine(...unique((a: { id: string }) => a.id, 'assessment id')),
});

/** Optional text that normalised to "" is dropped, as the store never keeps empty strings. */
function dropEmpty<T extends object>(o: T): T {
  const out = { ...o } as Record<string, unknown>;
  for (const k of Object.keys(out)) if (out[k] === undefined || out[k] === '') delete out[k];
  return out as T;
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '');
}

const fail = (code: BackupErrorCode, error: string): ParseBackupResult => ({ ok: false, code, error });

/** Parse and validate a backup file's text. Never throws; the error names what is wrong. */
export function parseBackup(textIn: string): ParseBackupResult {
  if (textIn.length > BACKUP_MAX.chars) return fail('too-large', 'The file is too large to be a backup of this app.');
  let raw: unknown;
  try {
    raw = JSON.parse(textIn);
  } catch {
    return fail('not-json', 'The file is not readable JSON: it may be truncated or damaged.');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as { format?: unknown }).format !== BACKUP_FORMAT)
    return fail('wrong-format', 'The file is not a Xã số backup.');
  const version = (raw as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION)
    return fail('unsupported-version', 'The backup was made by a newer version of the app; update the app first.');
  const parsed = BackupFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    if (issues.some((i) => i.code === 'too_big' && i.origin === 'array'))
      return fail('too-large', 'The backup holds more assessments or answers than the app accepts.');
    const detail = issues.slice(0, 3).map((i) => `${pathOf(i.path) || 'file'}: ${i.message}`);
    return fail('invalid', `The backup file is damaged or was altered: ${detail.join('; ')}.`);
  }
  const b = parsed.data;
  const backup: BackupFile = {
    ...b,
    assessments: b.assessments.map((a) => dropEmpty({ ...a, answers: a.answers.map((x) => dropEmpty(x)) })),
  };
  return { ok: true, backup };
}
