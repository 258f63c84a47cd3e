// Nothing but `kinesis-lint prices update` and `metrics pull` opens a socket: with every way Node opens one stubbed to
// throw, an analysis, the language server, `prices show` and `metrics queries` still work; `prices update` and
// `metrics pull` are caught (the stubs do bite).
import { strict as assert } from 'assert';
import { analyze } from '../support/analyze';
import { startClient } from '../lsp/harness';
import { runPrices } from '../../server/src/cli/prices';
import { httpGetter } from '../../server/src/prices/httpGet';
import { memoryHost } from '../support/memoryHost';
import { runMetrics } from '../../server/src/cli/metrics';
import { cloudWatchSource } from '../../server/src/metrics/cloudWatch';
import { Analyzer } from '../../server/src/core/analyze';

const TF = 'resource "aws_kinesis_stream" "s" {\n  name        = "s"\n  shard_count = 2\n}\n';

// The modules themselves (not TypeScript's import namespaces, whose properties cannot be redefined).
const http = require('node:http') as typeof import('node:http');
const https = require('node:https') as typeof import('node:https');
const net = require('node:net') as typeof import('node:net');
const tls = require('node:tls') as typeof import('node:tls');

type Patch = [object, string, unknown];

function forbidSockets(attempts: string[]): () => void {
  const deny = (name: string) => (..._args: unknown[]) => {
    attempts.push(name);
    throw new Error(`socket opened: ${name}`);
  };
  const patches: Patch[] = [
    [net, 'connect', net.connect], [net, 'createConnection', net.createConnection],
    [net.Socket.prototype, 'connect', net.Socket.prototype.connect],
    [http, 'request', http.request], [http, 'get', http.get],
    [https, 'request', https.request], [https, 'get', https.get],
    [tls, 'connect', tls.connect], [globalThis, 'fetch', globalThis.fetch],
  ];
  const names = ['net.connect', 'net.createConnection', 'net.Socket#connect', 'http.request', 'http.get', 'https.request', 'https.get', 'tls.connect', 'fetch'];
  patches.forEach(([target, key], i) => Object.defineProperty(target, key, { value: deny(names[i]), configurable: true, writable: true }));
  return () => patches.forEach(([target, key, original]) => Object.defineProperty(target, key, { value: original, configurable: true, writable: true }));
}

describe('no socket outside prices update', function () {
  this.timeout(30000);
  const attempts: string[] = [];
  let restore: () => void;
  beforeEach(() => { attempts.length = 0; restore = forbidSockets(attempts); });
  afterEach(() => restore());

  it('the stubs catch the importer\'s own HTTP client', async () => {
    const get = httpGetter({ timeoutMs: 1000, attempts: 1, backoffMs: 0 });
    await assert.rejects(get('https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/index.json'), /socket opened: https\.get/);
    assert.deepEqual(attempts, ['https.get']);
  });

  it('an analysis with costs opens none', async () => {
    const result = await analyze({ 'main.tf': TF }, { priceCacheFile: '/home/u/.cache/kinesis-lint/prices.json' });
    assert.equal(result.streams[0].estimate.components.find((c) => c.id === 'shard-hours')?.quantity, 1460);
    assert.deepEqual(attempts, []);
  });

  it('the language server opens none while it analyses and answers', async () => {
    const client = await startClient({ 'main.tf': TF });
    try {
      await client.open('main.tf');
      await client.waitFor('main.tf', () => true);
      const lenses = await client.rpc.sendRequest('textDocument/codeLens', { textDocument: { uri: client.uri('main.tf') } });
      assert.ok(Array.isArray(lenses) && lenses.length > 0);
    } finally {
      await client.close();
    }
    assert.deepEqual(attempts, []);
  });

  it('prices show opens none; prices update is the one that tries', async () => {
    const out: string[] = [];
    const io = { cwd: '/ws', env: {}, stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => out.push(t) }, priceCacheFile: '/c/prices.json' };
    const get = httpGetter({ timeoutMs: 1000, attempts: 1, backoffMs: 0 });
    const deps = { host: memoryHost({ '/ws/main.tf': TF }), get, writeFile: async () => undefined };
    assert.equal(await runPrices(['show'], io, deps), 0);
    assert.deepEqual(attempts, []);
    assert.equal(await runPrices(['update'], io, deps), 1);
    assert.deepEqual(attempts, ['https.get']);
  });

  it('metrics queries opens none; metrics pull is the one that tries', async () => {
    const out: string[] = [];
    const io = { cwd: '/ws', env: {}, stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => out.push(t) } };
    const written: string[] = [];
    const deps = {
      createAnalyzer: (host: import('../../server/src/core/types').Host, options: object) => new Analyzer(host, options),
      host: memoryHost({ '/ws/main.tf': TF }),
      source: (o: object) => cloudWatchSource({ ...o, credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' } }),
      writeFile: async (file: string) => { written.push(file); },
      sleep: async () => undefined,
      now: () => new Date('2026-12-02T09:30:00Z'),
      version: '0.1.0',
      isConfigFileError: () => false,
    };
    assert.equal(await runMetrics(['queries'], io, deps), 0);
    assert.match(out.join(''), /aws cloudwatch get-metric-data --region us-east-1/);
    assert.deepEqual(attempts, []);
    assert.equal(await runMetrics(['pull', '--days', '1', '--endpoint', 'http://127.0.0.1:9'], io, deps), 3);
    assert.ok(attempts.length > 0, 'the SDK tried to connect');
    assert.deepEqual(written, []);
  });
});
