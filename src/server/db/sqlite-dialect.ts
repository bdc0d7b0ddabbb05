/**
 * The Kysely dialect for the embedded SQLite database (better-sqlite3), replacing Kysely's own
 * SqliteDialect for three measured reasons (test/bench, 50 concurrent submissions):
 * - The one connection. better-sqlite3 has one; Kysely guards it with a mutex whose every release
 *   wakes every waiter to re-check it (with 50 requests in flight, some fifty wake-ups per query).
 *   Here waiters queue, first come, first served, and the connection is handed to the next one.
 * - Prepared statements. Kysely prepares every statement anew; the server runs a small fixed set,
 *   so each is prepared once and reused. With the queue: 14 → 4 µs of CPU per query measured.
 * - BEGIN IMMEDIATE. A transaction takes the write lock when it starts, so that if another process
 *   writes the same file (a second server started on the same data directory, a maintenance
 *   script), busy_timeout waits for the lock instead of a read-then-write transaction failing with
 *   SQLITE_BUSY. A single server process never waits on itself.
 * Everything else (SQL compilation, introspection, types) is Kysely's SQLite support.
 */
import type SqliteDatabase from 'better-sqlite3';
import type { Storage } from './storage';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

/** Statement texts vary only with IN-list lengths; past this many, the cache starts over. */
const MAX_CACHED_STATEMENTS = 500;

class SqliteConnection implements DatabaseConnection {
  private readonly statements = new Map<string, SqliteDatabase.Statement>();

  constructor(
    readonly database: SqliteDatabase.Database,
    private readonly storage: Storage | undefined,
  ) {}

  private prepare(sql: string): SqliteDatabase.Statement {
    const cached = this.statements.get(sql);
    // A statement still iterating (a streamed query) cannot run twice at once: use a fresh one.
    if (cached && !cached.busy) return cached;
    if (this.statements.size >= MAX_CACHED_STATEMENTS) this.statements.clear();
    // better-sqlite3 re-prepares a cached statement by itself after a schema change.
    const statement = this.database.prepare(sql);
    this.statements.set(sql, statement);
    return statement;
  }

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      const statement = this.prepare(query.sql);
      if (statement.reader) return Promise.resolve({ rows: statement.all(query.parameters) as R[] });
      const { changes, lastInsertRowid } = statement.run(query.parameters);
      // A write outside a transaction (autocommit) or the COMMIT itself: something new to fsync.
      if (!this.database.inTransaction) this.storage?.noteCommit();
      return Promise.resolve({ rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) });
    } catch (error) {
      // Disk full, read-only, corrupt: remembered for /health and the 503 (see storage.ts).
      this.storage?.noteFailure(error);
      return Promise.reject(error as Error);
    }
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    for (const row of this.prepare(query.sql).iterate(query.parameters)) yield { rows: [row as R] };
  }
}

class FifoSqliteDriver implements Driver {
  private readonly connection: SqliteConnection;
  private busy = false;
  private readonly waiting: (() => void)[] = [];

  constructor(
    database: SqliteDatabase.Database,
    private readonly beforeClose: () => Promise<void>,
    storage: Storage | undefined,
  ) {
    this.connection = new SqliteConnection(database, storage);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.busy) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      // Kysely 0.28 hands a finished query's rows to its caller one microtask after releasing the
      // connection; resuming the next waiter one microtask later lets callers see their results in
      // the order the database produced them (test/server/db-access.test.ts checks that order).
      await Promise.resolve();
    }
    // Either it was free, or the releaser handed it over still marked busy.
    this.busy = true;
    return this.connection;
  }

  async releaseConnection(): Promise<void> {
    const next = this.waiting.shift();
    if (next) next();
    else this.busy = false;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    // After SQLITE_FULL, SQLITE_IOERR and the like SQLite has already rolled the transaction back;
    // a ROLLBACK then fails with "cannot rollback - no transaction is active", and Kysely would
    // throw that instead of the error that says what went wrong.
    if (!this.connection.database.inTransaction) return;
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async destroy(): Promise<void> {
    await this.beforeClose();
    this.connection.database.close();
  }
}

export class BetterSqliteDialect implements Dialect {
  constructor(
    private readonly database: SqliteDatabase.Database,
    /** Runs when the Kysely instance is destroyed, before the database is closed. */
    private readonly beforeClose: () => Promise<void> = () => Promise.resolve(),
    /** Told of every commit and every storage failure. */
    private readonly storage?: Storage,
  ) {}

  createDriver(): Driver {
    return new FifoSqliteDriver(this.database, this.beforeClose, this.storage);
  }

  createQueryCompiler(): SqliteQueryCompiler {
    return new SqliteQueryCompiler();
  }

  createAdapter(): SqliteAdapter {
    // Kysely 0.28 adds no connection mutex of its own (its SqliteDriver has one, which this dialect
    // replaces): FifoSqliteDriver alone serialises the one connection.
    return new SqliteAdapter();
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's own signature
  createIntrospector(db: Kysely<any>): SqliteIntrospector {
    return new SqliteIntrospector(db);
  }
}
