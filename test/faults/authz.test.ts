/**
 * No one gets in (A1, A2): the authorization matrix over every API route the server registers
 * and six callers — anonymous, the phone of commune A, the phone of commune B (same province),
 * the reviewer of province X (A's), the reviewer of province Y, the admin — and the credentials
 * that must stop working: revoked device tokens, expired and signed-out sessions, used, expired
 * and raced enrollment codes. A denied call must also change nothing.
 * Single cells are already checked in test/server/{enrollment,review,submissions,accounts}.test.ts;
 * this file makes sure no cell of the whole matrix is forgotten, including routes added later.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entry, response } from '../server/community-fixtures';
import { submission } from '../server/fixtures';
import { provinceSet } from '../server/criteria-set-fixtures';
import { hashPassword } from '../../src/server/auth/passwords';
import { setUserPassword } from '../../src/server/repositories/users';
import { ADMIN_PASSWORD, DB_KINDS, serverPerTest, TestServer, usePostgresWhen, type ApiResponse } from '../server/harness';
import { ASSESSMENT_A, buildWorld, COMMUNE_A, COMMUNE_B, PROVINCE_X, snapshot, type World } from './support/world';
import { REPO_ROOT } from './support/server-process';

const ROLES = ['anonymous', 'device A', 'device B', 'reviewer X', 'reviewer Y', 'admin', 'team A'] as const;
type Role = (typeof ROLES)[number];
/**
 * The community team phone of commune A (issue #15) is let in only where a row says so; elsewhere
 * it gets 403 team_device, or what anyone gets on a public route.
 */
const teamExpect = (c: RouteCase): Expect => c.expect['team A'] ?? (c.expect.anonymous === 'ok' ? 'ok' : 403);
/** 'ok': let in (a 2xx for a well-formed request); 401/403: refused; 404: refused without saying it exists. */
type Expect = 'ok' | 401 | 403 | 404;

interface Cell {
  method: string;
  path: string;
  body?: unknown;
}

interface RouteCase {
  /** Builds the request; may create what the call consumes (a fresh code, a throwaway device). */
  request: (s: TestServer, w: World, role: Role) => Promise<Cell>;
  expect: Record<Exclude<Role, 'team A'>, Expect> & { 'team A'?: Expect };
  /** Undoes an allowed call that would spoil the cast for the next routes (a changed password). */
  after?: (s: TestServer, w: World, role: Role) => Promise<void>;
}

const PUBLIC: RouteCase['expect'] = {
  anonymous: 'ok',
  'device A': 'ok',
  'device B': 'ok',
  'reviewer X': 'ok',
  'reviewer Y': 'ok',
  admin: 'ok',
};
const ANYONE_KNOWN: RouteCase['expect'] = { ...PUBLIC, anonymous: 401 };
const ADMIN_ONLY: RouteCase['expect'] = {
  anonymous: 401,
  'device A': 403,
  'device B': 403,
  'reviewer X': 403,
  'reviewer Y': 403,
  admin: 'ok',
};
const PROVINCE_X_STAFF: RouteCase['expect'] = {
  anonymous: 401,
  'device A': 403,
  'device B': 403,
  'reviewer X': 'ok',
  'reviewer Y': 403,
  admin: 'ok',
};
const READ_ASSESSMENT_A: RouteCase['expect'] = { ...PROVINCE_X_STAFF, 'device A': 'ok' };

let counter = 0;
const unique = () => `${Date.now().toString(36)}${counter++}`;
const USERS_OK: RouteCase['expect'] = {
  anonymous: 401,
  'device A': 403,
  'device B': 403,
  'reviewer X': 'ok',
  'reviewer Y': 'ok',
  admin: 'ok',
};

/** Each user of the cast: username and password (test/faults/support/world.ts, test/server/harness.ts). */
const CREDENTIALS: Partial<Record<Role, [string, string]>> = {
  'reviewer X': ['reviewer-x', 'reviewer-password-1'],
  'reviewer Y': ['reviewer-y', 'reviewer-password-1'],
  admin: ['admin', ADMIN_PASSWORD],
};

