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
import { BetterSqliteDialect } from './sqlite-dialect';

export type DialectName = 'sqlite' | 'postgres';

export interface OpenedDatabase {
  db: Kysely<Database>;
  dialect: DialectName;
}

export interface ConnectOptions {
  databaseUrl?: string | undefined;
  /** Folder of the SQLite file; created when missing. */
  dataDir: string;
}

export const SQLITE_FILE = 'xaso.sqlite';

export function openSqlite(file: string): OpenedDatabase {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new SqliteDatabase(file);
  // WAL lets readers work while a submission is written. NORMAL syncs the WAL at checkpoints,
  // not at every commit: a committed submission survives the server process being killed (it is
  // in the OS page cache), not a power cut or kernel crash (see ../README.md, "Durability").
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // Checkpoints run on their own thread; this is only the backstop (see checkpointer.ts).
  database.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  const checkpointer = startCheckpointer(file);
  return { db: new Kysely<Database>({ dialect: new BetterSqliteDialect(database, () => checkpointer.stop()) }), dialect: 'sqlite' };
}

export function openPostgres(connectionString: string): OpenedDatabase {
  const pool = new pg.Pool({ connectionString, max: 10 });
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' };
}

export function openDatabase(options: ConnectOptions): OpenedDatabase {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl)
    : openSqlite(path.join(options.dataDir, SQLITE_FILE));
}
