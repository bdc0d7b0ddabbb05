/**
 * R6: backup and restore, with the documented commands (`node dist-server/main.js backup FILE`,
 * `… restore FILE`, README "Operations") run on the real bundle. Phones keep submitting while the
 * backup is taken; the backup is restored into a fresh data directory (SQLite) or an empty
 * database (PostgreSQL), a server is started on it, and every revision acknowledged before the
 * backup began is there with the content that was acknowledged, and nothing is half there.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { submissionContentHash } from '../support/submission-hash';
import { submission } from '../server/fixtures';
import { realReference } from '../server/harness';
import { startPrivateCluster } from '../server/pg-harness';
import { Api } from './support/api';
import { runServerCommand, ServerProcess, tempDir } from './support/server-process';

const PROVINCE = '04';
const PHONES = 6;

interface Ack {
  id: string;
  revision: number;
  token: string;
  hash: string;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Phones submitting revisions 1 and 2 of one assessment after another until stop() is called. */
async function startLoad(api: Api, label: string) {
  const reviewer = await api.reviewer(PROVINCE);
  const communes = realReference().provinces.get(PROVINCE)?.communes.slice(0, PHONES) ?? [];
  const devices = await Promise.all(communes.map((c) => api.enroll(reviewer, c.code)));
  const acks: Ack[] = [];
  let stopped = false;
  const running = Promise.all(
    communes.map(async (commune, w) => {
      const token = devices[w]?.token ?? '';
      for (let i = 0; !stopped; i++) {
        const id = `backup-${label}-${w}-${i}`;
        for (const body of [
          submission(commune.code, { status: () => 2 }),
          submission(commune.code, { revision: 2, baseRevision: 1, status: () => 3 }),
        ]) {
          const res = await api.request('PUT', `/api/v1/assessments/${id}`, { token, body });
          if (res.status !== 200) throw new Error(`${id}: ${res.status} ${res.text}`);
          acks.push({ id, revision: body.revision, token, hash: submissionContentHash(body) });
        }
      }
    }),
  );
  return {
    acks,
    stop: async () => {
      stopped = true;
      await running;
    },
  };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 20));
}

/** Every acknowledged revision is on the restored server, with its acknowledged content. */
async function expectRestored(restored: ServerProcess, acks: Ack[]): Promise<void> {
  const api = new Api(restored.url);
  expect((await api.request('GET', '/api/v1/health')).status).toBe(200);
  for (const ack of acks) {
    const res = await api.request('GET', `/api/v1/assessments/${ack.id}/revisions`, { token: ack.token });
    expect(res.status, `${ack.id}: ${res.text}`).toBe(200);
    const stored = (res.json.revisions as { revision: number; contentHash: string }[]).find((r) => r.revision === ack.revision);
    expect(stored?.contentHash, `${ack.id} revision ${ack.revision}`).toBe(ack.hash);
  }
}

const ORPHANS = `select count(*) as n from assessments a
  where not exists (select 1 from assessment_revisions r where r.assessment_id = a.id and r.revision = a.latest_revision)`;

describe('backup and restore', () => {
  it('[R6] SQLite: an online backup taken under load, restored into a fresh data directory, holds every revision acknowledged before it', async () => {
    const server = await ServerProcess.start();
    cleanups.push(() => server.dispose());
    const load = await startLoad(new Api(server.url), 'sqlite');
    await until(() => load.acks.length >= 30);
    const before = [...load.acks];
    const file = path.join(tempDir('backup'), 'xaso-backup.sqlite');
    cleanups.push(() => fs.rmSync(path.dirname(file), { recursive: true, force: true }));
    const made = await runServerCommand(['backup', file], { XASO_DATA_DIR: server.dataDir });
    await load.stop();
    expect(made.code, made.output).toBe(0);
    expect(made.output).toContain('Backup written to');
    expect(load.acks.length).toBeGreaterThan(before.length);

    const fresh = tempDir('restored');
    const restored = await runServerCommand(['restore', file], { XASO_DATA_DIR: fresh });
    expect(restored.code, restored.output).toBe(0);
    // Never over an existing database.
    const again = await runServerCommand(['restore', file], { XASO_DATA_DIR: fresh });
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/exists: stop the server and move/);

    const second = await ServerProcess.start({ dataDir: fresh });
    cleanups.push(() => second.dispose());
    await expectRestored(second, before);
    expect(second.readSqlite((db) => (db.prepare(ORPHANS).get() as { n: number }).n)).toBe(0);
  }, 180_000);

  it('[R6] PostgreSQL: pg_dump taken under load, restored into an empty database, holds every revision acknowledged before it', async () => {
    const cluster = await startPrivateCluster();
    cleanups.push(() => cluster.stop());
    const server = await ServerProcess.start({ databaseUrl: cluster.url });
    cleanups.push(() => server.dispose());
    const load = await startLoad(new Api(server.url), 'pg');
    await until(() => load.acks.length >= 30);
    const before = [...load.acks];
    const file = path.join(tempDir('backup'), 'xaso-backup.pgdump');
    cleanups.push(() => fs.rmSync(path.dirname(file), { recursive: true, force: true }));
    const made = await runServerCommand(['backup', file], { DATABASE_URL: cluster.url });
    await load.stop();
    expect(made.code, made.output).toBe(0);

    cluster.tool('psql', [
      '-h',
      new URL(cluster.url).hostname,
      '-p',
      new URL(cluster.url).port,
      '-U',
      'postgres',
      '-d',
      'postgres',
      '-qc',
      'CREATE DATABASE xaso_restored',
    ]);
    const restoredUrl = cluster.url.replace(/\/xaso_tests$/, '/xaso_restored');
    const restored = await runServerCommand(['restore', file], { DATABASE_URL: restoredUrl });
    expect(restored.code, restored.output).toBe(0);
    // Into a database that already holds the tables: refused, nothing changed.
    const again = await runServerCommand(['restore', file], { DATABASE_URL: restoredUrl });
    expect(again.code).toBe(1);

    const second = await ServerProcess.start({ databaseUrl: restoredUrl });
    cleanups.push(() => second.dispose());
    await expectRestored(second, before);
    const client = new pg.Client({ connectionString: restoredUrl });
    await client.connect();
    try {
      expect(Number((await client.query<{ n: string }>(ORPHANS)).rows[0]?.n)).toBe(0);
    } finally {
      await client.end();
    }
  }, 180_000);
});