/** A throwaway reviewer for the admin's account routes to act on. */
async function throwawayUser(s: TestServer, w: World): Promise<string> {
  const res = await s.request('POST', '/api/v1/users', {
    token: w.admin,
    body: { username: `tmp-${unique()}`, password: 'a-long-password-1', provinceCode: PROVINCE_X },
  });
  return res.json.id as string;
}

/** A fresh draft of province X's own criteria set (each with a newer version, so each can be published). */
async function draftOfX(s: TestServer, w: World): Promise<string> {
  const res = await s.request('POST', `/api/v1/provinces/${PROVINCE_X}/criteria-sets`, {
    token: w.reviewerX,
    body: provinceSet(`2026.${++counter}`),
  });
  if (res.status !== 201) throw new Error(`draft: ${res.status} ${res.text.slice(0, 300)}`);
  return res.json.meta.id as string;
}

/** A published version of it. */
async function publishedOfX(s: TestServer, w: World): Promise<string> {
  const id = await draftOfX(s, w);
  const res = await s.request('POST', `/api/v1/criteria-sets/${id}/publish`, { token: w.reviewerX });
  if (res.status !== 200) throw new Error(`publish: ${res.status} ${res.text.slice(0, 300)}`);
  return id;
}

/** A draft of province X: its reviewers and the admin; to anyone else it does not exist (404). */
const DRAFT_OF_X: RouteCase['expect'] = {
  anonymous: 401,
  'device A': 404,
  'device B': 404,
  'reviewer X': 'ok',
  'reviewer Y': 404,
  admin: 'ok',
};
/** A published set of province X: also its phones. */
const PUBLISHED_OF_X: RouteCase['expect'] = { ...PROVINCE_X_STAFF, 'device A': 'ok', 'device B': 'ok' };

/**
 * Every route of the API, keyed as "METHOD /path" (OpenAPI style, relative to /api/v1); a key may
 * add " (variant)" to check the same route on another kind of resource.
 */
