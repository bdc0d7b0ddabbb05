/**
 * Who is calling, for rate limits and the audit log. Behind a reverse proxy every connection comes
 * from the proxy, and the client's address is in X-Forwarded-For, which each proxy APPENDS to: the
 * left part of that header is whatever the client chose to send, so only the hops added by proxies
 * we trust can be believed. The client is therefore the right-most address that is not one of the
 * configured proxies (walking right to left from the socket's peer); if the peer itself is not a
 * trusted proxy, the header is ignored altogether.
 */
import { BlockList, isIP } from 'node:net';

export interface TrustedProxies {
  /** True when the address is one of the configured proxies. */
  trusts(address: string): boolean;
  /** What was configured, as given (for the start-up log). */
  readonly description: string;
}

/** No proxy trusted: the socket's peer is the client. */
export const NO_PROXY: TrustedProxies = { trusts: () => false, description: 'none' };

/** "::ffff:10.0.0.1" (an IPv4 peer on a dual-stack socket) is 10.0.0.1. */
export function normaliseAddress(address: string): string {
  const trimmed = address.trim().replace(/^\[(.*)\]$/, '$1');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped?.[1] ?? trimmed;
}

/**
 * A comma-separated list of addresses and CIDR ranges ("127.0.0.1, 10.0.0.0/8, fd00::/8").
 * "1" or "true" (the older switch) means a proxy on the same machine: 127.0.0.1 and ::1.
 * Throws on anything that is not an address, so a typo stops the server instead of trusting nobody.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const text = value?.trim() ?? '';
  if (text === '' || text === '0' || text === 'false') return NO_PROXY;
  const entries =
    text === '1' || text === 'true'
      ? ['127.0.0.1', '::1']
      : text
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '');
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', bits] = entry.split('/');
    const family = isIP(address);
    if (family === 0) throw new Error(`XASO_TRUST_PROXY: "${entry}" is not an IP address or CIDR range`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) {
      list.addAddress(address, type);
    } else {
      const prefix = Number(bits);
      if (!/^\d+$/.test(bits) || prefix > (family === 4 ? 32 : 128))
        throw new Error(`XASO_TRUST_PROXY: "${entry}" has a bad prefix length`);
      list.addSubnet(address, prefix, type);
    }
  }
  return {
    description: entries.join(', '),
    trusts(address) {
      const a = normaliseAddress(address);
      const family = isIP(a);
      return family !== 0 && list.check(a, family === 4 ? 'ipv4' : 'ipv6');
    },
  };
}

/**
 * The client's address: the peer, unless the peer is a trusted proxy; then the right-most hop of
 * X-Forwarded-For that is not a trusted proxy. A malformed hop ends the walk there (it was written by
 * something untrusted), and is itself returned so that garbage still counts against one key.
 */
export function resolveClientAddress(
  peer: string | undefined,
  forwardedFor: string | undefined,
  proxies: TrustedProxies,
): string {
  let client = normaliseAddress(peer ?? '') || 'unknown';
  if (!proxies.trusts(client) || !forwardedFor) return client;
  const hops = forwardedFor.split(',').map(normaliseAddress);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] ?? '';
    if (hop === '') continue;
    // Capped: a forged header must not put kilobytes into every rate-limit and audit row.
    client = hop.slice(0, 64);
    if (isIP(hop) === 0 || !proxies.trusts(hop)) return client;
  }
  // Every hop is a trusted proxy: the left-most one is as close to the client as we can see.
  return client;
}
