// HTTPS_PROXY support for the two commands that use the network, `prices update` (prices/httpGet.ts) and
// `metrics pull` (metrics/cloudWatch.ts, through the AWS SDK's NodeHttpHandler): which proxy a URL goes through
// (HTTPS_PROXY / https_proxy, minus the hosts of NO_PROXY / no_proxy), the HTTP CONNECT tunnel to it (as curl does),
// and an https.Agent that opens its connections through that tunnel. Only https:// URLs use the proxy; http:// URLs
// (a loopback test server) always go straight to their host.
import * as http from 'node:http';
import * as https from 'node:https';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';

export interface ProxySettings {
  /** e.g. process.env.HTTPS_PROXY; ignored for http:// URLs and for hosts in noProxy. */
  proxy?: string;
  /** NO_PROXY: comma-separated host names or domain suffixes; `*` for every host. */
  noProxy?: string;
}

/** A failed HTTP exchange; `retryable` false for an answer that another try would not change (a 4xx, a refused tunnel). */
export class HttpError extends Error {
  constructor(message: string, readonly retryable: boolean) {
    super(message);
  }
}

/** HTTPS_PROXY (else https_proxy) and NO_PROXY (else no_proxy) of an environment. */
export function proxySettings(env: Record<string, string | undefined>): ProxySettings {
  const proxy = env.HTTPS_PROXY ?? env.https_proxy;
  const noProxy = env.NO_PROXY ?? env.no_proxy;
  return { ...(proxy !== undefined ? { proxy } : {}), ...(noProxy !== undefined ? { noProxy } : {}) };
}

/** The proxy a request to `protocol//hostname` goes through, or undefined for a direct connection. */
export function proxyFor(protocol: string, hostname: string, settings: ProxySettings): URL | undefined {
  return protocol === 'https:' && settings.proxy && !bypassed(hostname, settings.noProxy) ? new URL(settings.proxy) : undefined;
}

/** NO_PROXY: comma-separated host names or domain suffixes; `*` bypasses the proxy for every host. */
export function bypassed(host: string, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  host = host.toLowerCase();
  return noProxy.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean).some((entry) =>
    entry === '*' || host === entry.replace(/^\./, '') || host.endsWith(entry.startsWith('.') ? entry : `.${entry}`));
}

/** Opens a CONNECT tunnel through an HTTP proxy (its user:password, if any, as Basic proxy authorization) to host:port. */
export function tunnel(proxy: URL, host: string, port: string | number, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const authority = `${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;
    const headers: Record<string, string> = { host: authority };
    if (proxy.username) headers['proxy-authorization'] = `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}`;
    const request = http.request({ host: proxy.hostname, port: proxy.port || 80, method: 'CONNECT', path: authority, headers });
    request.setTimeout(timeoutMs, () => request.destroy(new HttpError(`proxy ${proxy.host}: no answer for ${timeoutMs} ms`, true)));
    request.on('connect', (response, socket) => {
      if (response.statusCode === 200) {
        socket.setTimeout(0); // the time-out was the CONNECT's; the tunnel's user sets its own
        resolve(socket);
      } else {
        socket.destroy();
        reject(new HttpError(`proxy ${proxy.host} refused the tunnel: HTTP ${response.statusCode}`, false));
      }
    });
    request.on('error', (e) => reject(e instanceof HttpError ? e : new HttpError(`proxy ${proxy.host}: ${e.message}`, true)));
    request.end();
  });
}

/**
 * An https.Agent whose connections to hosts the proxy settings send through a proxy are TLS over a CONNECT tunnel;
 * others (NO_PROXY) connect directly. For clients that take an agent but know nothing of proxies (the AWS SDK's
 * NodeHttpHandler: `requestHandler: { httpsAgent }`). The TLS handshake is the base class's, on the tunnel's socket,
 * so certificates are checked against the target host as without a proxy, and sessions are reused.
 */
export class ProxyTunnelAgent extends https.Agent {
  constructor(private readonly settings: ProxySettings, private readonly tunnelTimeoutMs: number, options: https.AgentOptions = {}) {
    super(options);
  }

  override createConnection(options: https.RequestOptions, callback?: (err: Error | null, stream: Duplex) => void): Duplex | null | undefined {
    const host = options.host ?? options.hostname ?? 'localhost';
    let proxy: URL | undefined;
    try {
      proxy = proxyFor('https:', host, this.settings);
    } catch (error) {
      callback?.(error as Error, undefined as unknown as Duplex);
      return undefined;
    }
    if (!proxy) return super.createConnection(options, callback);
    // The socket comes later, through the callback (http.Agent waits for it when this returns nothing).
    tunnel(proxy, host, options.port ?? 443, this.tunnelTimeoutMs).then(
      (socket) => {
        const secure = super.createConnection({ ...options, socket } as https.RequestOptions);
        if (secure) callback?.(null, secure);
        else callback?.(new Error('TLS over the proxy tunnel could not be started'), undefined as unknown as Duplex);
      },
      (error: Error) => callback?.(error, undefined as unknown as Duplex),
    );
    return undefined;
  }
}