const MATRIX: Record<string, RouteCase> = {
  'GET /health': { request: async () => ({ method: 'GET', path: '/health' }), expect: PUBLIC },
  'GET /openapi.json': { request: async () => ({ method: 'GET', path: '/openapi.json' }), expect: PUBLIC },
  'POST /sessions': {
    request: async () => ({
      method: 'POST',
      path: '/sessions',
      body: { username: 'reviewer-x', password: 'reviewer-password-1' },
    }),
    expect: PUBLIC,
  },
  'GET /sessions/current': {
    request: async () => ({ method: 'GET', path: '/sessions/current' }),
    expect: { ...ANYONE_KNOWN, 'team A': 'ok' },
  },
  'DELETE /sessions/current': {
    request: async () => ({ method: 'DELETE', path: '/sessions/current' }),
    expect: { anonymous: 401, 'device A': 403, 'device B': 403, 'reviewer X': 'ok', 'reviewer Y': 'ok', admin: 'ok' },
  },
  'GET /users': { request: async () => ({ method: 'GET', path: '/users' }), expect: ADMIN_ONLY },
  'POST /users/{id}/disable': {
    request: async (s, w) => ({ method: 'POST', path: `/users/${await throwawayUser(s, w)}/disable` }),
    expect: ADMIN_ONLY,
  },
  'POST /users/{id}/enable': {
    request: async (s, w) => ({ method: 'POST', path: `/users/${await throwawayUser(s, w)}/enable` }),
    expect: ADMIN_ONLY,
  },
  'POST /users/{id}/password': {
    request: async (s, w) => ({
      method: 'POST',
      path: `/users/${await throwawayUser(s, w)}/password`,
      body: { password: 'a-temporary-password' },
    }),
    expect: ADMIN_ONLY,
  },
  'PUT /sessions/current/password': {
    request: async (_s, _w, role) => {
      const password = CREDENTIALS[role]?.[1] ?? 'not-a-user-password';
      return {
        method: 'PUT',
        path: '/sessions/current/password',
        body: { currentPassword: password, newPassword: `${password}-changed` },
      };
    },
    expect: USERS_OK,
    after: async (s, w, role) => {
      const cred = CREDENTIALS[role];
      if (!cred) return;
      // Back to the cast's password, and fresh tokens (changing it ended the account's other sessions).
      const user = await s.db.selectFrom('users').select('id').where('username', '=', cred[0]).executeTakeFirstOrThrow();
      await setUserPassword(s.db, user.id, await hashPassword(cred[1]), s.clock.toISOString());
      const token = await s.login(cred[0], cred[1]);
      if (role === 'reviewer X') w.reviewerX = token;
      else if (role === 'reviewer Y') w.reviewerY = token;
      else w.admin = token;
    },
  },
  'POST /users': {
    request: async () => ({
      method: 'POST',
      path: '/users',
      body: { username: `new-${unique()}`, password: 'a-long-password-1', provinceCode: PROVINCE_X },
    }),
    expect: ADMIN_ONLY,
  },
  'POST /communes/{communeCode}/enrollment-codes': {
    request: async () => ({ method: 'POST', path: `/communes/${COMMUNE_A}/enrollment-codes` }),
    expect: PROVINCE_X_STAFF,
  },
  'POST /enrollments': {
    // Whoever holds a code may enroll a phone with it.
    request: async (s, w) => ({
      method: 'POST',
      path: '/enrollments',
      body: { code: await s.issueCode(w.reviewerX, COMMUNE_A) },
    }),
    expect: PUBLIC,
  },
  'GET /communes/{communeCode}/enrollment-codes': {
    request: async () => ({ method: 'GET', path: `/communes/${COMMUNE_A}/enrollment-codes` }),
    expect: PROVINCE_X_STAFF,
  },
  'DELETE /enrollment-codes/{id}': {
    // A fresh unused code of commune A (issued by its reviewer; the id from the open-codes list).
    request: async (s, w) => {
      await s.issueCode(w.reviewerX, COMMUNE_A);
      const open = await s.request('GET', `/api/v1/communes/${COMMUNE_A}/enrollment-codes`, { token: w.reviewerX });
      return { method: 'DELETE', path: `/enrollment-codes/${open.json.codes[0].id as string}` };
    },
    expect: PROVINCE_X_STAFF,
  },
  'GET /communes/{communeCode}/population': {
    request: async () => ({ method: 'GET', path: `/communes/${COMMUNE_A}/population` }),
    expect: { anonymous: 401, 'device A': 'ok', 'device B': 403, 'reviewer X': 'ok', 'reviewer Y': 403, admin: 'ok' },
  },
  'PUT /communes/{communeCode}/population': {
    // Entered by the commune's officer, corrected by its province's reviewer (issue #15).
    request: async () => ({ method: 'PUT', path: `/communes/${COMMUNE_A}/population`, body: { population: 4200 } }),
    expect: { anonymous: 401, 'device A': 'ok', 'device B': 403, 'reviewer X': 'ok', 'reviewer Y': 403, admin: 'ok' },
  },
  'GET /communes/{communeCode}/devices': {
    request: async () => ({ method: 'GET', path: `/communes/${COMMUNE_A}/devices` }),
    expect: PROVINCE_X_STAFF,
  },
  'DELETE /devices/{id}': {
    // Another phone of commune A: its own province and the admin may revoke it, nobody else.
    request: async (s, w) => ({ method: 'DELETE', path: `/devices/${(await s.enroll(w.reviewerX, COMMUNE_A)).deviceId}` }),
    expect: PROVINCE_X_STAFF,
  },
  'PUT /devices/{id}/label': {
    // Team phone A names itself (issue #15): no other phone, no account may rename it.
    request: async (_s, w) => ({ method: 'PUT', path: `/devices/${w.teamA.deviceId}/label`, body: { label: 'Chị Lan' } }),
    expect: { ...ADMIN_ONLY, admin: 403, 'team A': 'ok' },
  },
  'PUT /assessments/{id}': {
    request: async () => ({ method: 'PUT', path: `/assessments/${ASSESSMENT_A}`, body: submission(COMMUNE_A) }),
    expect: { anonymous: 401, 'device A': 'ok', 'device B': 403, 'reviewer X': 403, 'reviewer Y': 403, admin: 403 },
  },
  'GET /assessments/{id}': {
    request: async () => ({ method: 'GET', path: `/assessments/${ASSESSMENT_A}` }),
    expect: READ_ASSESSMENT_A,
  },
  'GET /assessments/{id}/revisions': {
    request: async () => ({ method: 'GET', path: `/assessments/${ASSESSMENT_A}/revisions` }),
    expect: READ_ASSESSMENT_A,
  },
  'POST /assessments/{id}/reviews': {
    request: async () => ({ method: 'POST', path: `/assessments/${ASSESSMENT_A}/reviews`, body: { verdict: 'accepted' } }),
    expect: PROVINCE_X_STAFF,
  },
  'POST /assessments/{id}/verifications': {
    // A device cannot set a verified value; only the province's reviewers and the admin verify.
    request: async () => ({
      method: 'POST',
      path: `/assessments/${ASSESSMENT_A}/verifications`,
      body: { code: submission(COMMUNE_A).answers[0]?.code, outcome: 'verified' },
    }),
    expect: PROVINCE_X_STAFF,
  },
  'GET /assessments/{id}/verification': {
    request: async () => ({ method: 'GET', path: `/assessments/${ASSESSMENT_A}/verification` }),
    expect: READ_ASSESSMENT_A,
  },
  'GET /assessments/{id}/comparison': {
    request: async () => ({ method: 'GET', path: `/assessments/${ASSESSMENT_A}/comparison` }),
    expect: READ_ASSESSMENT_A,
  },
  'GET /evidence/files/{sha256}': {
    // A photo commune A uploaded: its devices, province X's reviewers and the admin read it; to
    // anyone else it does not exist (404), so nobody learns what another commune holds.
    request: async (s, w) => ({ method: 'GET', path: `/evidence/files/${await evidenceOfA(s, w)}` }),
    expect: { ...READ_ASSESSMENT_A, 'device B': 404, 'reviewer Y': 404 },
  },
  'GET /provinces': { request: async () => ({ method: 'GET', path: '/provinces' }), expect: ADMIN_ONLY },
  'GET /provinces/{provinceCode}/communes': {
    request: async () => ({ method: 'GET', path: `/provinces/${PROVINCE_X}/communes` }),
    expect: PROVINCE_X_STAFF,
  },
  'GET /provinces/{provinceCode}/summary': {
    request: async () => ({ method: 'GET', path: `/provinces/${PROVINCE_X}/summary` }),
    expect: PROVINCE_X_STAFF,
  },
  'GET /provinces/{provinceCode}/communes.csv': {
    request: async () => ({ method: 'GET', path: `/provinces/${PROVINCE_X}/communes.csv` }),
    expect: PROVINCE_X_STAFF,
  },
  'GET /provinces/{provinceCode}/communes.wide.csv': {
    request: async () => ({ method: 'GET', path: `/provinces/${PROVINCE_X}/communes.wide.csv` }),
    expect: PROVINCE_X_STAFF,
  },
  'GET /provinces/{provinceCode}/coverage.csv': {
    request: async () => ({ method: 'GET', path: `/provinces/${PROVINCE_X}/coverage.csv` }),
    expect: PROVINCE_X_STAFF,
  },
  'GET /criteria-sets/schema.json': {
    request: async () => ({ method: 'GET', path: '/criteria-sets/schema.json' }),
    expect: PUBLIC,
  },
  'GET /criteria-sets/template.xlsx': {
    request: async () => ({ method: 'GET', path: '/criteria-sets/template.xlsx' }),
    expect: USERS_OK,
  },
  'GET /criteria-sets/template.xlsx (from a draft)': {
    request: async (s, w) => ({ method: 'GET', path: `/criteria-sets/template.xlsx?from=${await draftOfX(s, w)}` }),
    expect: { ...DRAFT_OF_X, 'device A': 403, 'device B': 403 },
  },
  'GET /criteria-sets': {
    request: async () => ({ method: 'GET', path: `/criteria-sets?provinceCode=${PROVINCE_X}` }),
    expect: PUBLISHED_OF_X,
  },
  'GET /criteria-sets (drafts)': {
    request: async () => ({ method: 'GET', path: `/criteria-sets?provinceCode=${PROVINCE_X}&status=draft` }),
    expect: PROVINCE_X_STAFF,
  },
  'POST /provinces/{provinceCode}/criteria-sets': {
    request: async () => ({
      method: 'POST',
      path: `/provinces/${PROVINCE_X}/criteria-sets`,
      body: provinceSet(`2026.${++counter}`),
    }),
    expect: PROVINCE_X_STAFF,
  },
  'POST /criteria-sets/{id}/publish': {
    request: async (s, w) => ({ method: 'POST', path: `/criteria-sets/${await draftOfX(s, w)}/publish` }),
    expect: { ...DRAFT_OF_X, 'device A': 403, 'device B': 403 },
  },
  'GET /criteria-sets/{id}': {
    request: async (s, w) => ({ method: 'GET', path: `/criteria-sets/${await publishedOfX(s, w)}` }),
    expect: PUBLISHED_OF_X,
  },
  'GET /criteria-sets/{id} (draft)': {
    request: async (s, w) => ({ method: 'GET', path: `/criteria-sets/${await draftOfX(s, w)}` }),
    expect: DRAFT_OF_X,
  },
  'GET /criteria-sets/{id}/preview': {
    request: async (s, w) => ({ method: 'GET', path: `/criteria-sets/${await draftOfX(s, w)}/preview?communeCode=${COMMUNE_A}` }),
    expect: { ...DRAFT_OF_X, 'device A': 403, 'device B': 403 },
  },
};

