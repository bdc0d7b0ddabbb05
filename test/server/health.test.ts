import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/server/security-headers';
import { CITY_PROVINCE } from './fixtures';
import { DB_KINDS, serverPerTest } from './harness';

describe.each(DB_KINDS)('health, OpenAPI, headers, errors (%s)', (kind) => {
  const server = serverPerTest(kind);

  it('reports health with the database kind and the versions in use', async () => {
    const res = await server().request('GET', '/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      status: 'ok',
      db: kind,
      storage: 'ok',
      catalogueVersion: '2026.1',
      methodologyVersion: 'provisional-2026.1',
    });
  });

  it('documents every API route in the OpenAPI document, and nothing else', async () => {
    const res = await server().request('GET', '/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe('3.1.0');
    const documented = Object.entries(res.json.paths as Record<string, Record<string, unknown>>)
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`))
      .sort();
    const registered = server()
      .xaso.app.routes.filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(documented).toEqual([...new Set(registered)]);
    for (const route of [
      'GET /api/v1/health',
      'GET /api/v1/openapi.json',
      'POST /api/v1/sessions',
      'DELETE /api/v1/sessions/current',
      'POST /api/v1/users',
      'POST /api/v1/communes/:communeCode/enrollment-codes',
      'POST /api/v1/enrollments',
      'DELETE /api/v1/devices/:id',
      'PUT /api/v1/assessments/:id',
      'GET /api/v1/assessments/:id',
      'GET /api/v1/assessments/:id/revisions',
      'POST /api/v1/assessments/:id/reviews',
      'GET /api/v1/provinces/:provinceCode/communes',
      'GET /api/v1/provinces/:provinceCode/summary',
      'GET /api/v1/provinces/:provinceCode/communes.csv',
      'GET /api/v1/provinces/:provinceCode/coverage.csv',
      'GET /api/v1/provinces',
    ]) {
      expect(documented).toContain(route);
    }
    // The submission body schema comes from the shared zod schema.
    const put = res.json.paths['/api/v1/assessments/{id}'].put;
    expect(put.requestBody.content['application/json'].schema.required).toContain('answers');
    expect(put.responses['409']).toBeDefined();
  });

  it('sets the security headers on API answers, errors and unknown paths', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/health'],
      ['GET', '/api/v1/nothing-here'],
      ['GET', `/api/v1/provinces/${CITY_PROVINCE}/communes`],
    ] as const) {
      const res = await server().request(method, path);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    );
  });

  it('answers unknown API paths and missing tokens with JSON errors', async () => {
    const missing = await server().request('GET', '/api/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('not_found');
    const anonymous = await server().request('GET', `/api/v1/provinces/${CITY_PROVINCE}/communes`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.json).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    const bogus = await server().request('GET', `/api/v1/provinces/${CITY_PROVINCE}/communes`, { token: 's.not-a-real-token' });
    expect(bogus.status).toBe(401);
  });

  it('hides internals on a 5xx', async () => {
    const s = server();
    s.xaso.app.get('/api/v1/test-boom', () => {
      throw new Error('secret: password=hunter2 at /srv/app/db.ts:42');
    });
    const res = await s.request('GET', '/api/v1/test-boom');
    expect(res.status).toBe(500);
    expect(res.json).toEqual({ error: { code: 'internal', message: 'Internal server error' } });
    expect(res.text).not.toMatch(/hunter2|db\.ts|stack/);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('turns a database failure into a 5xx without its message', async () => {
    const s = server();
    const token = await s.adminToken();
    // Break the database under the app: every query now fails inside the driver.
    await s.db.schema.dropTable('assessment_revisions').execute();
    const res = await s.request('GET', `/api/v1/provinces/${CITY_PROVINCE}/communes`, { token });
    expect(res.status).toBe(500);
    expect(res.json).toEqual({ error: { code: 'internal', message: 'Internal server error' } });
    expect(res.text).not.toMatch(/assessment_revisions|no such table|does not exist/);
  });
});
