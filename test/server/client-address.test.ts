import { describe, expect, it } from 'vitest';
import { NO_PROXY, parseTrustedProxies, resolveClientAddress } from '../../src/server/client-address';

describe('client address behind proxies (issue #9 defect 2)', () => {
  const proxies = parseTrustedProxies('127.0.0.1, 10.0.0.0/8, fd00::/8');

  it('ignores X-Forwarded-For from a peer that is not a configured proxy', () => {
    expect(resolveClientAddress('203.0.113.9', '1.2.3.4', proxies)).toBe('203.0.113.9');
    expect(resolveClientAddress('203.0.113.9', '1.2.3.4', NO_PROXY)).toBe('203.0.113.9');
  });

  it('takes the right-most hop that is not a trusted proxy, so a forged left part changes nothing', () => {
    expect(resolveClientAddress('127.0.0.1', '198.51.100.7', proxies)).toBe('198.51.100.7');
    expect(resolveClientAddress('127.0.0.1', 'forged-1, 6.6.6.6, 198.51.100.7', proxies)).toBe('198.51.100.7');
    expect(resolveClientAddress('::ffff:127.0.0.1', '6.6.6.6, 198.51.100.7, 10.1.2.3', proxies)).toBe('198.51.100.7');
    expect(resolveClientAddress('fd00::1', '2001:db8::5', proxies)).toBe('2001:db8::5');
  });

  it('counts a malformed hop as the client (capped), and falls back to the left-most proxy when all are proxies', () => {
    expect(resolveClientAddress('127.0.0.1', `1.1.1.1, ${'x'.repeat(500)}`, proxies)).toBe('x'.repeat(64));
    expect(resolveClientAddress('127.0.0.1', '10.0.0.2, 10.0.0.3', proxies)).toBe('10.0.0.2');
    expect(resolveClientAddress('127.0.0.1', undefined, proxies)).toBe('127.0.0.1');
  });

  it('reads the configuration: "1" means a proxy on this machine; anything else must be an address or range', () => {
    const local = parseTrustedProxies('1');
    expect(local.trusts('127.0.0.1') && local.trusts('::1') && local.trusts('::ffff:127.0.0.1')).toBe(true);
    expect(local.trusts('10.0.0.1')).toBe(false);
    expect(parseTrustedProxies('').trusts('127.0.0.1')).toBe(false);
    expect(() => parseTrustedProxies('nginx')).toThrow(/not an IP address/);
    expect(() => parseTrustedProxies('10.0.0.0/40')).toThrow(/prefix/);
  });
});
