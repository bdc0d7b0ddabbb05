/**
 * Backup and restore, run by the operator with the server's own bundle and environment:
 *   node dist-server/main.js backup FILE    a consistent copy of the database, the server running
 *   node dist-server/main.js restore FILE   into an empty data directory / database, server stopped
 * SQLite: `VACUUM INTO` on a read-only connection copies one snapshot (one read transaction: a
 * write committed during the copy is either wholly in it or not at all; writers are not blocked,
 * WAL mode), the copy is checked (quick_check) and fsynced. Restore checks the file the same way
 * and moves it into place atomically, never over an existing database.
 * PostgreSQL: pg_dump (custom format, one snapshot) and pg_restore into an empty database in one
 * transaction; the client tools come from PATH, or from PG_BIN when set.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { ServerConfig } from './config';
import { SQLITE_FILE } from './db/connect';
import { checkSqliteFile, StorageStartError } from './db/sqlite-integrity';

function fsyncPath(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function pgTool(name: string): string {
  return process.env.PG_BIN ? path.join(process.env.PG_BIN, name) : name;
}

function refuse(message: string): never {
  throw new StorageStartError(message);
}

export function backup(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>, target: string): string {
  const file = path.resolve(target);
  if (fs.existsSync(file)) refuse(`${file} already exists: choose a new file name for the backup.`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (config.databaseUrl) {
    execFileSync(pgTool('pg_dump'), ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${config.databaseUrl}`], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  } else {
    const source = path.join(config.dataDir, SQLITE_FILE);
    if (!fs.existsSync(source)) refuse(`${source} does not exist: nothing to back up (is XASO_DATA_DIR right?).`);
    const db = new SqliteDatabase(source, { readonly: true, fileMustExist: true });
    try {
      db.pragma('busy_timeout = 10000');
      db.prepare('vacuum into ?').run(file);
    } finally {
      db.close();
    }
    checkSqliteFile(file);
  }
  fsyncPath(file);
  fsyncPath(path.dirname(file));
  return file;
}

export function restore(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>, source: string): string {
  const file = path.resolve(source);
  if (!fs.existsSync(file)) refuse(`${file} does not exist.`);
  if (config.databaseUrl) {
    // --single-transaction: a failed restore leaves the database as it was; into a non-empty
    // database the first CREATE TABLE fails, so nothing is overwritten.
    execFileSync(
      pgTool('pg_restore'),
      ['--no-owner', '--exit-on-error', '--single-transaction', `--dbname=${config.databaseUrl}`, file],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    return config.databaseUrl.replace(/\/\/[^@/]*@/, '//…@');
  }
  checkSqliteFile(file);
  const target = path.join(config.dataDir, SQLITE_FILE);
  for (const existing of [target, `${target}-wal`, `${target}-shm`]) {
    if (fs.existsSync(existing))
      refuse(`${existing} exists: stop the server and move the data directory's database files away before restoring.`);
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  const partial = `${target}.restoring`;
  fs.copyFileSync(file, partial);
  fsyncPath(partial);
  fs.renameSync(partial, target);
  fsyncPath(config.dataDir);
  return target;
}
