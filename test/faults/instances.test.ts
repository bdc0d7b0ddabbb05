/**
 * R5: two server processes on one PostgreSQL database (how a national deployment scales). Every
 * rule that a single process enforces must hold across them, checked through the API only:
 * a revision stored by one is a replay on the other, racing different contents are one 200 and
 * one 409, a code raced on both enrolls one phone, a sign-in limit reached on one holds on the
 * other, a sign-out on one ends the session on the other; and one keeps serving while the other
 * is killed with SIGKILL, losing nothing either had acknowledged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submission } from '../server/fixtures';
import { realReference } from '../server/harness';
import { acquirePostgres, createTestSchema, dropTestSchema, releasePostgres } from '../server/pg-harness';
import { submissionContentHash } from '../support/submission-hash';
import { Api } from './support/api';
import { ServerProcess } from './support/server-process';

const PROVINCE = '04';

describe('two server processes on one PostgreSQL', () => {
  let one: ServerProcess;
  let two: ServerProcess;
  let a: Api;
  let b: Api;
  let schema: string;

  beforeAll(async () => {
    await acquirePostgres();
    const created = await createTestSchema();
    schema = created.schema;
    // Started together: both migrate and bootstrap the admin on the same empty database.
    [one, two] = await Promise.all([
      ServerProcess.start({ databaseUrl: created.url }),
      ServerProcess.start({ databaseUrl: created.url }),
    ]);
    a = new Api(one.url);
    b = new Api(two.url);
  }, 120_000);

  afterAll(async () => {
    await one?.dispose();
    await two?.dispose();
    if (schema) await dropTestSchema(schema);
    await releasePostgres();
  });

  it('[R5] replays, conflicts, enrollment races, sign-in limits and sign-out hold across the two instances', async () => {
    const reviewer = await a.reviewer(PROVINCE);
    const commune = realReference().provinces.get(PROVINCE)?.communes[0]?.code ?? '';
    const device = await b.enroll(reviewer, commune);

    // Stored through one, a replay on the other.
    const first = submission(commune, { status: () => 2 });
    expect((await a.request('PUT', '/api/v1/assessments/inst-0001', { token: device.token, body: first })).status).toBe(200);
    const replay = await b.request('PUT', '/api/v1/assessments/inst-0001', { token: device.token, body: first });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');

    // Different contents for one revision, raced on both: one stored, one 409, every time.
    for (let i = 0; i < 6; i++) {
      const id = `inst-race-${i}`;
      const bodies = [submission(commune, { status: () => 2 }), submission(commune, { status: () => 3 })];
      const results = await Promise.all(
        [a, b].map((api, k) => api.request('PUT', `/api/v1/assessments/${id}`, { token: device.token, body: bodies[k] })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = results.findIndex((r) => r.status === 200);
      const stored = await a.request('GET', `/api/v1/assessments/${id}/revisions`, { token: device.token });
      expect(stored.json.revisions).toHaveLength(1);
      expect(stored.json.revisions[0].contentHash).toBe(submissionContentHash(bodies[winner]!));
    }

    // One code, ten phones on both instances at once: exactly one enrolled.
    const code = await a.issueCode(reviewer, commune);
    const enrollments = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).request('POST', '/api/v1/enrollments', { body: { code } })),
    );
    expect(enrollments.filter((r) => r.status === 201)).toHaveLength(1);
    expect(enrollments.every((r) => r.status === 201 || (r.status >= 400 && r.status < 500))).toBe(true);

    // Wrong passwords on one until it refuses: the other refuses too, even the right password.
    const username = `inst-limit-${Date.now().toString(36)}`;
    const created = await a.request('POST', '/api/v1/users', {
      token: await a.adminToken(),
      body: { username, password: 'instance-password-1', provinceCode: PROVINCE },
    });
    expect(created.status).toBe(201);
    let refusedAt = -1;
    for (let i = 0; i < 40 && refusedAt < 0; i++) {
      const res = await a.request('POST', '/api/v1/sessions', { body: { username, password: `wrong-password-${i}` } });
      if (res.status === 429) refusedAt = i;
      else expect(res.status).toBe(401);
    }
    expect(refusedAt).toBeGreaterThan(0);
    expect((await b.request('POST', '/api/v1/sessions', { body: { username, password: 'instance-password-1' } })).status).toBe(
      429,
    );

    // Signed in on one, signed out on the other: the token is dead on both.
    const session = await a.adminToken();
    expect((await b.request('GET', '/api/v1/sessions/current', { token: session })).status).toBe(200);
    expect((await b.request('DELETE', '/api/v1/sessions/current', { token: session })).status).toBeLessThan(300);
    expect((await a.request('GET', '/api/v1/sessions/current', { token: session })).status).toBe(401);
  }, 120_000);

  it('[R5] one instance is killed (SIGKILL) under load: the other keeps serving, and everything either acknowledged is stored', async () => {
    const reviewer = await a.reviewer(PROVINCE);
    const communes = realReference().provinces.get(PROVINCE)?.communes.slice(1, 7) ?? [];
    const devices = await Promise.all(communes.map((c) => a.enroll(reviewer, c.code)));
    const acked: { id: string; token: string; hash: string }[] = [];
    const afterKill: number[] = [];
    let killed: Promise<void> | undefined;
    await Promise.all(
      communes.map(async (commune, w) => {
        const token = devices[w]?.token ?? '';
        // Phones 0–2 talk to the instance that is killed, 3–5 to the one that stays.
        const api = w < 3 ? a : b;
        for (let i = 0; i < 12; i++) {
          const id = `inst-kill-${w}-${i}`;
          const body = submission(commune.code, { status: () => 2 });
          const res = await api.request('PUT', `/api/v1/assessments/${id}`, { token, body }).catch(() => undefined);
          if (api === a && !res) return;
          if (res?.status === 200) acked.push({ id, token, hash: submissionContentHash(body) });
          if (api === b && killed) afterKill.push(res?.status ?? 0);
          if (acked.length === 15) killed ??= one.kill();
        }
      }),
    );
    await killed;
    expect(one.running).toBe(false);
    expect(afterKill.length).toBeGreaterThan(0);
    expect(afterKill.every((s) => s === 200)).toBe(true);
    expect((await b.request('GET', '/api/v1/health')).status).toBe(200);
    for (const ack of acked) {
      const res = await b.request('GET', `/api/v1/assessments/${ack.id}/revisions`, { token: ack.token });
      expect(res.status).toBe(200);
      expect(res.json.revisions[0].contentHash).toBe(ack.hash);
    }
  }, 120_000);
});
