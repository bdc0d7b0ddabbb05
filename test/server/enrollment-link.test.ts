/** Issue #9 defect 7: the enrollment link never follows the request's Host header. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PUBLIC_URL } from '../../src/server/app';
import { ownOrigin, readConfig } from '../../src/server/config';
import { MOUNTAIN_COMMUNE, MOUNTAIN_PROVINCE } from './fixtures';
import { serverPerTest } from './harness';

describe('enrollment link origin', () => {
  const server = serverPerTest('sqlite');

  it('[A11] a forged Host header does not change the link when XASO_PUBLIC_URL is unset', async () => {
    const s = server();
    const reviewer = await s.reviewer(MOUNTAIN_PROVINCE);
    const res = await s.request('POST', `http://evil.example/api/v1/communes/${MOUNTAIN_COMMUNE}/enrollment-codes`, {
      token: reviewer,
      headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' },
    });
    expect(res.status).toBe(201);
    expect(res.json.link).toBe(`${DEFAULT_PUBLIC_URL}/#/enroll?code=${res.json.code}`);
    expect(res.json.qrSvg).not.toContain('evil');
  });

  it("main.ts passes XASO_PUBLIC_URL, else the server's own origin (its interface, or the machine's name on 0.0.0.0)", () => {
    expect(readConfig({ XASO_PUBLIC_URL: 'https://xaso.example.vn/' }).publicUrl).toBe('https://xaso.example.vn');
    const own = readConfig({ HOST: '10.1.2.3', PORT: '9000' });
    expect(own).toMatchObject({ publicUrl: 'http://10.1.2.3:9000', publicUrlGuessed: true });
    expect(ownOrigin('::1', 8080)).toBe('http://[::1]:8080');
    expect(() => readConfig({ XASO_PUBLIC_URL: 'xaso.example.vn/path' })).toThrow(/origin/);
    expect(() => readConfig({ XASO_TRUST_PROXY: 'my-proxy' })).toThrow(/XASO_TRUST_PROXY/);
  });
});
