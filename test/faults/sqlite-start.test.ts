/**
 * R2: the server is started on a SQLite file that is not sound: two pages overwritten (a bad
 * disk, a bad copy), or a zero-byte file (a full disk at copy time, a truncating script). It must
 * refuse to start, say why and what to do, and leave the file exactly as it found it; before, it
 * started on the corrupt file (500s on some reads, new submissions acknowledged into it) and took
 * the empty one for a fresh install with a new admin. The real server process (npm start's bundle).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SQLITE_FILE } from '../../src/server/db/connect';
import { submission } from '../server/fixtures';
import { Api } from './support/api';
import { ServerProcess, tempDir } from './support/server-process';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** Starts a server on `dataDir` that is expected to refuse; returns what it printed. */
async function refusedStart(dataDir: string): Promise<string> {
  const attempt = ServerProcess.start({ dataDir, startTimeoutMs: 20_000 });
  const error = await attempt.then(
    async (server) => {
      await server.kill();
      return undefined;
    },
    (e: unknown) => e as Error,
  );
  expect(error, 'the server started').toBeInstanceOf(Error);
  return error?.message ?? '';
}

describe('a SQLite file that is not sound at start', () => {
  it('[R2] two corrupted pages: the server refuses to start with a clear message, and the file is untouched', async () => {
    const dataDir = tempDir('corrupt');
    dirs.push(dataDir);
    const server = await ServerProcess.start({ dataDir });
    const api = new Api(server.url);
    const reviewer = await api.reviewer('04');
    const device = await api.enroll(reviewer, '01290');
    for (let i = 0; i < 30; i++) {
      const res = await api.request('PUT', `/api/v1/assessments/corrupt-${i}`, {
        token: device.token,
        body: submission('01290', { status: () => 2 }),
      });
      expect(res.status).toBe(200);
    }
    await server.stop();

    // Overwrite the first page of the two tables the dashboards read.
    const file = path.join(dataDir, SQLITE_FILE);
    expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0);
    const roots = server.readSqlite(
      (db) =>
        db
          .prepare(`select rootpage from sqlite_master where name in ('assessments', 'assessment_revisions') order by name`)
          .pluck()
          .all() as number[],
    );
    expect(roots).toHaveLength(2);
    const fd = fs.openSync(file, 'r+');
    for (const page of roots) fs.writeSync(fd, crypto.randomBytes(4096), 0, 4096, (page - 1) * 4096);
    fs.closeSync(fd);
    const before = sha(file);

    const printed = await refusedStart(dataDir);
    expect(printed).toMatch(/failed its integrity check/);
    expect(printed).toMatch(/has not changed the file/);
    expect(printed).toMatch(/Restore the latest backup/);
    expect(printed).not.toMatch(/Listening/);
    expect(sha(file)).toBe(before);
  });

  it('[R2] a zero-byte database file is refused, not taken for a fresh install', async () => {
    const dataDir = tempDir('empty');
    dirs.push(dataDir);
    const file = path.join(dataDir, SQLITE_FILE);
    fs.writeFileSync(file, '');

    const printed = await refusedStart(dataDir);
    expect(printed).toMatch(/is empty \(0 bytes\)/);
    expect(printed).not.toMatch(/Created user|admin.*created|Listening/);
    expect(fs.statSync(file).size).toBe(0);
  });
});
