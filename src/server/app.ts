/**
 * The app factory: everything the server does, without listening. main.ts wires it to a port;
 * tests call `app.request()` in-process against a fresh database.
 */
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { Kysely } from 'kysely';
import { limitBody } from './body-limit';
import { NO_PROXY, type TrustedProxies } from './client-address';
import type { AppDeps, AppEnv } from './context';
import type { DialectName } from './db/connect';
import type { Database } from './db/schema';
import { Storage } from './db/storage';
import { durableWrites } from './durable-writes';
import { errorBody, handleError, type ErrorLogger } from './errors';
import { loadReferenceData, type ReferenceData } from './reference-data';
import { registerAccountRoutes } from './routes/accounts';
import { registerAssessmentRoutes } from './routes/assessments';
import { registerCommunityRoutes } from './routes/community';
import { registerCriteriaSetRoutes } from './routes/criteria-sets';
import { CRITERIA_UPLOAD_PATH, MAX_CRITERIA_SET_BYTES } from './routes/criteria-set-writes';
import { registerEnrollmentRoutes } from './routes/enrollment';
import { registerEnrollmentCodeRoutes } from './routes/enrollment-codes';
import { registerCommunePopulationRoutes } from './routes/commune-population';
import { registerEvidenceRoutes } from './routes/evidence';
import type { EvidenceOptions } from './evidence/tus';
import { registerHealthRoutes } from './routes/health';
import { registerProvinceRoutes } from './routes/provinces';
import { registerVerificationRoutes } from './routes/verification';
import { registerWideCsvRoutes } from './routes/wide-csv';
import { ApiRoutes, API_PREFIX } from './routes/registry';
import { securityHeaders } from './security-headers';
import { CriteriaSetStore } from './services/criteria-set-store';
import { serveStaticApp } from './static';

/**
 * Far above the largest valid submission (every component of the three area types answered, each
 * note, N/A reason and name at its limit: under 2 MB of UTF-8), far below anything that hurts.
 */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
export const API_VERSION = '1.0.0';
/** In-process use only; main.ts always passes XASO_PUBLIC_URL or the server's own origin. */
export const DEFAULT_PUBLIC_URL = 'http://localhost:8080';

export interface CreateAppOptions {
  db: Kysely<Database>;
  dialect: DialectName;
  /** From openDatabase(); without it writes are acknowledged once committed, as on PostgreSQL. */
  storage?: Storage;
  /** The built PWA; nothing but the API is served without it. */
  staticDir?: string | undefined;
  /** The clock (tests move it to expire codes and sessions). */
  now?: () => Date;
  /** Catalogue, methodology and admin units; read from data/ when not given. */
  reference?: ReferenceData;
  /** Origin of enrollment links; DEFAULT_PUBLIC_URL when not given (never the request's Host). */
  publicUrl?: string | undefined;
  trustedProxies?: TrustedProxies;
  logError?: ErrorLogger;
  /** Evidence limits (tests lower the per-commune quota). */
  evidence?: EvidenceOptions;
}

export interface XaSoApp {
  app: Hono<AppEnv>;
  deps: AppDeps;
  /** Every API route, as documented in /api/v1/openapi.json. */
  routes: ApiRoutes;
}

export function createApp(options: CreateAppOptions): XaSoApp {
  const deps: AppDeps = {
    db: options.db,
    dialect: options.dialect,
    storage: options.storage ?? new Storage(),
    reference: options.reference ?? loadReferenceData(),
    criteriaSets: new CriteriaSetStore(),
    now: options.now ?? (() => new Date()),
    publicUrl: options.publicUrl ?? DEFAULT_PUBLIC_URL,
    trustedProxies: options.trustedProxies ?? NO_PROXY,
  };
  const app = new Hono<AppEnv>();
  app.use('*', securityHeaders());
  // A criteria set may be uploaded as a workbook of up to 10 MB; every other body stays at 4 MB.
  const bodyLimit = limitBody(MAX_BODY_BYTES);
  const criteriaUploadLimit = limitBody(MAX_CRITERIA_SET_BYTES);
  app.use(`${API_PREFIX}/*`, (c, next) => (CRITERIA_UPLOAD_PATH.test(c.req.path) ? criteriaUploadLimit : bodyLimit)(c, next));
  // A published set (60 KB of JSON for the template's 47 indicators) goes to phones on weak signal.
  app.use(`${API_PREFIX}/criteria-sets/*`, compress({ encoding: 'gzip' }));
  app.use(`${API_PREFIX}/criteria-sets`, compress({ encoding: 'gzip' }));
  app.use(`${API_PREFIX}/*`, durableWrites(deps.storage));

  const routes = new ApiRoutes(app, deps, MAX_BODY_BYTES);
  registerHealthRoutes(routes, deps, API_VERSION);
  registerAccountRoutes(routes, deps);
  registerEnrollmentRoutes(routes, deps);
  registerEnrollmentCodeRoutes(routes, deps);
  registerCommunePopulationRoutes(routes, deps);
  registerAssessmentRoutes(routes, deps);
  registerProvinceRoutes(routes, deps);
  registerVerificationRoutes(routes, deps);
  registerWideCsvRoutes(routes, deps);
  registerEvidenceRoutes(app, routes, deps, options.evidence);
  registerCriteriaSetRoutes(routes, deps);
  registerCommunityRoutes(routes, deps);

  if (options.staticDir) serveStaticApp(app, options.staticDir);
  app.notFound((c) => c.json(errorBody('not_found', 'No such resource'), 404));
  app.onError(handleError(options.logError, deps.storage));
  return { app, deps, routes };
}
