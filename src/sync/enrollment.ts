/**
 * Enrollment: the phone trades a single-use code from its province for a device token bound to
 * one commune. The token is the phone's only credential; it lives in the settings table (the
 * phone has no other secret store that works offline) and is sent only to our own API.
 */
import { getDb, type XasoDb } from '../db/database';
import { cleanDisplayName } from '../domain/community/display-name';
import { guardWrite } from '../db/errors';
import { getSetting, setSetting, type SettingValues } from '../db/settings';
import { apiRequest, type FetchLike } from './http';

export type Enrollment = SettingValues['enrollment'];

export type EnrollError =
  /** The code is empty or has characters no code has. */
  | { kind: 'invalid-code' }
  /** The server refused the code (unknown, used, expired, too many tries): the phone's text for `code` is shown. */
  | { kind: 'refused'; code: string; message: string }
  /** No answer from the server: try again with a signal. */
  | { kind: 'offline'; message: string };

export type EnrollResult = { ok: true; enrollment: Enrollment } | { ok: false; error: EnrollError };

export interface EnrollOptions {
  db?: XasoDb;
  fetch?: FetchLike;
  now?: () => number;
}

/** What people type or a QR link carries: case, spaces and dashes do not matter. */
export function normaliseCode(input: string): string {
  return input.normalize('NFC').toUpperCase().replace(/[\s-]/g, '');
}

const CODE_RE = /^[A-Z0-9]{4,32}$/;

function str(x: unknown): string | undefined {
  return typeof x === 'string' && x !== '' ? x : undefined;
}

export async function enroll(input: string, opts: EnrollOptions = {}): Promise<EnrollResult> {
  const code = normaliseCode(input);
  if (!CODE_RE.test(code)) return { ok: false, error: { kind: 'invalid-code' } };
  const outcome = await apiRequest({ method: 'POST', path: '/enrollments', body: { code }, fetch: opts.fetch });
  // Too many wrong codes from this address: the server said no for now; waiting, not a signal, helps.
  if (outcome.kind === 'retry' && outcome.status === 429 && outcome.code)
    return { ok: false, error: { kind: 'refused', code: outcome.code, message: outcome.message } };
  if (outcome.kind === 'retry') return { ok: false, error: { kind: 'offline', message: outcome.message } };
  if (outcome.kind !== 'ok') return { ok: false, error: { kind: 'refused', code: outcome.code, message: outcome.message } };
  const b = outcome.body as Record<string, unknown>;
  const deviceToken = str(b.token) ?? str(b.deviceToken);
  const deviceId = str(b.deviceId);
  const communeCode = str(b.communeCode);
  const provinceCode = str(b.provinceCode);
  if (!deviceToken || !deviceId || !communeCode || !provinceCode) {
    return { ok: false, error: { kind: 'offline', message: 'unexpected response' } };
  }
  const enrollment: Enrollment = {
    deviceToken,
    deviceId,
    communeCode,
    provinceCode,
    communeName: str(b.communeName) ?? communeCode,
    enrolledAt: new Date((opts.now ?? Date.now)()).toISOString(),
  };
  const provinceName = str(b.provinceName);
  if (provinceName) enrollment.provinceName = provinceName;
  if (b.role === 'team') enrollment.role = 'team';
  await setSetting('enrollment', enrollment, opts.db ?? getDb());
  return { ok: true, enrollment };
}

/** True on a community team phone (issue #15): it sends support entries and survey responses, nothing else. */
export function isTeamPhone(enrollment: Enrollment | undefined | null): boolean {
  return enrollment?.role === 'team';
}

/**
 * A team phone's display name (trimmed, NFC, 1–60 characters of text), kept in its enrollment and
 * sent to the server as the device's label by the team outbox (team-label.ts).
 */
export async function setDisplayName(name: string, db: XasoDb = getDb()): Promise<Enrollment> {
  const displayName = cleanDisplayName(name);
  const current = await getEnrollment(db);
  if (!current) throw new Error('not enrolled');
  if (displayName === null) throw new RangeError('display name');
  const next = { ...current, displayName };
  await setSetting('enrollment', next, db);
  return next;
}

export function getEnrollment(db: XasoDb = getDb()): Promise<Enrollment | undefined> {
  return getSetting('enrollment', db);
}

/**
 * Forget the token on this phone (a shared phone changing hands, a wrong commune). Queued
 * submissions stay queued and go up after the next enrollment; the server-side device is
 * revoked by the province, not from here (the phone may be offline).
 */
export async function forgetEnrollment(db: XasoDb = getDb()): Promise<void> {
  await guardWrite(db.settings.delete('enrollment'));
}
