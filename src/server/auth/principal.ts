/**
 * Resolves a bearer token to who is calling. Session tokens start with "s." and device tokens
 * with "d.", so one lookup suffices; both tables hold only the token's SHA-256.
 */
import type { AppContext, AppDeps, DevicePrincipal, Principal } from '../context';
import { findActiveDeviceByTokenHash, type DeviceRow } from '../repositories/devices';
import { findSessionUser } from '../repositories/sessions';
import { hashSecret, newToken } from './tokens';

export const SESSION_TOKEN_PREFIX = 's.';
export const DEVICE_TOKEN_PREFIX = 'd.';
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

export function newSessionToken(): string {
  return SESSION_TOKEN_PREFIX + newToken();
}

export function newDeviceToken(): string {
  return DEVICE_TOKEN_PREFIX + newToken();
}

export function bearerToken(c: AppContext): string | undefined {
  const header = c.req.header('authorization');
  const match = header ? /^Bearer\s+(\S{1,200})$/i.exec(header) : null;
  return match?.[1];
}

export function devicePrincipalOf(
  device: Pick<DeviceRow, 'id' | 'commune_code' | 'province_code' | 'role'>,
  tokenHash: string,
): DevicePrincipal {
  return {
    kind: 'device',
    id: device.id,
    communeCode: device.commune_code,
    provinceCode: device.province_code,
    tokenHash,
    role: device.role,
  };
}

export async function resolvePrincipal(c: AppContext, deps: AppDeps): Promise<Principal | undefined> {
  const token = bearerToken(c);
  if (!token) return undefined;
  const tokenHash = hashSecret(token);
  if (token.startsWith(SESSION_TOKEN_PREFIX)) {
    const user = await findSessionUser(deps.db, tokenHash, deps.now().toISOString());
    return user
      ? {
          kind: 'user',
          id: user.id,
          username: user.username,
          role: user.role,
          provinceCode: user.province_code,
          tokenHash,
          mustChangePassword: user.must_change_password === 1,
        }
      : undefined;
  }
  if (token.startsWith(DEVICE_TOKEN_PREFIX)) {
    const device = await findActiveDeviceByTokenHash(deps.db, tokenHash);
    return device && devicePrincipalOf(device, tokenHash);
  }
  return undefined;
}
