/**
 * Who may call what. Routes declare a coarse rule (checked before the handler runs); handlers
 * then check the finer rule of the resource (a reviewer's province, a device's commune).
 */
import type { Principal, UserPrincipal } from '../context';
import { ApiError, forbidden, unauthorized } from '../errors';

/**
 * public: anyone · admin · reviewer: any signed-in account (reviewer or admin) · device: an enrolled
 * phone · any: account or device · team: a community team's phone only. A team phone is refused on
 * every route but `team` ones and those that say `teamDevices` (see assertNotTeamDevice).
 */
export type AuthRule = 'public' | 'admin' | 'reviewer' | 'device' | 'any' | 'team';

export const TEAM_DEVICE_REFUSED = 'A community team phone may only send support entries and survey responses';

/** 403 team_device: a team phone cannot read or change the commune's assessment, criteria or evidence. */
export function assertNotTeamDevice(principal: Principal | undefined): void {
  if (principal?.kind === 'device' && principal.role === 'team') throw new ApiError(403, 'team_device', TEAM_DEVICE_REFUSED);
}

export function enforceRule(rule: AuthRule, principal: Principal | undefined): void {
  if (rule === 'public') return;
  if (!principal) throw unauthorized();
  switch (rule) {
    case 'any':
      return;
    case 'device':
      if (principal.kind !== 'device') throw forbidden('Only an enrolled device may do this');
      return;
    case 'team':
      if (principal.kind !== 'device' || principal.role !== 'team') throw forbidden('Only a community team phone may do this');
      return;
    case 'reviewer':
      if (principal.kind !== 'user') throw forbidden('Sign in as a reviewer or admin');
      return;
    case 'admin':
      if (principal.kind !== 'user' || principal.role !== 'admin') throw forbidden('Only an admin may do this');
      return;
  }
}

export function requireUser(principal: Principal | undefined): UserPrincipal {
  if (!principal) throw unauthorized();
  if (principal.kind !== 'user') throw forbidden('Sign in as a reviewer or admin');
  return principal;
}

/** Admin sees every province; a reviewer only their own. */
export function canReviewProvince(user: UserPrincipal, provinceCode: string): boolean {
  return user.role === 'admin' || (user.role === 'reviewer' && user.provinceCode === provinceCode);
}

export function assertProvinceAccess(principal: Principal | undefined, provinceCode: string): UserPrincipal {
  const user = requireUser(principal);
  if (!canReviewProvince(user, provinceCode)) throw forbidden('This account reviews another province');
  return user;
}
