// GET a URL with a time-out, retries with backoff, and HTTPS_PROXY support (an HTTP CONNECT tunnel, as curl does;
// node/httpsProxy.ts, shared with `metrics pull`). Only `kinesis-lint prices update` and scripts/update-prices reach it.
import * as http from 'node:http';
import * as https from 'node:https';
import * as tls from 'node:tls';
import { HttpError, proxyFor, tunnel, type ProxySettings } from '../node/httpsProxy';

export { HttpError };

export interface GetOptions extends ProxySettings {
  /** Milliseconds without a byte before a try is abandoned. */
  timeoutMs: number;
  /** Tries in all (1 = no retry). */
  attempts: number;
  /** Delay before the second try; doubled for each further one. */
  backoffMs: number;
}

export type HttpGet = (url: string) => Promise<string>;

export function httpGetter(options: GetOptions): HttpGet {
  return async (url) => {
    let lastError: Error | undefined;
    let tries = 0;
    while (tries < options.attempts) {
      if (tries > 0) await sleep(options.backoffMs * 2 ** (tries - 1));
      tries++;
      try {
        return await getOnce(url, options);
      } catch (error) {
        lastError = error as Error;
        if (error instanceof HttpError && !error.retryable) break;
      }
    }
    throw new Error(`GET ${url} failed after ${tries} ${tries === 1 ? 'try' : 'tries'}: ${lastError?.message}`);
  };
}

async function getOnce(url: string, options: GetOptions): Promise<string> {
  const target = new URL(url);
  const proxy = proxyFor(target.protocol, target.hostname, options);
  const socket = proxy ? await tunnel(proxy, target.hostname, target.port || '443', options.timeoutMs) : undefined;
  return new Promise<string>((resolve, reject) => {
    const get = target.protocol === 'https:' ? https.get : http.get;
    const request = get(url, socket ? { createConnection: () => tls.connect({ socket, servername: target.hostname }) } : {}, (response) => {
      const status = response.statusCode ?? 0;
      if (status !== 200) {
        response.resume();
        reject(new HttpError(`HTTP ${status}`, status >= 500 || status === 429));
        return;
      }
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => {
        if (!response.complete) reject(new HttpError('connection closed before the end of the response', true));
        else resolve(Buffer.concat(chunks).toString('utf8'));
      });
      response.on('error', (e) => reject(new HttpError(e.message, true)));
    });
    request.setTimeout(options.timeoutMs, () => request.destroy(new HttpError(`no data for ${options.timeoutMs} ms`, true)));
    request.on('error', (e) => reject(e instanceof HttpError ? e : new HttpError(e.message, true)));
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
