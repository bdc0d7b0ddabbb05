/**
 * Enrollment: a reviewer issues a single-use code for one commune (valid 7 days); a phone trades
 * it once for a device token bound to that commune. Codes are stored as hashes, and failed
 * attempts are counted per IP like failed sign-ins, so codes cannot be guessed at speed.
 */
import QRCode from 'qrcode';
import type { AppDeps, Principal } from '../context';
import type { DeviceRole } from '../db/schema';
import { ApiError } from '../errors';
import { newDeviceToken } from '../auth/principal';
import { hashSecret, newEnrollmentCode, newId, normaliseEnrollmentCode } from '../auth/tokens';
import { claimEnrollmentCode, findEnrollmentCode, insertEnrollmentCode } from '../repositories/enrollment-codes';
import { insertDevice } from '../repositories/devices';
import { countLoginFailures, deleteLoginFailure, recordLoginFailure } from '../repositories/login-failures';
import { audit } from './audit-trail';

export const ENROLLMENT_CODE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
const ENROLL_WINDOW_MS = 15 * 60 * 1000;
const ENROLL_MAX_FAILURES = 20;
/** Failed enrollments share the login-failure table under a name no user can have. */
const ENROLL_FAILURE_KEY = '#enrollment';

export function enrollmentLink(origin: string, code: string): string {
  return `${origin}/#/enroll?code=${encodeURIComponent(code)}`;
}

/** The account that enrolled a phone: answerable for the codes that phone issues. */
async function accountableUser(deps: AppDeps, deviceId: string): Promise<string> {
  const row = await deps.db
    .selectFrom('devices')
    .innerJoin('enrollment_codes', 'enrollment_codes.id', 'devices.enrollment_code_id')
    .select('enrollment_codes.created_by')
    .where('devices.id', '=', deviceId)
    .executeTakeFirstOrThrow();
  return row.created_by;
}

export async function issueEnrollmentCode(
  deps: AppDeps,
  issuer: Principal,
  target: { communeCode: string; provinceCode: string; role?: DeviceRole },
  origin: string,
  ip: string,
): Promise<{ code: string; expiresAt: string; link: string; qrSvg: string }> {
  const role = target.role ?? 'officer';
  const now = deps.now();
  const code = newEnrollmentCode();
  const id = newId();
  const createdBy = issuer.kind === 'user' ? issuer.id : await accountableUser(deps, issuer.id);
  const expiresAt = new Date(now.getTime() + ENROLLMENT_CODE_LIFETIME_MS).toISOString();
  await insertEnrollmentCode(deps.db, {
    id,
    code_hash: hashSecret(code),
    commune_code: target.communeCode,
    province_code: target.provinceCode,
    created_by: createdBy,
    issued_by_device: issuer.kind === 'device' ? issuer.id : null,
    created_at: now.toISOString(),
    expires_at: expiresAt,
    used_at: null,
    device_id: null,
    revoked_at: null,
    role,
  });
  await audit(
    deps,
    { principal: issuer, ip },
    {
      action: role === 'team' ? 'team-code.create' : 'enrollment-code.create',
      outcome: 'success',
      target: target.communeCode,
      detail: { codeId: id, expiresAt },
    },
  );
  const link = enrollmentLink(origin, code);
  const qrSvg = await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { code, expiresAt, link, qrSvg };
}

export async function enrollDevice(
  deps: AppDeps,
  input: { code: string; label?: string | undefined },
  ip: string,
): Promise<{ deviceId: string; token: string; communeCode: string; provinceCode: string; role: DeviceRole }> {
  const now = deps.now();
  const since = new Date(now.getTime() - ENROLL_WINDOW_MS).toISOString();
  const who = { principal: undefined, ip };
  // Recorded as a failure before it is counted (as sign-ins are, see auth/login.ts), so that a
  // burst of parallel guesses cannot all pass the count; removed again if it succeeds.
  const attempt = newId();
  await recordLoginFailure(deps.db, { id: attempt, username: ENROLL_FAILURE_KEY, ip, at: now.toISOString() });
  if ((await countLoginFailures(deps.db, ENROLL_FAILURE_KEY, ip, since)) > ENROLL_MAX_FAILURES) {
    await deleteLoginFailure(deps.db, attempt);
    await audit(deps, who, { action: 'device.enroll', outcome: 'failure', detail: { reason: 'rate-limited' } });
    throw new ApiError(
      429,
      'too_many_attempts',
      'Too many wrong codes; try again later',
      {},
      { 'Retry-After': String(ENROLL_WINDOW_MS / 1000) },
    );
  }
  const fail = async (reason: string, codeId: string | null, error: ApiError): Promise<never> => {
    // The row recorded above stays: it is this failure.
    await audit(deps, who, { action: 'device.enroll', outcome: 'failure', target: codeId, detail: { reason } });
    throw error;
  };

  const row = await findEnrollmentCode(deps.db, hashSecret(normaliseEnrollmentCode(input.code)));
  if (!row) return fail('unknown-code', null, new ApiError(400, 'invalid_enrollment_code', 'This enrollment code is not valid'));
  if (row.revoked_at !== null)
    return fail(
      'revoked',
      row.id,
      new ApiError(410, 'enrollment_code_revoked', 'This enrollment code was revoked; ask the province for a new one'),
    );
  if (row.used_at !== null)
    return fail('used', row.id, new ApiError(410, 'enrollment_code_used', 'This enrollment code has already been used'));
  if (row.expires_at <= now.toISOString())
    return fail(
      'expired',
      row.id,
      new ApiError(410, 'enrollment_code_expired', 'This enrollment code has expired; ask the province for a new one'),
    );

  const deviceId = newId();
  const token = newDeviceToken();
  const claimed = await deps.db.transaction().execute(async (trx) => {
    if (!(await claimEnrollmentCode(trx, row.id, deviceId, now.toISOString()))) return false;
    await insertDevice(trx, {
      id: deviceId,
      token_hash: hashSecret(token),
      commune_code: row.commune_code,
      province_code: row.province_code,
      label: input.label ?? null,
      enrollment_code_id: row.id,
      created_at: now.toISOString(),
      revoked_at: null,
      revoked_by: null,
      role: row.role,
    });
    await audit(
      deps,
      who,
      {
        action: 'device.enroll',
        outcome: 'success',
        target: deviceId,
        detail: { communeCode: row.commune_code, codeId: row.id, role: row.role },
      },
      trx,
    );
    return true;
  });
  if (!claimed)
    return fail('used', row.id, new ApiError(410, 'enrollment_code_used', 'This enrollment code has already been used'));
  await deleteLoginFailure(deps.db, attempt);
  return { deviceId, token, communeCode: row.commune_code, provinceCode: row.province_code, role: row.role };
}
