// A loopback HTTP proxy (127.0.0.1, ephemeral port) that only tunnels: each CONNECT is recorded (its target and its
// Proxy-Authorization) and piped to the target, or refused with `refuse`'s status. Plain proxied GETs get a 405, so a
// client that skipped the tunnel would fail loudly. For the HTTPS_PROXY tests of `prices update` and `metrics pull`.
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface ConnectProxy {
  /** http://127.0.0.1:PORT */
  url: string;
  /** `host:port` of each CONNECT, in order. */
  connects: string[];
  /** The Proxy-Authorization header of each CONNECT ('' when absent). */
  authorizations: string[];
  /** When set, every CONNECT is answered with this status instead of a tunnel. */
  refuse?: number;
  close(): Promise<void>;
}

export async function startConnectProxy(): Promise<ConnectProxy> {
  const sockets = new Set<net.Socket>();
  const server = http.createServer((_req, res) => res.writeHead(405).end('CONNECT only'));
  const proxy: ConnectProxy = { url: '', connects: [], authorizations: [], close: async () => undefined };
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    proxy.connects.push(req.url ?? '');
    proxy.authorizations.push(req.headers['proxy-authorization'] ?? '');
    if (proxy.refuse !== undefined) {
      client.end(`HTTP/1.1 ${proxy.refuse} Refused\r\n\r\n`);
      return;
    }
    const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(req.url ?? '');
    if (!m) { client.end('HTTP/1.1 400 Bad Request\r\n\r\n'); return; }
    const upstream = net.connect(Number(m[2]), m[1], () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => { sockets.delete(upstream); client.destroy(); });
    upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'));
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () => new Promise<void>((resolve) => {
    for (const s of sockets) s.destroy();
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return proxy;
}