/** Community teams (issue #15): items for a team phone to send, fresh each call. */
const TEAM_ONLY: RouteCase['expect'] = {
  anonymous: 401,
  'device A': 403,
  'device B': 403,
  'reviewer X': 403,
  'reviewer Y': 403,
  admin: 403,
  'team A': 'ok',
};
Object.assign(MATRIX, {
  'POST /communes/{communeCode}/team-codes': {
    // The province's staff, or the commune's own officer phone.
    request: async () => ({ method: 'POST', path: `/communes/${COMMUNE_A}/team-codes` }),
    expect: { ...PROVINCE_X_STAFF, 'device A': 'ok' },
  },
  'POST /team/entries': {
    request: async () => ({ method: 'POST', path: '/team/entries', body: { entries: [entry()] } }),
    expect: TEAM_ONLY,
  },
  'POST /team/survey-responses': {
    request: async () => ({ method: 'POST', path: '/team/survey-responses', body: { responses: [response(4)] } }),
    expect: TEAM_ONLY,
  },
  'GET /team/survey': {
    // The survey a team phone runs (issue #15 item 3); officer phones and accounts have no use for it.
    request: async () => ({ method: 'GET', path: '/team/survey' }),
    expect: TEAM_ONLY,
  },
  'GET /communes/{communeCode}/community-tally': {
    request: async () => ({ method: 'GET', path: `/communes/${COMMUNE_A}/community-tally?year=2026` }),
    expect: READ_ASSESSMENT_A,
  },
} satisfies Record<string, RouteCase>);

