/**
 * R3: the SQLite file's storage fails under a running server: the disk fills up, the file becomes
 * read-only. The refused write is answered 503 (the phone keeps and retries it), /api/v1/health
 * names the problem instead of "ok", the log shows the real error (not "cannot rollback - no
 * transaction is active", which a failed ROLLBACK used to put in its place), and everything works
 * again once the storage does. In process, on the real better-sqlite3 connection: the faults are
 * SQLite's own errors, raised through its pragmas (max_page_count: SQLITE_FULL "database or disk
 * is full"; query_only: SQLITE_READONLY), since a full or read-only filesystem needs root.
 */
import type SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MOUNTAIN_COMMUNE, MOUNTAIN_PROVINCE, submission } from '../server/fixtures';
import { TestServer } from '../server/harness';

interface Logged {
  path: string;
  text: string;
}

async function startWithLog(): Promise<{ server: TestServer; sqlite: SqliteDatabase.Database; logged: Logged[]; token: string }> {
  const logged: Logged[] = [];
  const server = await TestServer.start('sqlite', {
    logError: (error, c) =>
      logged.push({ path: new URL(c.req.url).pathname, text: error instanceof Error ? `${error.message}` : String(error) }),
  });
  const sqlite = server.database.sqlite;
  if (!sqlite) throw new Error('no SQLite connection');
  const reviewer = await server.reviewer(MOUNTAIN_PROVINCE);
  const { token } = await server.enroll(reviewer, MOUNTAIN_COMMUNE);
  return { server, sqlite, logged, token };
}

describe('storage failures on SQLite', () => {
  it('[R3] the disk fills up: the submission gets a 503, health says disk_full, the log has the real error, and it all recovers with space', async () => {
    const { server, sqlite, logged, token } = await startWithLog();
    try {
      const body = submission(MOUNTAIN_COMMUNE, { status: () => 2 });
      const pages = Number(sqlite.pragma('page_count', { simple: true }));
      sqlite.pragma(`max_page_count = ${pages}`);

      const refused = await server.request('PUT', '/api/v1/assessments/disk-full-0001', { token, body });
      expect(refused.status).toBe(503);
      expect(refused.json.error).toMatchObject({ code: 'db_unavailable', storage: 'disk_full' });
      expect(refused.headers.get('retry-after')).toBe('5');
      const health = await server.request('GET', '/api/v1/health');
      expect(health.status).toBe(503);
      expect(health.json.error).toMatchObject({ code: 'db_unavailable', storage: 'disk_full', db: 'sqlite' });
      expect(logged.map((l) => l.text).join('\n')).toMatch(/database or disk is full/);
      expect(logged.map((l) => l.text).join('\n')).not.toMatch(/cannot rollback/);
      const stored = await server.db
        .selectFrom('assessment_revisions')
        .select('revision')
        .where('assessment_id', '=', 'disk-full-0001')
        .execute();
      expect(stored).toEqual([]);

      sqlite.pragma('max_page_count = 1073741823');
      const retried = await server.request('PUT', '/api/v1/assessments/disk-full-0001', { token, body });
      expect(retried.status).toBe(200);
      expect((await server.request('GET', '/api/v1/health')).json).toMatchObject({ status: 'ok', storage: 'ok' });
    } finally {
      await server.close();
    }
  });

  it('[R3] the file turns read-only: the submission gets a 503, health says read_only, the log has the real error, and it recovers', async () => {
    const { server, sqlite, logged, token } = await startWithLog();
    try {
      const body = submission(MOUNTAIN_COMMUNE, { status: () => 3 });
      sqlite.pragma('query_only = ON');

      const refused = await server.request('PUT', '/api/v1/assessments/read-only-0001', { token, body });
      expect(refused.status).toBe(503);
      expect(refused.json.error).toMatchObject({ code: 'db_unavailable', storage: 'read_only' });
      const health = await server.request('GET', '/api/v1/health');
      expect(health.status).toBe(503);
      expect(health.json.error).toMatchObject({ storage: 'read_only' });
      expect(logged.map((l) => l.text).join('\n')).toMatch(/readonly database/);
      expect(logged.map((l) => l.text).join('\n')).not.toMatch(/cannot rollback/);

      sqlite.pragma('query_only = OFF');
      expect((await server.request('PUT', '/api/v1/assessments/read-only-0001', { token, body })).status).toBe(200);
      expect((await server.request('GET', '/api/v1/health')).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
