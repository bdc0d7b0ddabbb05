/**
 * Checked before the server opens its SQLite file for writing: a file that is not a sound
 * database stops the start with a message saying what to do, and is left exactly as it was
 * (it is only read, through a read-only connection, which never checkpoints or rewrites it).
 * Without this, a corrupt file served 500s on some reads while new submissions were still
 * acknowledged into it, and a zero-byte file became a fresh install with a new admin.
 */
import fs from 'node:fs';
import SqliteDatabase from 'better-sqlite3';

/** The start was refused because of the database file; main.ts prints the message alone. */
export class StorageStartError extends Error {}

const RESTORE_ADVICE =
  'Restore the latest backup into the data directory (README, "Operations"), or move the file away to start an empty database.';

/** Throws StorageStartError when `file` exists and is empty, not a database, or fails quick_check. */
export function checkSqliteFile(file: string): void {
  if (!fs.existsSync(file)) return;
  if (fs.statSync(file).size === 0) {
    throw new StorageStartError(
      `${file} is empty (0 bytes): it is not a database, and the server will not treat it as a fresh install. ${RESTORE_ADVICE}`,
    );
  }
  let problems: string[];
  try {
    const db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    try {
      // quick_check reads every page and b-tree (integrity_check also cross-checks every index
      // entry, several times slower on a large file); it lists up to 10 problems.
      problems = (db.pragma('quick_check(10)') as { quick_check: string }[]).map((row) => row.quick_check);
    } finally {
      db.close();
    }
  } catch (error) {
    problems = [error instanceof Error ? error.message : String(error)];
  }
  if (problems.length === 1 && problems[0] === 'ok') return;
  throw new StorageStartError(
    `${file} failed its integrity check (${problems.join('; ')}). The server did not start and has not changed the file. ${RESTORE_ADVICE}`,
  );
}
