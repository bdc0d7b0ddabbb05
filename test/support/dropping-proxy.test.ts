// The bad link itself: it must really cut, at the byte count asked, and count what it carried.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDroppingProxy, type DroppingProxy } from './dropping-proxy';

let server: Server;
let received: number[];
let proxy: DroppingProxy | undefined;

beforeEach(async () => {
  received = [];
  server = createServer((req, res) => {
    let n = 0;
    req.on('data', (c: Buffer) => (n += c.length));
    req.on('end', () => {
      received.push(n);
      res.end(String(n));
    });
    req.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
});

afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

function post(port: number, bytes: number): Promise<{ ok: true; body: string } | { ok: false; error: string }> {
  return new Promise((resolve) => {
    const req = request({ port, host: '127.0.0.1', method: 'POST', path: '/', agent: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ ok: true, body }));
      res.on('error', (e) => resolve({ ok: false, error: e.message }));
    });
    req.on('error', (e) => resolve({ ok: false, error: e.message }));
    req.end(Buffer.alloc(bytes, 7));
  });
}

const targetPort = () => (server.address() as AddressInfo).port;

describe('dropping proxy', () => {
  it('forwards a request under the threshold whole and counts its bytes', async () => {
    proxy = await startDroppingProxy({ targetPort: targetPort(), cutAfterBytes: 100_000 });
    const res = await post(proxy.port, 50_000);
    expect(res).toEqual({ ok: true, body: '50000' });
    expect(proxy.cuts).toBe(0);
    // The body plus the request line and headers.
    expect(proxy.upstreamBytes).toBeGreaterThan(50_000);
    expect(proxy.upstreamBytes).toBeLessThan(50_400);
    expect(proxy.downstreamBytes).toBeGreaterThan(0);
  });

  it('cuts a connection that carries more than the threshold, after exactly that many bytes', async () => {
    proxy = await startDroppingProxy({ targetPort: targetPort(), cutAfterBytes: 30_000 });
    const res = await post(proxy.port, 200_000);
    expect(res.ok).toBe(false);
    expect(proxy.cuts).toBe(1);
    expect(proxy.upstreamBytes).toBe(30_000);
    expect(received).toEqual([]); // the server never saw a whole request
  });

  it('a lowered threshold applies to open connections; raised, it lets requests through', async () => {
    proxy = await startDroppingProxy({ targetPort: targetPort(), cutAfterBytes: Infinity });
    expect(await post(proxy.port, 10_000)).toEqual({ ok: true, body: '10000' });
    proxy.setCutAfter(1_000);
    expect((await post(proxy.port, 10_000)).ok).toBe(false);
    proxy.setCutAfter(Infinity);
    proxy.resetCounters();
    expect(await post(proxy.port, 10_000)).toEqual({ ok: true, body: '10000' });
    expect(proxy.cuts).toBe(0);
    expect(proxy.connections).toBe(1);
  });
});
