/**
 * S3: the server process is killed with SIGKILL while phones are submitting. Every submission it
 * acknowledged (HTTP 200) must be there after a restart, exactly once, and the database must hold
 * no half-written assessment. Run against the embedded SQLite and against PostgreSQL.
 * The load is bounded: 12 concurrent phones, the kill comes after 40 acknowledgements.
 */
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Submission } from '../../src/domain/submission';
import { SQLITE_FILE } from '../../src/server/db/connect';
import { submission } from '../server/fixtures';
import { realReference } from '../server/harness';
import { acquirePostgres, createTestSchema, dropTestSchema, releasePostgres } from '../server/pg-harness';
import { submissionContentHash } from '../support/submission-hash';
import { Api } from './support/api';
import { ServerProcess } from './support/server-process';

const PROVINCE = '01';
const WORKERS = 12;
const KILL_AFTER_ACKS = 40;

interface Attempt {
  id: string;
  revision: number;
  token: string;
  body: Submission;
  hash: string;
  status: number | 'no-answer';
}

type Kind = 'sqlite' | 'postgres';

/** Checks the stored rows directly: every assessment points at a revision that exists. */
async function orphans(kind: Kind, server: ServerProcess, databaseUrl: string | undefined): Promise<number> {
  const query = `select count(*) as n from assessments a
    where not exists (select 1 from assessment_revisions r where r.assessment_id = a.id and r.revision = a.latest_revision)`;
  if (kind === 'sqlite') {
    const db = new SqliteDatabase(path.join(server.dataDir, SQLITE_FILE), { readonly: true });
    try {
      return Number((db.prepare(query).get() as { n: number }).n);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(query)).rows[0]?.n ?? -1);
  } finally {
    await client.end();
  }
}

describe.each<Kind>(['sqlite', 'postgres'])('SIGKILL under load (%s)', (kind) => {
  let server: ServerProcess;
  let databaseUrl: string | undefined;
  let schema: string | undefined;

  beforeAll(async () => {
    if (kind === 'postgres') {
      await acquirePostgres();
      ({ url: databaseUrl, schema } = await createTestSchema());
    }
    server = await ServerProcess.start(databaseUrl ? { databaseUrl } : {});
  });

  afterAll(async () => {
    await server?.dispose();
    if (schema) await dropTestSchema(schema);
    if (kind === 'postgres') await releasePostgres();
  });

  it(`[S3] the server is killed (SIGKILL) under load: every acknowledged submission is there after restart, exactly once (${kind})`, async () => {
    const api = new Api(server.url);
    const reviewer = await api.reviewer(PROVINCE);
    const communes = realReference().provinces.get(PROVINCE)?.communes.slice(0, WORKERS) ?? [];
    expect(communes).toHaveLength(WORKERS);
    const devices = await Promise.all(communes.map((c) => api.enroll(reviewer, c.code)));

    const attempts: Attempt[] = [];
    let acks = 0;
    let killed: Promise<void> | undefined;
    const send = async (a: Omit<Attempt, 'status' | 'hash'>): Promise<Attempt> => {
      const attempt: Attempt = { ...a, hash: submissionContentHash(a.body), status: 'no-answer' };
      attempts.push(attempt);
      try {
        const res = await fetch(`${server.url}/api/v1/assessments/${a.id}`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${a.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(a.body),
        });
        await res.text();
        attempt.status = res.status;
      } catch {
        attempt.status = 'no-answer';
      }
      if (attempt.status === 200 && ++acks === KILL_AFTER_ACKS) killed = server.kill();
      return attempt;
    };

    // Each phone sends revision 1 then revision 2 of one assessment after another, until the kill.
    await Promise.all(
      communes.map(async (commune, w) => {
        const token = devices[w]?.token ?? '';
        for (let i = 0; !killed && i < 100; i++) {
          const id = `crash-${kind}-${w}-${i}`;
          const first = await send({ id, revision: 1, token, body: submission(commune.code, { status: () => 2 }) });
          if (first.status !== 200) return;
          await send({
            id,
            revision: 2,
            token,
            body: submission(commune.code, { revision: 2, baseRevision: 1, status: () => 3 }),
          });
        }
      }),
    );
    await killed;
    const acknowledged = attempts.filter((a) => a.status === 200);
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    // Requests were in flight when the process died.
    expect(attempts.some((a) => a.status === 'no-answer')).toBe(true);
    expect(attempts.every((a) => a.status === 200 || a.status === 'no-answer')).toBe(true);

    await server.restart();
    expect(await orphans(kind, server, databaseUrl)).toBe(0);

    // Every acknowledged revision is stored, with the content that was acknowledged.
    const views = await Promise.all(
      acknowledged.map((a) => api.request('GET', `/api/v1/assessments/${a.id}/revisions`, { token: a.token })),
    );
    acknowledged.forEach((a, i) => {
      expect(views[i]?.status).toBe(200);
      const stored = (views[i]?.json.revisions as { revision: number; contentHash: string }[]).find(
        (r) => r.revision === a.revision,
      );
      expect(stored?.contentHash).toBe(a.hash);
    });

    // The phones retry everything that had no answer, and replay the rest: no duplicates.
    // In order per assessment (revision 1 before 2), assessments side by side.
    const byId = new Map<string, Attempt[]>();
    for (const a of attempts) byId.set(a.id, [...(byId.get(a.id) ?? []), a]);
    await Promise.all(
      [...byId.values()].map(async (list) => {
        for (const a of list) {
          const res = await api.request('PUT', `/api/v1/assessments/${a.id}`, { token: a.token, body: a.body });
          expect(res.status).toBe(200);
          if (a.status === 200) expect(res.headers.get('idempotent-replayed')).toBe('true');
        }
      }),
    );
    const counts = await Promise.all(
      [...byId.values()].map(
        async ([a]) =>
          (await api.request('GET', `/api/v1/assessments/${a?.id}/revisions`, { token: a?.token })).json.revisions
            .length as number,
      ),
    );
    const distinct = new Set(attempts.map((a) => `${a.id}#${a.revision}`));
    expect(counts.reduce((n, c) => n + c, 0)).toBe(distinct.size);
  });
});
