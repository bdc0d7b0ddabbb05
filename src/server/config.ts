/**
 * Server configuration, read once from the environment by the entry (main.ts).
 * The app factory never reads process.env itself, so tests pass what they need.
 */
import os from 'node:os';
import path from 'node:path';
import { parseTrustedProxies, type TrustedProxies } from './client-address';

export interface ServerConfig {
  port: number;
  host: string;
  /** PostgreSQL when set; embedded SQLite under dataDir otherwise. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** When set, user "admin" is created or its password reset on start. */
  adminPassword: string | undefined;
  /** Origin used in enrollment links: XASO_PUBLIC_URL, else the server's own (never the request's Host). */
  publicUrl: string;
  /** True when publicUrl is the server's own origin (main.ts warns: phones may not reach it). */
  publicUrlGuessed: boolean;
  /** XASO_TRUST_PROXY: the reverse proxies whose X-Forwarded-For hops are believed. */
  trustedProxies: TrustedProxies;
  /** Built PWA to serve; nothing is served when the folder is missing. */
  staticDir: string;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const host = nonEmpty(env.HOST) ?? '0.0.0.0';
  const configuredUrl = nonEmpty(env.XASO_PUBLIC_URL)?.replace(/\/+$/, '');
  if (configuredUrl !== undefined && !/^https?:\/\/[^/?#]+$/.test(configuredUrl))
    throw new Error(`XASO_PUBLIC_URL must be an origin such as https://xaso.example.vn, got "${configuredUrl}"`);
  return {
    port,
    host,
    databaseUrl: nonEmpty(env.DATABASE_URL),
    dataDir: path.resolve(nonEmpty(env.XASO_DATA_DIR) ?? './.data'),
    adminPassword: nonEmpty(env.XASO_ADMIN_PASSWORD),
    publicUrl: configuredUrl ?? ownOrigin(host, port),
    publicUrlGuessed: configuredUrl === undefined,
    trustedProxies: parseTrustedProxies(env.XASO_TRUST_PROXY),
    staticDir: path.resolve(nonEmpty(env.XASO_STATIC_DIR) ?? './dist'),
  };
}

/**
 * The server's own origin, for enrollment links when XASO_PUBLIC_URL is unset: the interface it
 * listens on, or the machine's name when it listens on every interface. Never the request's Host
 * header, which the caller writes.
 */
export function ownOrigin(host: string, port: number): string {
  const name = host === '0.0.0.0' || host === '::' ? os.hostname() : host;
  return `http://${name.includes(':') ? `[${name}]` : name}:${port}`;
}
