/**
 * Over a real socket, against the real server process (node --import tsx src/server/main.ts):
 * F3 10 MB bodies, A3 secrets at rest, A4 sign-in and enrollment rate limits (bursts, restarts,
 * other addresses), A5 security headers on every kind of response, A6 the audit trail and the
 * process's own output. In-process versions of single cases: test/server/{health,accounts,enrollment}.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, naAllowed } from '../../src/domain/answer-rules';
import { applicableComponents } from '../../src/domain/catalogue';
import { validateSubmission, type Submission } from '../../src/domain/submission';
import { catalogue, submission } from '../server/fixtures';
import { realReference } from '../server/harness';
import { Api, rawRequest, requestFrom, REVIEWER_PASSWORD, type RawResponse } from './support/api';
import { ADMIN_PASSWORD, ServerProcess, tempDir } from './support/server-process';
import { SQLITE_FILE } from '../../src/server/db/connect';

const PROVINCE = '04';
const COMMUNE = '01290';
const TEN_MB = 10 * 1024 * 1024;

let server: ServerProcess;
let api: Api;
let dist: string;

beforeAll(async () => {
  // A stand-in for dist/ (the build runs after the unit tests in `npm test`).
  dist = tempDir('dist');
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(
    path.join(dist, 'index.html'),
    '<!doctype html><title>Xã số</title><script type="module" src="./assets/index-Abc12345.js"></script>',
  );
  fs.writeFileSync(path.join(dist, 'assets', 'index-Abc12345.js'), 'console.log("app")');
  fs.writeFileSync(path.join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {})');
  server = await ServerProcess.start({ staticDir: dist });
  api = new Api(server.url);
});

afterAll(async () => {
  await server?.dispose();
  fs.rmSync(dist, { recursive: true, force: true });
});

function sqliteFiles(): Buffer {
  const base = path.join(server.dataDir, SQLITE_FILE);
  return Buffer.concat([base, `${base}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
}

describe('the real server over a real socket', () => {
  it('[F3] 10 MB bodies, with and without Content-Length, on every route that reads a body: a JSON 413, nothing stored, the server unharmed; the largest valid submission still fits', async () => {
    const admin = await api.adminToken();
    const reviewer = await api.reviewer(PROVINCE);
    const device = await api.enroll(reviewer, COMMUNE);
    const targets: { method: string; path: string; token?: string }[] = [
      { method: 'POST', path: '/api/v1/sessions' },
      { method: 'POST', path: '/api/v1/users', token: admin },
      { method: 'POST', path: '/api/v1/enrollments' },
      { method: 'PUT', path: '/api/v1/assessments/huge-body-0001', token: device.token },
      { method: 'POST', path: '/api/v1/assessments/huge-body-0001/reviews', token: reviewer },
    ];
    const countRows = () =>
      server.readSqlite((db) =>
        ['users', 'devices', 'assessments', 'assessment_revisions', 'reviews'].map(
          (t) => (db.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n,
        ),
      );
    const before = countRows();
    // A 10 MB submission that is otherwise valid: a note the size of a film.
    const hugeNote = submission(COMMUNE);
    Object.assign(hugeNote.answers[0] ?? {}, { note: 'ghi chú '.repeat(TEN_MB / 8) });
    for (const t of targets) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (t.token) headers.authorization = `Bearer ${t.token}`;
      const whole = JSON.stringify(t.method === 'PUT' ? hugeNote : { pad: 'x'.repeat(TEN_MB) });
      for (const how of ['content-length', 'chunked'] as const) {
        const started = Date.now();
        const res = await rawRequest(server.url + t.path, {
          method: t.method,
          headers,
          ...(how === 'chunked' ? { chunkedBytes: TEN_MB } : { body: whole }),
        });
        const context = `${t.method} ${t.path} (${how}) → ${res.status} ${res.text.slice(0, 200)}`;
        expect(res.status, context).toBe(413);
        expect(res.headers['content-type'], context).toContain('application/json');
        expect(JSON.parse(res.text).error.code, context).toBe('payload_too_large');
        expect(Date.now() - started, context).toBeLessThan(10_000);
      }
    }
    expect(countRows()).toEqual(before);
    expect((await api.request('GET', '/api/v1/health')).status).toBe(200);
    expect(server.running).toBe(true);

    // The limit must not refuse what the rules allow: every component of all three area types
    // answered, every note, reason and name at its length limit in Vietnamese (3 bytes a letter).
    const reference = realReference();
    const cat = catalogue();
    const methodology = reference.methodologies.get(reference.current.methodologyId);
    if (!methodology) throw new Error('no methodology');
    const areaTypes = ['urban', 'rural', 'mountain-border-island'] as const;
    const largest: Submission = {
      ...submission(COMMUNE, { areaTypes: [...areaTypes] }),
      helpers: 'ế'.repeat(LIMITS.helpers),
      answers: applicableComponents(cat, areaTypes).map((c) => ({
        code: c.code,
        ...(naAllowed(c, methodology)
          ? { status: 'na' as const, naReason: 'ế'.repeat(LIMITS.naReason) }
          : { status: 3 as const }),
        note: 'ế'.repeat(LIMITS.note),
        ...(c.open ? { openName: 'ế'.repeat(LIMITS.openName) } : {}),
        updatedAt: '2026-03-01T07:00:00.000Z',
      })),
    };
    expect(validateSubmission(largest, cat, methodology)).toEqual({ ok: true });
    const bytes = Buffer.byteLength(JSON.stringify(largest));
    const res = await rawRequest(`${server.url}/api/v1/assessments/largest-valid-0001`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
      body: JSON.stringify(largest),
    });
    expect(res.status, `a valid submission of ${Math.round(bytes / 1024)} KB → ${res.status} ${res.text.slice(0, 200)}`).toBe(
      200,
    );
  });

  it('[A5] security headers on every kind of answer: page, asset, worker, API, 401, 404, 413, 415 (CSP without inline script, frame-ancestors none, nosniff, referrer policy)', async () => {
    const device = await api.enroll(await api.reviewer(PROVINCE), COMMUNE);
    const get = (p: string, method = 'GET') => rawRequest(server.url + p, { method });
    const json = { 'content-type': 'application/json' };
    const answers: [string, RawResponse][] = [
      ['index.html', await get('/')],
      ['deep link', await get('/review/04')],
      ['asset', await get('/assets/index-Abc12345.js')],
      ['sw.js', await get('/sw.js')],
      ['missing asset', await get('/assets/missing-12345678.js')],
      ['head', await get('/', 'HEAD')],
      ['API 200', await get('/api/v1/health')],
      ['API 401', await get('/api/v1/users')],
      ['API 404', await get('/api/v1/nothing')],
      ['API 404 method', await get('/api/v1/health', 'PATCH')],
      ['API 413', await rawRequest(`${server.url}/api/v1/sessions`, { method: 'POST', headers: json, body: 'x'.repeat(TEN_MB) })],
      [
        'API 415',
        await rawRequest(`${server.url}/api/v1/sessions`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: '{}',
        }),
      ],
      [
        'API 422',
        await rawRequest(`${server.url}/api/v1/assessments/headers-0001`, {
          method: 'PUT',
          headers: { ...json, authorization: `Bearer ${device.token}` },
          body: JSON.stringify({ ...submission(COMMUNE), catalogueVersion: '1999.1' }),
        }),
      ],
    ];
    for (const [what, res] of answers) {
      const header = (name: string) => String(res.headers[name] ?? '');
      const directives = new Map(
        header('content-security-policy')
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([name, ...values]) => [name, values] as const),
      );
      expect(directives.get('script-src') ?? directives.get('default-src'), `${what}: script-src`).toEqual(["'self'"]);
      expect(directives.get('default-src'), `${what}: default-src`).toEqual(["'self'"]);
      expect(directives.get('frame-ancestors'), `${what}: frame-ancestors`).toEqual(["'none'"]);
      expect(header('x-content-type-options'), what).toBe('nosniff');
      expect(header('referrer-policy'), what).toMatch(/^(no-referrer|same-origin|strict-origin)$/);
      expect(header('x-frame-options'), what).toBe('DENY');
      if (what.startsWith('API')) expect(header('cache-control'), what).toBe('no-store');
    }
    const statusOf = (what: string) => answers.find(([w]) => w === what)?.[1].status;
    expect([statusOf('API 401'), statusOf('API 404'), statusOf('API 413'), statusOf('API 415'), statusOf('API 422')]).toEqual([
      401, 404, 413, 415, 422,
    ]);
  });

  it('[A4] sign-in is rate-limited per account and address, also for a burst of parallel guesses and across a restart; so is guessing enrollment codes', async () => {
    const username = `ratelimited-${Date.now().toString(36)}`;
    const created = await api.request('POST', '/api/v1/users', {
      token: await api.adminToken(),
      body: { username, password: REVIEWER_PASSWORD, provinceCode: PROVINCE },
    });
    expect(created.status).toBe(201);
    const login = (password: string, from = '127.0.0.1') =>
      requestFrom(from, `${server.url}/api/v1/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });

    // Thirty guesses at once from one address: at most five passwords are actually tried.
    const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => login(`guess-number-${i}`)));
    const tried = burst.filter((r) => r.status === 401).length;
    const limited = burst.filter((r) => r.status === 429).length;
    expect(tried + limited).toBe(30);
    expect(tried, `${tried} guesses were checked against the password`).toBeLessThanOrEqual(5);
    // Locked out: even the right password is refused, with Retry-After.
    const locked = await login(REVIEWER_PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // Another office (another address) is not locked out by someone else's guessing.
    expect((await login(REVIEWER_PASSWORD, '127.0.0.2')).status).toBe(201);
    // The count lives in the database: a restart does not reset it.
    await server.stop();
    await server.restart();
    expect((await login(REVIEWER_PASSWORD)).status).toBe(429);

    // Enrollment codes: a burst of wrong codes from one address is capped the same way.
    const guesses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        requestFrom('127.0.0.3', `${server.url}/api/v1/enrollments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code: `GUESS${String(i).padStart(3, 'A')}` }),
        }),
      ),
    );
    const checked = guesses.filter((r) => r.status === 400).length;
    expect(checked + guesses.filter((r) => r.status === 429).length).toBe(40);
    expect(checked, `${checked} codes were checked`).toBeLessThanOrEqual(20);
  });

  it('[A3] passwords are stored only as salted scrypt hashes; no password, token or enrollment code is stored in clear', async () => {
    const admin = await api.adminToken();
    const password = 'mật-khẩu-của-chị-Lan-2026';
    const username = `lan-${Date.now().toString(36)}`;
    expect(
      (await api.request('POST', '/api/v1/users', { token: admin, body: { username, password, provinceCode: PROVINCE } })).status,
    ).toBe(201);
    const session = await api.login(username, password);
    const code = await api.issueCode(session, COMMUNE);
    const enrolled = await api.request('POST', '/api/v1/enrollments', { body: { code } });
    expect(enrolled.status).toBe(201);

    const users = server.readSqlite(
      (db) => db.prepare('select username, password_hash from users').all() as { username: string; password_hash: string }[],
    );
    expect(users.length).toBeGreaterThanOrEqual(2);
    for (const u of users)
      expect(u.password_hash, u.username).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{86}==$/);
    // A random salt each: the same password never gives the same hash.
    expect(new Set(users.map((u) => u.password_hash.split('$')[4])).size).toBe(users.length);

    const raw = sqliteFiles();
    const secrets = {
      password,
      adminPassword: ADMIN_PASSWORD,
      reviewerPassword: REVIEWER_PASSWORD,
      session,
      admin,
      code,
      deviceToken: enrolled.json.token as string,
    };
    for (const [name, secret] of Object.entries(secrets)) {
      expect(raw.includes(Buffer.from(secret)), `${name} found in the database files`).toBe(false);
      // Not even the random part of a token without its prefix.
      if (secret.length > 20)
        expect(raw.includes(Buffer.from(secret.slice(2))), `${name} (body) in the database files`).toBe(false);
    }
  });

  it('[A6] the audit log records every sign-in, enrollment, submission and review with who, when and from where; no secret or token appears in it or in the server output', async () => {
    const since = new Date().toISOString();
    const wrong = await api.request('POST', '/api/v1/sessions', {
      body: { username: 'admin', password: 'wrong-password-for-audit' },
    });
    expect(wrong.status).toBe(401);
    const admin = await api.adminToken();
    const reviewerName = `audit-${Date.now().toString(36)}`;
    await api.request('POST', '/api/v1/users', {
      token: admin,
      body: { username: reviewerName, password: REVIEWER_PASSWORD, provinceCode: PROVINCE },
    });
    const reviewer = await api.login(reviewerName, REVIEWER_PASSWORD);
    const code = await api.issueCode(reviewer, COMMUNE);
    const enrolled = await api.request('POST', '/api/v1/enrollments', { body: { code, label: 'Máy chị Lan' } });
    const reused = await api.request('POST', '/api/v1/enrollments', { body: { code } });
    expect([enrolled.status, reused.status]).toEqual([201, 410]);
    const device = enrolled.json.token as string;
    const id = `audited-${Date.now().toString(36)}`;
    const bad = await api.request('PUT', `/api/v1/assessments/${id}`, {
      token: device,
      body: { ...submission(COMMUNE), catalogueVersion: '1999.1' },
    });
    const good = await api.request('PUT', `/api/v1/assessments/${id}`, { token: device, body: submission(COMMUNE) });
    expect([bad.status, good.status]).toEqual([422, 200]);
    const review = await api.request('POST', `/api/v1/assessments/${id}/reviews`, {
      token: reviewer,
      body: { verdict: 'returned', comment: 'Thiếu minh chứng' },
    });
    expect(review.status).toBe(201);
    // An internal error on the way, to see what the server prints then.
    await api.request('GET', '/api/v1/assessments/%E0%A4%A', { token: reviewer });

    const rows = server.readSqlite(
      (db) => db.prepare('select * from audit_log where at >= ? order by at, id').all(since) as Record<string, string | null>[],
    );
    const find = (action: string, outcome: string) => rows.filter((r) => r.action === action && r.outcome === outcome);
    const expected: [string, string, string, string | null][] = [
      // action, outcome, actor kind, actor name
      ['session.create', 'failure', 'anonymous', 'admin'],
      ['session.create', 'success', 'user', 'admin'],
      ['session.create', 'success', 'user', reviewerName],
      ['device.enroll', 'success', 'anonymous', null],
      ['device.enroll', 'failure', 'anonymous', null],
      ['assessment.submit', 'failure', 'device', COMMUNE],
      ['assessment.submit', 'success', 'device', COMMUNE],
      ['assessment.review', 'success', 'user', reviewerName],
    ];
    for (const [action, outcome, kind, name] of expected) {
      const matching = find(action, outcome).filter((r) => r.actor_kind === kind && (name === null || r.actor_name === name));
      expect(matching.length, `${action} ${outcome} by ${kind} ${name ?? ''}`).toBeGreaterThan(0);
      for (const r of matching) {
        // From where: the real socket's address; when: a timestamp of this run.
        expect(r.ip, `${action} ip`).toBe('127.0.0.1');
        expect(Date.parse(r.at ?? '')).toBeGreaterThanOrEqual(Date.parse(since));
      }
    }
    expect(find('assessment.submit', 'success').some((r) => r.target === id)).toBe(true);
    expect(find('device.enroll', 'success').some((r) => r.target === enrolled.json.deviceId)).toBe(true);

    const secrets = [ADMIN_PASSWORD, REVIEWER_PASSWORD, 'wrong-password-for-audit', admin, reviewer, device, code];
    const everything = JSON.stringify(server.readSqlite((db) => db.prepare('select * from audit_log').all())) + server.output();
    for (const secret of secrets) {
      expect(everything.includes(secret), `a secret (${secret.slice(0, 4)}…) is in the logs`).toBe(false);
      if (secret.length > 20) expect(everything.includes(secret.slice(2)), 'a token body is in the logs').toBe(false);
    }
  });
});