const PHOTO_OF_A = fs.readFileSync(path.join(REPO_ROOT, 'test/server/evidence/fixtures/photo.jpg'));

/** Commune A's phone uploads a photo over tus (once); returns its SHA-256. */
async function evidenceOfA(s: TestServer, w: World): Promise<string> {
  const sha256 = createHash('sha256').update(PHOTO_OF_A).digest('hex');
  const held = await s.db.selectFrom('evidence_files').select('sha256').where('sha256', '=', sha256).executeTakeFirst();
  if (held) return sha256;
  const meta = { sha256, type: 'image/jpeg', filename: 'anh.jpg', communeCode: COMMUNE_A };
  const res = await s.request('POST', '/api/v1/evidence/uploads', {
    token: w.deviceA.token,
    rawBody: new Uint8Array(PHOTO_OF_A),
    headers: {
      'Tus-Resumable': '1.0.0',
      'Upload-Length': String(PHOTO_OF_A.length),
      'Upload-Metadata': Object.entries(meta)
        .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
        .join(','),
      'content-type': 'application/offset+octet-stream',
    },
  });
  if (res.status !== 201) throw new Error(`upload of A's photo failed: ${res.status} ${res.text}`);
  return sha256;
}

/** The caller's token; a fresh session for sign-out, so that the cast keeps theirs. */
async function tokenOf(s: TestServer, w: World, role: Role, route: string): Promise<string | undefined> {
  const fresh = route === 'DELETE /sessions/current' || route === 'PUT /sessions/current/password';
  switch (role) {
    case 'anonymous':
      return undefined;
    case 'device A':
      return w.deviceA.token;
    case 'device B':
      return w.deviceB.token;
    case 'reviewer X':
      return fresh ? s.login('reviewer-x', 'reviewer-password-1') : w.reviewerX;
    case 'reviewer Y':
      return fresh ? s.login('reviewer-y', 'reviewer-password-1') : w.reviewerY;
    case 'admin':
      return fresh ? s.adminToken() : w.admin;
    case 'team A':
      return w.teamA.token;
  }
}

