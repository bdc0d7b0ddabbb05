/**
 * A province's criteria sets through the API (issue #12): upload checked in full (every problem,
 * nothing stored), publish once, immutable after, the set id the province's own, who reads what,
 * body limits and media types, the JSON Schema, gzip on the wire. On SQLite and PostgreSQL.
 */
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { criteriaSetJsonSchema } from '../../src/domain/criteria/json-schema';
import { PROVINCE_SET_ID, provinceSet, publishSet } from './criteria-set-fixtures';
import { MOUNTAIN_COMMUNE } from './fixtures';
import { DB_KINDS, serverPerTest, type TestServer } from './harness';

const UPLOAD = '/api/v1/provinces/04/criteria-sets';

async function cast(s: TestServer) {
  const reviewer = await s.reviewer('04', 'rev-cb');
  const other = await s.reviewer('01', 'rev-hn');
  const device = await s.enroll(reviewer, MOUNTAIN_COMMUNE);
  return { reviewer, other, device: device.token, admin: await s.adminToken() };
}

const rows = (s: TestServer) => s.db.selectFrom('criteria_sets').selectAll().execute();

describe.each(DB_KINDS)('criteria sets (%s)', (kind) => {
  const server = serverPerTest(kind);

  it('uploads a draft, publishes it, and serves it to the province: meta, sha256 of the exact bytes, gzip', async () => {
    const s = server();
    const who = await cast(s);
    const up = await s.request('POST', UPLOAD, { token: who.reviewer, body: provinceSet() });
    expect(up.status).toBe(201);
    const meta = up.json.meta;
    expect(meta).toMatchObject({
      setId: PROVINCE_SET_ID,
      version: '2026.1',
      provinceCode: '04',
      status: 'draft',
      indicatorCount: 47,
      createdBy: 'rev-cb',
      title: { vi: 'Bộ chỉ số chuyển đổi số cấp xã tỉnh Cao Bằng' },
    });
    expect(meta.publishedAt).toBeUndefined();

    // A draft: the province's reviewers and the admin; not its phones, not another province (404).
    expect((await s.request('GET', `/api/v1/criteria-sets/${meta.id}`, { token: who.admin })).status).toBe(200);
    expect((await s.request('GET', `/api/v1/criteria-sets/${meta.id}`, { token: who.device })).status).toBe(404);
    expect((await s.request('GET', `/api/v1/criteria-sets/${meta.id}`, { token: who.other })).status).toBe(404);
    expect((await s.request('GET', '/api/v1/criteria-sets', { token: who.device })).json.sets).toEqual([]);
    const drafts = await s.request('GET', '/api/v1/criteria-sets?provinceCode=04&status=draft', { token: who.reviewer });
    expect(drafts.json.sets.map((m: { id: string }) => m.id)).toEqual([meta.id]);
    expect((await s.request('GET', '/api/v1/criteria-sets?status=draft', { token: who.device })).status).toBe(403);
    expect((await s.request('GET', '/api/v1/criteria-sets?provinceCode=04&status=draft', { token: who.other })).status).toBe(403);

    s.advance(60_000);
    const pub = await s.request('POST', `/api/v1/criteria-sets/${meta.id}/publish`, { token: who.reviewer });
    expect(pub.status).toBe(200);
    expect(pub.json.meta).toMatchObject({ id: meta.id, status: 'published', publishedAt: s.clock.toISOString() });

    const list = await s.request('GET', '/api/v1/criteria-sets?provinceCode=04', { token: who.device });
    expect(list.json.sets).toEqual([pub.json.meta]);
    expect((await s.request('GET', '/api/v1/criteria-sets?provinceCode=01', { token: who.device })).status).toBe(403);
    const got = await s.request('GET', `/api/v1/criteria-sets/${meta.id}`, { token: who.device });
    expect(got.status).toBe(200);
    expect(got.json.set).toEqual(up.json.set);
    // The sha256 and bytes describe exactly the set served, as the phone receives it.
    const served = got.text.slice(got.text.indexOf('"set":') + 6, -1);
    expect(createHash('sha256').update(served).digest('hex')).toBe(meta.sha256);
    expect(Buffer.byteLength(served)).toBe(meta.bytes);
    expect((await s.request('GET', `/api/v1/criteria-sets/${meta.id}`, { token: who.other })).status).toBe(403);

    const gz = await s.xaso.app.request(`/api/v1/criteria-sets/${meta.id}`, {
      headers: { authorization: `Bearer ${who.device}`, 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('vary')).toContain('Accept-Encoding');
    const wire = Buffer.from(await gz.arrayBuffer());
    expect(wire.length).toBeLessThan(meta.bytes / 4);
    expect(gunzipSync(wire).toString()).toBe(got.text);
  });

  it('refuses an invalid set with every problem, in Vietnamese with its JSON path, and stores nothing', async () => {
    const s = server();
    const who = await cast(s);
    const set = provinceSet() as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    set.indicators[0].points = 'hai mươi';
    set.indicators[1].rule = { kind: 'magic' };
    set.indicators[4].points = 25; // NT's members now total 105
    set.indicators[6].code = set.indicators[5].code;
    const res = await s.request('POST', UPLOAD, { token: who.reviewer, body: set });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe('invalid_criteria_set');
    const problems = res.json.error.problems as { path: string; message: string }[];
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'indicators[0].points', message: 'phải là số, không phải "hai mươi"' },
        { path: 'indicators[1].rule.kind', message: expect.stringContaining('loại "magic" không có; chỉ được dùng: "status"') },
      ]),
    );
    // Structural problems first; once the structure is sound the cross-field ones are all listed.
    const sound = provinceSet() as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    sound.indicators[4].points = 25;
    sound.indicators[6].code = sound.indicators[5].code;
    sound.total.points = 999;
    const second = await s.request('POST', UPLOAD, { token: who.reviewer, body: sound });
    expect(second.json.error.problems).toEqual(
      expect.arrayContaining([
        { path: 'total.points', message: 'tổng điểm 999 không khớp: các nhóm cấp cao nhất cộng lại được 1000 điểm' },
        { path: 'groups[0].points', message: 'điểm 100 không khớp: các chỉ tiêu và nhóm con cộng lại được 105 điểm' },
        { path: 'indicators[6].code', message: `mã chỉ tiêu "${sound.indicators[5].code as string}" bị trùng` },
      ]),
    );
    const malformed = await s.request('POST', UPLOAD, { token: who.reviewer, rawBody: '{"id": ' });
    expect(malformed.status).toBe(422);
    expect(malformed.json.error.problems[0].message).toMatch(/^tệp không phải JSON hợp lệ/);
    expect(await rows(s)).toEqual([]);
  });

  it('keeps set ids apart: not a bundled set’s, not another province’s; versions unique and ascending', async () => {
    const s = server();
    const who = await cast(s);
    const bundled = { ...provinceSet(), id: 'template-commune-index', version: '2026.7' };
    const clash = await s.request('POST', UPLOAD, { token: who.reviewer, body: bundled });
    expect(clash.status).toBe(422);
    expect(clash.json.error.problems).toEqual([{ path: 'id', message: expect.stringContaining('trùng với một bộ có sẵn') }]);

    await publishSet(s, who.reviewer, provinceSet('2026.2'));
    const hanoi = await s.request('POST', '/api/v1/provinces/01/criteria-sets', {
      token: who.other,
      body: provinceSet('2027.1'),
    });
    expect(hanoi.json.error.problems).toEqual([{ path: 'id', message: expect.stringContaining('đã được một tỉnh khác dùng') }]);
    const again = await s.request('POST', UPLOAD, { token: who.reviewer, body: provinceSet('2026.2') });
    expect(again.json.error.problems).toEqual([
      {
        path: 'version',
        message: expect.stringContaining('đã được công bố và không sửa được nữa; hãy ghi phiên bản mới (ví dụ 2026.3)'),
      },
    ]);
    const older = await s.request('POST', UPLOAD, { token: who.reviewer, body: provinceSet('2026.1') });
    expect(older.json.error.problems[0].message).toBe(
      'phiên bản 2026.1 cũ hơn phiên bản 2026.2 đã công bố; phiên bản mới phải lớn hơn',
    );

    // Two drafts of one version: the first published wins, the second is a 409.
    const a = await s.request('POST', UPLOAD, { token: who.reviewer, body: provinceSet('2026.3') });
    const b = await s.request('POST', UPLOAD, { token: who.admin, body: provinceSet('2026.3') });
    expect((await s.request('POST', `/api/v1/criteria-sets/${a.json.meta.id}/publish`, { token: who.admin })).status).toBe(200);
    const lost = await s.request('POST', `/api/v1/criteria-sets/${b.json.meta.id}/publish`, { token: who.reviewer });
    expect(lost.status).toBe(409);
    expect(lost.json.error.code).toBe('criteria_set_published');
    const twice = await s.request('POST', `/api/v1/criteria-sets/${a.json.meta.id}/publish`, { token: who.reviewer });
    expect(twice.status).toBe(409);
  });

  it('a published row is immutable: the database refuses an UPDATE or DELETE, and no route changes it', async () => {
    const s = server();
    const who = await cast(s);
    const meta = await publishSet(s, who.reviewer, provinceSet());
    const before = await rows(s);
    await expect(s.db.updateTable('criteria_sets').set({ title_vi: 'khác' }).where('id', '=', meta.id).execute()).rejects.toThrow(
      /immutable/,
    );
    await expect(s.db.deleteFrom('criteria_sets').where('id', '=', meta.id).execute()).rejects.toThrow(/immutable/);
    // Every write route the API has for sets, by everyone who may call it.
    for (const token of [who.reviewer, who.admin]) {
      await s.request('POST', `/api/v1/criteria-sets/${meta.id}/publish`, { token });
      await s.request('POST', UPLOAD, { token, body: provinceSet() });
      await s.request('POST', UPLOAD, { token, body: { ...provinceSet(), title: { vi: 'Khác', en: 'Other' } } });
    }
    for (const method of ['PUT', 'PATCH', 'DELETE'])
      expect((await s.request(method, `/api/v1/criteria-sets/${meta.id}`, { token: who.admin })).status).toBe(404);
    expect(await rows(s)).toEqual(before);
    // A draft is still a draft: it can be published (the trigger guards published rows only).
    const draft = await s.request('POST', UPLOAD, { token: who.reviewer, body: provinceSet('2026.2') });
    expect((await s.request('POST', `/api/v1/criteria-sets/${draft.json.meta.id}/publish`, { token: who.reviewer })).status).toBe(
      200,
    );
  });

  it('limits and media types: 413 over 10 MB, 415 for anything but JSON or an .xlsx workbook', async () => {
    const s = server();
    const who = await cast(s);
    const big = JSON.stringify({ ...provinceSet(), padding: 'x'.repeat(10 * 1024 * 1024) });
    const tooBig = await s.request('POST', UPLOAD, { token: who.reviewer, rawBody: big });
    expect(tooBig.status).toBe(413);
    // Between 4 and 10 MB the upload route reads the body (and refuses the unknown key), others do not.
    const large = JSON.stringify({ ...provinceSet(), padding: 'x'.repeat(5 * 1024 * 1024) });
    const read = await s.request('POST', UPLOAD, { token: who.reviewer, rawBody: large });
    expect(read.status).toBe(422);
    expect(read.json.error.problems).toEqual([{ message: 'có trường không thuộc định dạng: "padding"' }]);
    const plain = await s.request('POST', UPLOAD, {
      token: who.reviewer,
      rawBody: 'id,version',
      headers: { 'content-type': 'text/csv' },
    });
    expect(plain.status).toBe(415);
    expect(plain.json.error.message).toContain('application/json');
    const otherRoute = await s.request('POST', '/api/v1/users', { token: who.admin, rawBody: large });
    expect(otherRoute.status).toBe(413);
    expect(await rows(s)).toEqual([]);
  });

  it('serves the JSON Schema of the format, the same as data/criteria/criteria-set.schema.json', async () => {
    const s = server();
    const res = await s.request('GET', '/api/v1/criteria-sets/schema.json');
    expect(res.status).toBe(200);
    expect(res.json).toEqual(criteriaSetJsonSchema());
    const file = await import('../../data/criteria/criteria-set.schema.json');
    expect(res.json).toEqual(JSON.parse(JSON.stringify(file.default)));
  });
});
