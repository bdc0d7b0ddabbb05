/**
 * A fault-injecting HTTP proxy on loopback between the phone and the real server, for the
 * failures a phone meets on the way: a gateway answering 502/503 while the app is away, and a
 * connection that drops after the server has stored a submission but before the answer reaches
 * the phone (the request is forwarded and fully answered upstream, then the client's socket is
 * destroyed instead of being answered). Every request is counted per method and path.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type ProxyMode =
  /** Forward and answer normally. */
  | 'pass'
  /** Forward, let the server finish, then cut the phone's connection without an answer. */
  | 'drop-answer'
  /** Answer 503 as a gateway does when the app behind it is down; the server sees nothing. */
  | 'gateway-503'
  /** Refuse at once: destroy the connection before forwarding. */
  | 'reset'
  /** Forward, then answer with the body changed by `alter` (content altered on the way). */
  | 'alter-answer';

export interface ProxiedRequest {
  method: string;
  path: string;
  mode: ProxyMode;
  /** The upstream status, when the request reached the server. */
  upstreamStatus?: number;
}

export class FaultProxy {
  mode: ProxyMode = 'pass';
  /** What 'alter-answer' does to an answer's body (given the request's path). */
  alter: (body: Buffer, path: string) => Buffer = (body) => body;
  readonly requests: ProxiedRequest[] = [];
  private server: http.Server | undefined;

  constructor(private upstream: string) {}

  get url(): string {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('proxy not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  setUpstream(url: string): void {
    this.upstream = url;
  }

  count(method: string, pathPrefix: string): number {
    return this.requests.filter((r) => r.method === method && r.path.startsWith(pathPrefix)).length;
  }

  async listen(): Promise<void> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const mode = this.mode;
    const entry: ProxiedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', mode };
    this.requests.push(entry);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (mode === 'reset') {
      req.socket.destroy();
      return;
    }
    if (mode === 'gateway-503') {
      res.writeHead(503, { 'content-type': 'text/html' }).end('<html><body>503 Service Temporarily Unavailable</body></html>');
      return;
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && !['host', 'connection', 'content-length', 'transfer-encoding'].includes(name))
        headers[name] = value;
    }
    try {
      const upstream = await fetch(this.upstream + entry.path, {
        method: entry.method,
        headers,
        body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
      });
      const body = Buffer.from(await upstream.arrayBuffer());
      entry.upstreamStatus = upstream.status;
      if (mode === 'drop-answer') {
        // The server has answered (and committed); the phone never hears it.
        req.socket.destroy();
        return;
      }
      const out: Record<string, string> = {};
      upstream.headers.forEach((value, name) => {
        if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection', 'keep-alive'].includes(name))
          out[name] = value;
      });
      res.writeHead(upstream.status, out).end(mode === 'alter-answer' ? this.alter(body, entry.path) : body);
    } catch {
      // Upstream unreachable: what a gateway says then.
      res.writeHead(502, { 'content-type': 'text/html' }).end('<html><body>502 Bad Gateway</body></html>');
    }
  }
}
