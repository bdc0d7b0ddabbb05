/**
 * What every route receives: the dependencies given to createApp (database, reference data,
 * clock) and, once authenticated, who is calling. Nothing here lives beyond one request except
 * read-only reference data, so any number of instances can share one database.
 */
import type { Context } from 'hono';
import { resolveClientAddress, type TrustedProxies } from './client-address';
import type { Kysely } from 'kysely';
import type { DialectName } from './db/connect';
import type { Database, DeviceRole, Role } from './db/schema';
import type { Storage } from './db/storage';
import type { ReferenceData } from './reference-data';
import type { CriteriaSetStore } from './services/criteria-set-store';

export interface AppDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Storage problems seen, and the durability barrier before an acknowledgement. */
  storage: Storage;
  reference: ReferenceData;
  /** Provinces' published criteria sets, read once each (immutable, so safe to keep per instance). */
  criteriaSets: CriteriaSetStore;
  now: () => Date;
  /** Origin for enrollment links (XASO_PUBLIC_URL, else the server's own; never the request's Host). */
  publicUrl: string;
  /** Reverse proxies whose X-Forwarded-For hops are believed (client-address.ts). */
  trustedProxies: TrustedProxies;
}

export interface UserPrincipal {
  kind: 'user';
  id: string;
  username: string;
  role: Role;
  provinceCode: string | null;
  tokenHash: string;
  /** After an admin's password reset: only changing the password (and signing out) is allowed. */
  mustChangePassword?: boolean;
}

export interface DevicePrincipal {
  kind: 'device';
  id: string;
  communeCode: string;
  provinceCode: string;
  tokenHash: string;
  /** `team`: a community team's phone, refused everywhere but its own routes (issue #15). */
  role: DeviceRole;
}

export type Principal = UserPrincipal | DevicePrincipal;

/** The Node adapter passes the incoming request; in-process tests may pass nothing or a stub. */
export interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string | undefined } };
}

export interface AppEnv {
  Bindings: NodeBindings | undefined;
  Variables: { principal: Principal | undefined };
}

export type AppContext = Context<AppEnv>;

export function nowIso(deps: AppDeps): string {
  return deps.now().toISOString();
}

export function clientIp(c: AppContext, deps: AppDeps): string {
  return resolveClientAddress(c.env?.incoming?.socket?.remoteAddress, c.req.header('x-forwarded-for'), deps.trustedProxies);
}
