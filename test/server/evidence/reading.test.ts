import { describe, expect, it } from 'vitest';
import { CITY_PROVINCE, MOUNTAIN_COMMUNE, MOUNTAIN_COMMUNE_2, MOUNTAIN_PROVINCE, submission } from '../fixtures';
import { DB_KINDS, serverPerTest } from '../harness';
import { photo, sha256 } from './samples';
import { listen, phone, tusUpload } from './world';

const ID = 'evidence-assessment-0001';
const fileUrl = (sha: string) => `/api/v1/evidence/files/${sha}`;

describe.each(DB_KINDS)('reading evidence (%s)', (kind) => {
  const server = serverPerTest(kind);

  it("[E6] serves a photo to its commune's devices, its province's reviewers and the admin; 404 to everyone else", async () => {
    const s = server();
    const { base } = await listen(s);
    const device = await phone(s, MOUNTAIN_COMMUNE);
    await tusUpload(base, device, photo.jpeg, { sha256: sha256(photo.jpeg), type: 'image/jpeg', communeCode: MOUNTAIN_COMMUNE });
    const url = fileUrl(sha256(photo.jpeg));
    const reviewer = await s.login(`rev-${MOUNTAIN_COMMUNE}`, 'reviewer-password-1');
    for (const token of [device, reviewer, await s.adminToken()]) {
      const res = await s.request('GET', url, { token });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/jpeg');
      expect(res.headers.get('content-disposition')).toMatch(/^inline; filename="evidence-[0-9a-f]{12}\.jpeg"$/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain('sandbox');
    }
    const neighbour = await phone(s, MOUNTAIN_COMMUNE_2);
    const otherProvince = await s.reviewer(CITY_PROVINCE, 'rev-city');
    for (const token of [neighbour, otherProvince]) {
      const res = await s.request('GET', url, { token });
      expect(res.status).toBe(404);
      expect(res.json).toMatchObject({ error: { code: 'not_found' } });
      expect((await s.request('HEAD', url, { token })).status).toBe(404);
    }
    expect((await s.request('GET', url)).status).toBe(401);
    expect((await s.request('GET', fileUrl('../../etc/passwd'), { token: device })).status).toBe(404);
    expect((await s.request('GET', fileUrl('ABC'), { token: device })).json).toMatchObject({ error: { code: 'invalid_sha256' } });
  });

  it('[E7] takes path tricks in file names as names only: stored as given, never in a header or a path', async () => {
    const s = server();
    const { base } = await listen(s);
    const device = await phone(s, MOUNTAIN_COMMUNE);
    const names = ['../../../etc/passwd', '..\\..\\windows\\win.ini', '/tmp/x"; filename="evil.html', 'a\r\nSet-Cookie: x=1'];
    const files = [photo.jpeg, photo.png, photo.webp, Buffer.concat([photo.jpeg, Buffer.from([0])])];
    for (const [i, name] of names.entries()) {
      const bytes = files[i] as Buffer;
      const type = i === 1 ? 'image/png' : i === 2 ? 'image/webp' : 'image/jpeg';
      await tusUpload(base, device, bytes, { sha256: sha256(bytes), type, filename: name, communeCode: MOUNTAIN_COMMUNE });
      const res = await s.request('GET', fileUrl(sha256(bytes)), { token: device });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(/^inline; filename="evidence-[0-9a-f]{12}\.(jpeg|png|webp)"$/);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    const stored = await s.db.selectFrom('evidence_owners').select('filename').execute();
    expect(stored.map((r) => r.filename).sort()).toEqual([...names].sort());
  });

  it("lists each item's evidence on the reviewer's view of a submission: pending until the file arrives", async () => {
    const s = server();
    const { base } = await listen(s);
    const device = await phone(s, MOUNTAIN_COMMUNE);
    const body = submission(MOUNTAIN_COMMUNE);
    const [first, second] = body.answers.map((a) => a.code);
    const evidence = [
      {
        code: first as string,
        sha256: sha256(photo.jpeg),
        caption: 'Ảnh bộ phận một cửa',
        type: 'image/jpeg',
        size: photo.jpeg.length,
      },
      { code: second as string, sha256: sha256(photo.png), caption: 'Sơ đồ mạng', type: 'image/png', size: photo.png.length },
    ] as const;
    const put = await s.request('PUT', `/api/v1/assessments/${ID}`, { token: device, body: { ...body, evidence } });
    expect(put.status).toBe(200);
    const reviewer = await s.login(`rev-${MOUNTAIN_COMMUNE}`, 'reviewer-password-1');
    const before = await s.request('GET', `/api/v1/assessments/${ID}`, { token: reviewer });
    expect(before.json.evidence).toEqual(evidence.map((e) => ({ ...e, received: false })));
    await tusUpload(base, device, photo.jpeg, { sha256: sha256(photo.jpeg), type: 'image/jpeg', communeCode: MOUNTAIN_COMMUNE });
    const after = await s.request('GET', `/api/v1/assessments/${ID}`, { token: reviewer });
    expect(after.json.evidence.map((e: { received: boolean }) => e.received)).toEqual([true, false]);
    expect(after.json.submission.evidence).toEqual(evidence);
    // The same references in another order are the same revision (a replay), not a conflict.
    const replay = await s.request('PUT', `/api/v1/assessments/${ID}`, {
      token: device,
      body: { ...body, evidence: [...evidence].reverse() },
    });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(MOUNTAIN_PROVINCE).toBe(after.json.provinceCode);
  });

  it('refuses evidence on an unknown item, a 21st file on one item, and an oversize caption (422)', async () => {
    const s = server();
    const device = await phone(s, MOUNTAIN_COMMUNE);
    const body = submission(MOUNTAIN_COMMUNE);
    const code = body.answers[0]?.code as string;
    const ref = (i: number, over: object = {}) => ({
      code,
      sha256: i.toString(16).padStart(64, '0'),
      caption: '',
      type: 'image/jpeg',
      size: 1000,
      ...over,
    });
    const cases: [object[], string][] = [
      [[ref(1, { code: 'KHONGCO9' })], 'evidence-unknown-code'],
      [Array.from({ length: 21 }, (_, i) => ref(i + 1)), 'evidence-too-many'],
      [[ref(1, { caption: 'ả'.repeat(501) })], 'evidence-caption-too-long'],
      [[ref(1), ref(1)], 'evidence-duplicate'],
    ];
    for (const [evidence, problem] of cases) {
      const res = await s.request('PUT', `/api/v1/assessments/${ID}`, { token: device, body: { ...body, evidence } });
      expect(res.status, problem).toBe(422);
      expect(res.json.error.problems).toContainEqual(expect.objectContaining({ problem }));
    }
    const tooBig = await s.request('PUT', `/api/v1/assessments/${ID}`, {
      token: device,
      body: { ...body, evidence: [ref(1, { size: 11 * 1024 * 1024 })] },
    });
    expect(tooBig.status).toBe(400);
  });
});