function outcome(res: ApiResponse): Expect | number {
  return res.status >= 200 && res.status < 300 ? 'ok' : res.status;
}

describe('authorization matrix (sqlite)', () => {
  let s: TestServer;
  let world: World;
  beforeAll(async () => {
    s = await TestServer.start('sqlite');
    world = await buildWorld(s);
  });
  afterAll(() => s?.close());

  it('[A1] every route × anonymous, device of commune A, device of commune B, reviewer of province X, reviewer of province Y, admin: every cell that must be denied is denied, and changes nothing', async () => {
    const registered = s.xaso.routes.defs.map((d) => `${d.method.toUpperCase()} ${d.path}`).sort();
    // A route added without its row here fails: nobody forgets to decide who may call it.
    expect([...new Set(Object.keys(MATRIX).map((k) => k.replace(/ \(.*\)$/, '')))].sort()).toEqual(registered);

    const observed: Record<string, Record<Role, Expect | number>> = {};
    const wrong: string[] = [];
    for (const [route, c] of Object.entries(MATRIX)) {
      observed[route] = {} as Record<Role, Expect | number>;
      for (const role of ROLES) {
        const cell = await c.request(s, world, role);
        const token = await tokenOf(s, world, role, route);
        const before = await snapshot(s.db);
        const res = await s.request(cell.method, `/api/v1${cell.path}`, {
          token,
          ...(cell.body === undefined ? {} : { body: cell.body }),
        });
        const got = outcome(res);
        if (got === 'ok') await c.after?.(s, world, role);
        observed[route][role] = got;
        const expected = role === 'team A' ? teamExpect(c) : c.expect[role];
        if (got !== expected)
          wrong.push(`${route} as ${role}: expected ${expected}, got ${res.status} ${res.text.slice(0, 120)}`);
        if (got !== 'ok') {
          // A team phone is told why: it is a team phone (403 team_device), wherever it is not let in.
          // (Revoking another phone is refused as for any phone: a device may only revoke itself.)
          const opened = route.startsWith('POST /team/') || route === 'DELETE /devices/{id}';
          const codes = role === 'team A' && !opened ? /^team_device$/ : /^(unauthorized|forbidden|not_found)$/;
          expect(res.json?.error?.code, `${route} as ${role}`).toMatch(codes);
          if ((await snapshot(s.db)) !== before) wrong.push(`${route} as ${role}: refused but changed stored data`);
        }
      }
    }
    writeMatrix(observed);
    expect(wrong).toEqual([]);
    // Seven callers × every route, each cell snapshotting the data tables: longer than the default.
  }, 120_000);
});

