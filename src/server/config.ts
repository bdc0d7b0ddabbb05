/**
 * Server configuration, read once from the environment by the entry (main.ts).
 * The app factory never reads process.env itself, so tests pass what they need.
 */
import path from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  /** PostgreSQL when set; embedded SQLite under dataDir otherwise. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** When set, user "admin" is created or its password reset on start. */
  adminPassword: string | undefined;
  /** Absolute origin used in enrollment links (e.g. https://xaso.example.vn); request origin otherwise. */
  publicUrl: string | undefined;
  /** Take the client IP from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy: boolean;
  /** Built PWA to serve; nothing is served when the folder is missing. */
  staticDir: string;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    host: nonEmpty(env.HOST) ?? '0.0.0.0',
    databaseUrl: nonEmpty(env.DATABASE_URL),
    dataDir: path.resolve(nonEmpty(env.XASO_DATA_DIR) ?? './.data'),
    adminPassword: nonEmpty(env.XASO_ADMIN_PASSWORD),
    publicUrl: nonEmpty(env.XASO_PUBLIC_URL)?.replace(/\/+$/, ''),
    trustProxy: env.XASO_TRUST_PROXY === '1' || env.XASO_TRUST_PROXY === 'true',
    staticDir: path.resolve(nonEmpty(env.XASO_STATIC_DIR) ?? './dist'),
  };
}
