/**
 * An in-process server over a fresh database of either kind, with helpers that speak the API
 * the way the phone and the reviewer screens do. No socket is opened: requests go through
 * `app.request()`, and the client IP is passed as the Node adapter would.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type SqliteDatabase from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createApp, type CreateAppOptions, type XaSoApp } from '../../src/server/app';
import { ensureAdmin } from '../../src/server/auth/admin-bootstrap';
import { openPostgres, openSqlite, type DialectName } from '../../src/server/db/connect';
import { migrateToLatest } from '../../src/server/db/migrate';
import type { Database } from '../../src/server/db/schema';
import type { Storage } from '../../src/server/db/storage';
import { loadReferenceData, type ReferenceData } from '../../src/server/reference-data';
import { acquirePostgres, createTestSchema, dropTestSchema, releasePostgres } from './pg-harness';

export const DB_KINDS: DialectName[] = ['sqlite', 'postgres'];
export const ADMIN_PASSWORD = 'admin-password-for-tests';
export const START = new Date('2026-03-02T08:00:00.000Z');

let sharedReference: ReferenceData | undefined;
export function realReference(): ReferenceData {
  sharedReference ??= loadReferenceData();
  return sharedReference;
}

export interface TestDatabase {
  db: Kysely<Database>;
  dialect: DialectName;
  storage: Storage;
  /** SQLite only: the raw connection. */
  sqlite?: SqliteDatabase.Database;
  /** PostgreSQL only: the schema holding this test's tables. */
  schema?: string;
  close(): Promise<void>;
}

export async function openTestDatabase(kind: DialectName): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xaso-sqlite-'));
    const { db, storage, sqlite } = openSqlite(path.join(dir, 'test.sqlite'));
    return {
      db,
      dialect: 'sqlite',
      storage,
      ...(sqlite ? { sqlite } : {}),
      close: async () => {
        await db.destroy();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const { url, schema } = await createTestSchema();
  const { db, storage } = openPostgres(url);
  return {
    db,
    dialect: 'postgres',
    storage,
    schema,
    close: async () => {
      await db.destroy();
      await dropTestSchema(schema);
    },
  };
}

/** Starts PostgreSQL for this file when the suite runs against it. Call at the top of a describe. */
export function usePostgresWhen(kind: DialectName): void {
  if (kind !== 'postgres') return;
  beforeAll(() => acquirePostgres());
  afterAll(() => releasePostgres());
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  // Tests read into whatever they expect; a wrong guess fails the assertion that follows.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

export interface RequestOptions {
  token?: string | undefined;
  body?: unknown;
  /** Sent as-is (malformed JSON, oversize or gzipped bodies; a stream is sent without Content-Length). */
  rawBody?: string | Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array>;
  ip?: string;
  headers?: Record<string, string>;
}

export class TestServer {
  clock = new Date(START);

  private constructor(
    readonly database: TestDatabase,
    readonly xaso: XaSoApp,
  ) {}

  static async start(kind: DialectName, options: Partial<CreateAppOptions> = {}): Promise<TestServer> {
    const database = await openTestDatabase(kind);
    await migrateToLatest(database.db);
    await ensureAdmin(database.db, { password: ADMIN_PASSWORD, now: START });
    let server: TestServer | undefined = undefined;
    const xaso = createApp({
      db: database.db,
      dialect: database.dialect,
      storage: database.storage,
      reference: options.reference ?? realReference(),
      now: () => new Date(server?.clock ?? START),
      logError: () => undefined,
      ...options,
    });
    server = new TestServer(database, xaso);
    return server;
  }

  get db(): Kysely<Database> {
    return this.database.db;
  }

  advance(ms: number): void {
    this.clock = new Date(this.clock.getTime() + ms);
  }

  async request(method: string, url: string, options: RequestOptions = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: RequestOptions['rawBody'] = options.rawBody;
    if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const env = { incoming: { socket: { remoteAddress: options.ip ?? '192.0.2.10' } } };
    const streamed = body instanceof ReadableStream ? { duplex: 'half' } : {};
    const res = await this.xaso.app.request(url, { method, headers, body, ...streamed } as RequestInit, env);
    const text = await res.text();
    let json: unknown = undefined;
    if ((res.headers.get('content-type') ?? '').includes('json') && text !== '') json = JSON.parse(text);
    return { status: res.status, headers: res.headers, text, json };
  }

  async login(username: string, password: string, ip?: string): Promise<string> {
    const res = await this.request('POST', '/api/v1/sessions', { body: { username, password }, ...(ip ? { ip } : {}) });
    if (res.status !== 201) throw new Error(`login ${username} failed: ${res.status} ${res.text}`);
    return res.json.token as string;
  }

  adminToken(): Promise<string> {
    return this.login('admin', ADMIN_PASSWORD);
  }

  /** Creates a reviewer of the province and signs them in. */
  async reviewer(provinceCode: string, username = `rev${provinceCode}`): Promise<string> {
    const password = 'reviewer-password-1';
    const res = await this.request('POST', '/api/v1/users', {
      token: await this.adminToken(),
      body: { username, password, provinceCode },
    });
    if (res.status !== 201) throw new Error(`create reviewer failed: ${res.status} ${res.text}`);
    return this.login(username, password);
  }

  async issueCode(reviewerToken: string, communeCode: string): Promise<string> {
    const res = await this.request('POST', `/api/v1/communes/${communeCode}/enrollment-codes`, { token: reviewerToken });
    if (res.status !== 201) throw new Error(`issue code failed: ${res.status} ${res.text}`);
    return res.json.code as string;
  }

  /** Enrolls a phone for the commune; returns its device token and id. */
  async enroll(reviewerToken: string, communeCode: string): Promise<{ token: string; deviceId: string }> {
    const code = await this.issueCode(reviewerToken, communeCode);
    const res = await this.request('POST', '/api/v1/enrollments', { body: { code } });
    if (res.status !== 201) throw new Error(`enroll failed: ${res.status} ${res.text}`);
    return { token: res.json.token as string, deviceId: res.json.deviceId as string };
  }

  close(): Promise<void> {
    return this.database.close();
  }
}

/** A fresh server (and database) for every test of the enclosing describe; PostgreSQL started when needed. */
export function serverPerTest(kind: DialectName, options: Partial<CreateAppOptions> = {}): () => TestServer {
  usePostgresWhen(kind);
  let current: TestServer | undefined;
  beforeEach(async () => {
    current = await TestServer.start(kind, options);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('no server: serverPerTest() must be called inside a describe');
    return current;
  };
}