/** The observed matrix, embedded in RELIABILITY.md by test/faults/report.ts. */
function writeMatrix(observed: Record<string, Record<Role, Expect | number>>): void {
  const show = (v: Expect | number) => (v === 'ok' ? '✅ allowed' : `⛔ ${v}`);
  const lines = [
    `| route | ${ROLES.join(' | ')} |`,
    `|---|${ROLES.map(() => '---').join('|')}|`,
    ...Object.entries(observed).map(([route, cells]) => `| \`${route}\` | ${ROLES.map((r) => show(cells[r])).join(' | ')} |`),
  ];
  const dir = path.join(REPO_ROOT, '.tmp', 'test-results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'authz-matrix.md'), `${lines.join('\n')}\n`);
}

describe.each(DB_KINDS)('credentials that must stop working (%s)', (kind) => {
  usePostgresWhen(kind);
  const server = serverPerTest(kind);

  it(`[A2] revoked device tokens, expired or signed-out sessions, used, expired or raced enrollment codes are refused everywhere (${kind})`, async () => {
    const s = server();
    const world = await buildWorld(s);
    // One well-formed request per non-public route (refused calls consume nothing, so they are reused).
    const cells: Cell[] = [];
    for (const def of s.xaso.routes.defs.filter((d) => d.auth !== 'public')) {
      const cell = await MATRIX[`${def.method.toUpperCase()} ${def.path}`]?.request(s, world, 'admin');
      if (!cell) throw new Error(`no matrix row for ${def.path}`);
      cells.push(cell);
    }
    const everywhere = async (token: string, label: string) => {
      const before = await snapshot(s.db);
      for (const cell of cells) {
        const res = await s.request(cell.method, `/api/v1${cell.path}`, {
          token,
          ...(cell.body === undefined ? {} : { body: cell.body }),
        });
        expect(res.status, `${label}: ${cell.method} ${cell.path}`).toBe(401);
      }
      expect(await snapshot(s.db), label).toBe(before);
    };

    // A revoked phone (lost, or reassigned) is a stranger at every door, even its own commune's.
    const lost = await s.enroll(world.reviewerX, COMMUNE_A);
    expect(
      (await s.request('PUT', '/api/v1/assessments/lost-phone-0001', { token: lost.token, body: submission(COMMUNE_A) })).status,
    ).toBe(200);
    expect((await s.request('DELETE', `/api/v1/devices/${lost.deviceId}`, { token: world.reviewerX })).status).toBe(204);
    await everywhere(lost.token, 'revoked device');
    // A revoked community team phone too (issue #15).
    expect(
      (await s.request('POST', '/api/v1/team/entries', { token: world.teamA.token, body: { entries: [entry()] } })).status,
    ).toBe(200);
    expect((await s.request('DELETE', `/api/v1/devices/${world.teamA.deviceId}`, { token: world.reviewerX })).status).toBe(204);
    await everywhere(world.teamA.token, 'revoked team phone');

    // A signed-out session.
    const signedOut = await s.login('reviewer-x', 'reviewer-password-1');
    expect((await s.request('DELETE', '/api/v1/sessions/current', { token: signedOut })).status).toBe(204);
    await everywhere(signedOut, 'signed-out session');

    // Forged tokens of the right shape.
    await everywhere(`s.${'A'.repeat(43)}`, 'forged session');
    await everywhere(`d.${world.deviceA.token.slice(2, -1)}x`, 'forged device token');

    // Codes: one use only, even when ten phones race with the same code; not after 7 days.
    const code = await s.issueCode(world.reviewerX, COMMUNE_B);
    const race = await Promise.all(
      Array.from({ length: 10 }, () => s.request('POST', '/api/v1/enrollments', { body: { code } })),
    );
    expect(race.map((r) => r.status).sort()).toEqual([201, ...Array<number>(9).fill(410)]);
    expect((await s.request('POST', '/api/v1/enrollments', { body: { code } })).json.error.code).toBe('enrollment_code_used');
    const late = await s.issueCode(world.reviewerX, COMMUNE_B);
    s.advance(7 * 24 * 3600_000);
    const expired = await s.request('POST', '/api/v1/enrollments', { body: { code: late } });
    expect(expired.status).toBe(410);
    expect(expired.json.error.code).toBe('enrollment_code_expired');
    const devices = await s.db.selectFrom('devices').selectAll().where('commune_code', '=', COMMUNE_B).execute();
    expect(devices).toHaveLength(2); // the cast's phone B and the one winner of the race

    // Every session of the cast is past its 12 hours by now.
    await everywhere(world.reviewerX, 'expired session');
    await everywhere(world.admin, 'expired admin session');
  });
});
