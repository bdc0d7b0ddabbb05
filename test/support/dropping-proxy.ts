/**
 * A bad mobile link between the browser (or any client) and the server, for the evidence upload
 * tests and bench: a plain TCP proxy that forwards both ways and cuts every connection abruptly
 * (TCP reset, as a link dropping mid-transfer does) once it has carried `cutAfterBytes` bytes
 * upstream (client → server). It counts the bytes forwarded upstream over all connections, so a
 * test can compare what the client put on the wire with the size of the files it had to send.
 *
 * Only upstream bytes count towards the cut: the app's own scripts and pages come downstream and
 * must load; what is measured and what breaks is the upload. `cutAfterBytes: Infinity` forwards
 * without cutting (for setting up through the same origin).
 */
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

export interface DroppingProxyOptions {
  /** Where to forward. */
  targetPort: number;
  targetHost?: string;
  /** Cut a connection once this many bytes went upstream on it. */
  cutAfterBytes: number;
  /** Port to listen on (0 = any free port). */
  port?: number;
}

export interface DroppingProxy {
  readonly port: number;
  /** Bytes forwarded client → server, over all connections since start (or the last reset). */
  readonly upstreamBytes: number;
  /** Bytes forwarded server → client. */
  readonly downstreamBytes: number;
  /** Connections cut by the proxy. */
  readonly cuts: number;
  /** Connections accepted. */
  readonly connections: number;
  /** Change the cut threshold, for every connection (bytes already carried count). */
  setCutAfter(bytes: number): void;
  resetCounters(): void;
  close(): Promise<void>;
}

function reset(socket: Socket): void {
  // A reset, not a polite FIN: the client sees the request fail mid-way, as on a dropped link.
  if (!socket.destroyed) socket.resetAndDestroy();
}

export async function startDroppingProxy(opts: DroppingProxyOptions): Promise<DroppingProxy> {
  let cutAfter = opts.cutAfterBytes;
  let upstreamBytes = 0;
  let downstreamBytes = 0;
  let cuts = 0;
  let connections = 0;
  const open = new Set<Socket>();

  const server: Server = createServer((client) => {
    connections++;
    let carried = 0;
    const upstream = connect({ port: opts.targetPort, host: opts.targetHost ?? '127.0.0.1' });
    open.add(client);
    open.add(upstream);
    let wasCut = false;
    const cut = () => {
      if (wasCut) return;
      wasCut = true;
      cuts++;
      reset(client);
      reset(upstream);
    };
    client.on('data', (chunk: Buffer) => {
      // The threshold is read live: lowering it also cuts the keep-alive connections already open.
      const limit = cutAfter;
      if (carried >= limit) {
        setImmediate(cut);
        return;
      }
      // Forward up to the limit, then drop the link: the server sees a truncated request.
      const room = limit - carried;
      const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
      carried += part.length;
      upstreamBytes += part.length;
      upstream.write(part);
      if (carried >= limit) setImmediate(cut);
    });
    upstream.on('data', (chunk: Buffer) => {
      downstreamBytes += chunk.length;
      client.write(chunk);
    });
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
    for (const [a, b] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      a.on('error', () => reset(b));
      a.on('close', () => {
        open.delete(a);
        if (!b.destroyed) b.destroy();
      });
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    get upstreamBytes() {
      return upstreamBytes;
    },
    get downstreamBytes() {
      return downstreamBytes;
    },
    get cuts() {
      return cuts;
    },
    get connections() {
      return connections;
    },
    setCutAfter(bytes: number) {
      cutAfter = bytes;
    },
    resetCounters() {
      upstreamBytes = 0;
      downstreamBytes = 0;
      cuts = 0;
      connections = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
