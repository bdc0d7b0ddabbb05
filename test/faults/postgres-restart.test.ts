/**
 * R1: PostgreSQL goes away under a running server (restart, crash, maintenance). The server
 * process must live on, answer 503 with a JSON error while the database is away (the phone keeps
 * and retries), say so in /api/v1/health, and serve again by itself once the database is back.
 * A cluster of the test's own (pg-harness startPrivateCluster), since it is stopped and restarted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submission } from '../server/fixtures';
import { startPrivateCluster } from '../server/pg-harness';
import { Api } from './support/api';
import { ServerProcess } from './support/server-process';

const PROVINCE = '04';
const COMMUNE = '01290';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('PostgreSQL restarts under a running server', () => {
  let cluster: Awaited<ReturnType<typeof startPrivateCluster>>;
  let server: ServerProcess;
  let api: Api;

  beforeAll(async () => {
    cluster = await startPrivateCluster();
    server = await ServerProcess.start({ databaseUrl: cluster.url });
    api = new Api(server.url);
  });

  afterAll(async () => {
    await server?.dispose();
    cluster?.stop();
  });

  it('[R1] PostgreSQL is restarted, then stopped for a while: the server lives on, answers a JSON 503 and says so in /health, and recovers by itself', async () => {
    const reviewer = await api.reviewer(PROVINCE);
    const device = await api.enroll(reviewer, COMMUNE);
    // Several sign-ins leave pooled connections open, which PostgreSQL's shutdown then ends.
    await Promise.all([1, 2, 3, 4, 5].map(() => api.adminToken()));

    // A fast restart terminates every connection ("terminating connection due to administrator command").
    cluster.pgCtl(['restart', '-m', 'fast']);
    await sleep(300);
    expect(server.running).toBe(true);
    // Served again without the server being restarted; the broken pooled connections are replaced.
    const again = await until('a sign-in after the restart', async () => {
      const res = await api.request('POST', '/api/v1/sessions', {
        body: { username: 'admin', password: 'fault-admin-password-7Q' },
      });
      return res.status === 201 ? res : undefined;
    });
    expect(again.json.token).toEqual(expect.any(String));

    // Now away for a while: every request that needs it gets a 503 with a JSON error.
    cluster.pgCtl(['stop', '-m', 'fast']);
    const body = submission(COMMUNE, { status: () => 2 });
    const refused = await api.request('PUT', '/api/v1/assessments/pg-away-0001', { token: device.token, body });
    expect(refused.status).toBe(503);
    expect(refused.json.error).toMatchObject({ code: 'db_unavailable', storage: 'unreachable' });
    expect(refused.headers.get('retry-after')).toBe('5');
    const signIn = await api.request('POST', '/api/v1/sessions', { body: { username: 'admin', password: 'wrong-password-1' } });
    expect(signIn.status).toBe(503);
    expect(signIn.json.error.code).toBe('db_unavailable');
    const health = await api.request('GET', '/api/v1/health');
    expect(health.status).toBe(503);
    expect(health.json.error).toMatchObject({ code: 'db_unavailable', storage: 'unreachable', db: 'postgres' });
    expect(server.running).toBe(true);

    cluster.pgCtl(['start']);
    await until('health to say ok', async () => ((await api.request('GET', '/api/v1/health')).status === 200 ? true : undefined));
    expect((await api.request('GET', '/api/v1/health')).json).toMatchObject({ status: 'ok', storage: 'ok' });
    // The refused submission goes through when the phone retries; nothing was half-stored.
    const stored = await api.request('PUT', '/api/v1/assessments/pg-away-0001', { token: device.token, body });
    expect(stored.status).toBe(200);
    expect(stored.headers.get('idempotent-replayed')).toBeNull();
    expect(server.running).toBe(true);
    expect(server.output()).not.toMatch(/Unhandled 'error' event/);
  });
});
