/**
 * Opens the database: PostgreSQL (pg.Pool) when a URL is given, otherwise an embedded SQLite
 * file in WAL mode under the data directory. Everything above this file is dialect-agnostic.
 */
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';
import { BACKSTOP_PAGES, startCheckpointer } from './checkpointer';
import { hotStatementNames } from './prepared';
import { BetterSqliteDialect } from './sqlite-dialect';
import { checkSqliteFile } from './sqlite-integrity';
import { Storage } from './storage';

export type DialectName = 'sqlite' | 'postgres';

export interface OpenedDatabase {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Storage problems seen, and when a write is durable (see storage.ts). */
  storage: Storage;
  /** SQLite only: the connection itself (tests inject storage faults through its pragmas). */
  sqlite?: SqliteDatabase.Database;
}

export interface SqliteOptions {
  /** How the WAL is made durable; tests hold or fail it. Default: fdatasync. */
  syncWal?: ConstructorParameters<typeof Storage>[1];
}

export interface ConnectOptions {
  databaseUrl?: string | undefined;
  /** Folder of the SQLite file; created when missing. */
  dataDir: string;
}

export const SQLITE_FILE = 'xaso.sqlite';

export function openSqlite(file: string, options: SqliteOptions = {}): OpenedDatabase {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Refuses an empty, foreign or corrupt file before anything can write to it.
  checkSqliteFile(file);
  const database = new SqliteDatabase(file);
  // WAL lets readers work while a submission is written. NORMAL does not fsync at each COMMIT
  // (≈ 2 ms of blocked event loop per commit on the benchmark machine); a write is acknowledged
  // only after Storage.durable() has fdatasynced the WAL on the thread pool, one fsync for every
  // commit made meanwhile (group commit). See ../README.md, "Durability".
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // Checkpoints run on their own thread; this is only the backstop (see checkpointer.ts).
  database.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  const checkpointer = startCheckpointer(file);
  const storage = new Storage(`${file}-wal`, options.syncWal);
  const beforeClose = async () => {
    await checkpointer.stop();
    await storage.close();
  };
  return {
    db: new Kysely<Database>({ dialect: new BetterSqliteDialect(database, beforeClose, storage) }),
    dialect: 'sqlite',
    storage,
    sqlite: database,
  };
}

/**
 * Sends the queries of prepared() (the submission path) as named statements: PostgreSQL parses
 * and plans each once per connection instead of on every run, CPU that it takes from the same
 * cores as the server. Same single round trip (node-pg sends Parse with the first Bind/Execute).
 */
function namePreparedStatements(client: pg.PoolClient): void {
  // Looked up on each call (not bound once), so the client's class method stays the one that runs.
  const query = (...args: unknown[]) =>
    (Object.getPrototypeOf(client) as { query: (...a: unknown[]) => unknown }).query.apply(client, args);
  const named = (...args: unknown[]) => {
    const [text, values] = args;
    const name = args.length === 2 && typeof text === 'string' && Array.isArray(values) ? hotStatementNames.get(text) : undefined;
    return name ? query({ name, text, values }) : query(...args);
  };
  client.query = named as typeof client.query;
}

export function openPostgres(connectionString: string): OpenedDatabase {
  const storage = new Storage();
  // A connection that PostgreSQL ends (restart, failover, idle timeout) emits 'error' on its
  // client, and the pool re-emits it for idle ones: with no listener Node ends the process
  // ("Unhandled 'error' event"). Listened to here, the broken client is dropped by the pool, the
  // request that used it fails (503, see errors.ts), and the next request connects anew.
  const note = (error: Error) => {
    storage.noteFailure(error);
    console.warn(`[xaso] PostgreSQL connection lost: ${error.message}`);
  };
  const pool = new pg.Pool({ connectionString, max: 10, connectionTimeoutMillis: 5_000 });
  pool.on('error', note);
  pool.on('connect', (client) => {
    client.on('error', note);
    namePreparedStatements(client);
  });
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres', storage };
}

export function openDatabase(options: ConnectOptions): OpenedDatabase {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openSqlite(path.join(options.dataDir, SQLITE_FILE));
}
