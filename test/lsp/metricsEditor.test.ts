// Issue #13 in the language server, over a real JSON-RPC connection: the hover's Load line for a stream sized from a
// metrics snapshot, a stale snapshot announced once however many analyses use it, and the snapshot as a watched input
// (created, changed, deleted, or named by the config before it exists: the roots it serves are analysed again).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Hover } from 'vscode-languageserver';
import { startClient, waitUntil, type Client } from './harness';
import { git } from '../node/git/gitFixture';

// Fixed: the snapshot's age is counted to this clock (ServerOptions.now).
const NOW = new Date('2026-11-29T09:00:00Z');
const MiB = 1024 * 1024;

/** prod-clicks observed over [start, end): 3 MiB/s at p99 (1 shard carries 1 MiB/s). */
function snapshot(start: string, end: string, pulledAt: string, stream = 'clicks'): string {
  return JSON.stringify({
    version: 1,
    range: { start, end, periodSeconds: 60 },
    pulledAt,
    source: { tool: 'kinesis-lint metrics pull', version: '0.1.0' },
    streams: [{
      stream,
      region: 'us-east-1',
      minutes: 20160,
      incomingBytes: { peak: 3.5 * MiB, p99: 3 * MiB, mean: 1.5 * MiB },
      incomingRecords: { peak: 1800, p99: 1500, mean: 750 },
      getRecordsBytes: { peak: 3.5 * MiB, p99: 3 * MiB, mean: 1.5 * MiB },
    }],
  }, null, 2);
}
const FRESH = snapshot('2026-11-12T00:00:00Z', '2026-11-26T00:00:00Z', '2026-11-26T00:05:00Z');
const STALE = snapshot('2026-10-01T00:00:00Z', '2026-10-15T00:00:00Z', '2026-10-15T00:05:00Z');

/** No load annotation: only the snapshot can size it. */
const STREAM = [
  'provider "aws" {',
  '  region = "us-east-1"',
  '}',
  '',
  'resource "aws_kinesis_stream" "clicks" {',
  '  name        = "clicks"',
  '  shard_count = 1',
  '}',
  '',
].join('\n');
const SHARD_COUNT = { line: 6, character: 4 };

async function hoverText(client: Client, rel = 'main.tf'): Promise<string> {
  const h = (await client.rpc.sendRequest('textDocument/hover', { textDocument: { uri: client.uri(rel) }, position: SHARD_COUNT })) as Hover | null;
  return h ? (h.contents as { value: string }).value : '';
}
const loadLine = async (client: Client) => (await hoverText(client)).split('\n\n').find((p) => p.startsWith('**Load**') || p.startsWith('**Capacity**: no load'));
const shown = (client: Client) => client.notifications.filter((n) => n.method === 'window/showMessage').map((n) => n.params as { type: number; message: string });
const watched = (client: Client, rel: string) => {
  const created = { uri: client.uri(rel), type: 1 };
  return client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [created] });
};

describe('lsp: metrics snapshots (issue #13)', function () {
  this.timeout(30000);
  let client: Client;
  afterEach(async () => client && (await client.close()));

  it('hovers a stream sized from the snapshot with "**Load**: observed 2026-11-12 → 11-25 · snapshot 3 days old"', async () => {
    client = await startClient({ 'main.tf': STREAM, '.kinesis-lint/metrics.json': FRESH }, { debounceMs: 0 }, { priceCacheFile: null, now: () => NOW });
    await client.open('main.tf');
    // Observed 3 MiB/s at p99 on 1 shard: undersized from the observation alone.
    await client.waitFor('main.tf', (d) => d.some((x) => x.code === 'undersized-shards'));
    const hover = await hoverText(client);
    // From the Load line to the consumers, exactly: the load's source right above the capacity it sizes.
    assert.equal(hover.slice(hover.indexOf('**Load**'), hover.indexOf('\n\n**Consumers**')), [
      '**Load**: observed 2026-11-12 → 11-25 · snapshot 3 days old',
      '',
      '**Capacity** at the 80 % target: needs **4** shards',
      '',
      '- write bytes (3 MiB/s against 1 MiB/s per shard) → 4 shards **(binding)**',
      '- write records (1,500 records/s against 1,000 records/s per shard) → 2 shards',
      '- shared reads (3 MiB/s against 2 MiB/s per shard) → 2 shards',
      '- peak utilisation at 1 shards: **300 %** of write bytes',
    ].join('\n'));
    assert.ok(hover.startsWith('**aws_kinesis_stream.clicks** — ≈ **$38.54/month** in us-east-1 · prices of 2023-08-01\n\nProvisioned, 1 shard · 1 instance · retention 24 h · main.tf:5\n\n'), hover);
    // A fresh snapshot is not flagged.
    assert.deepEqual(shown(client), []);
  });

  it('a declared load says "**Load**: declared", and names the snapshot that observed the stream too', async () => {
    const declared = STREAM.replace('resource "aws_kinesis_stream"', '# kinesis-lint: write_mib_per_sec=0.5\nresource "aws_kinesis_stream"');
    client = await startClient({ 'main.tf': declared, '.kinesis-lint/metrics.json': FRESH }, { debounceMs: 0 }, { priceCacheFile: null, now: () => NOW });
    await client.open('main.tf');
    await waitUntil(() => client.published.has(client.uri('main.tf')));
    const h = (await client.rpc.sendRequest('textDocument/hover', { textDocument: { uri: client.uri('main.tf') }, position: { line: SHARD_COUNT.line + 1, character: 4 } })) as Hover;
    assert.ok((h.contents as { value: string }).value.split('\n\n').includes('**Load**: declared · also observed 2026-11-12 → 11-25 · snapshot 3 days old'), (h.contents as { value: string }).value);
  });

  it('flags a stale snapshot once (a warning message and a log line), however many analyses and roots use it', async () => {
    client = await startClient(
      { 'main.tf': STREAM, 'env/main.tf': STREAM.replace('"clicks"', '"clicks2"'), '.kinesis-lint/metrics.json': STALE },
      { debounceMs: 0 }, { priceCacheFile: null, now: () => NOW },
    );
    await client.open('main.tf');
    await client.waitFor('main.tf', (d) => d.some((x) => x.code === 'undersized-shards'));
    // Several analyses: edits, and a watched-file change that re-analyses the roots.
    for (const count of [2, 1, 2]) {
      const before = client.publishCount('main.tf');
      await client.change('main.tf', STREAM.replace('shard_count = 1', `shard_count = ${count}`));
      await waitUntil(() => client.publishCount('main.tf') > before);
    }
    const analysed = () => client.notifications.filter((n) => n.method === 'window/logMessage' && /^analysed /.test((n.params as { message: string }).message)).length;
    const before = analysed();
    await watched(client, 'env/main.tf');
    await waitUntil(() => analysed() > before);
    const message = 'kinesis-lint: the metrics snapshot .kinesis-lint/metrics.json was pulled 45 days ago (2026-10-15), more than metrics.max_age_days (30): '
      + 'the loads observed in it may no longer hold. Run "kinesis-lint: Pull metrics for streams in this workspace" to refresh it.';
    assert.deepEqual(shown(client), [{ type: 2, message }]);
    const logged = client.notifications.filter((n) => n.method === 'window/logMessage' && (n.params as { message: string }).message === message);
    assert.deepEqual(logged.map((n) => (n.params as { type: number }).type), [2]);
    assert.ok((await loadLine(client))?.endsWith('snapshot 45 days old — older than metrics.max_age_days (30)'), await loadLine(client));
  });

  it('a created, changed and deleted snapshot re-analyses the roots it serves', async () => {
    client = await startClient({ 'main.tf': STREAM }, { debounceMs: 0 }, { priceCacheFile: null, now: () => NOW });
    await client.open('main.tf');
    await waitUntil(() => client.published.has(client.uri('main.tf')));
    assert.match((await loadLine(client)) ?? '', /^\*\*Capacity\*\*: no load declared/);
    const file = path.join(client.dir, '.kinesis-lint', 'metrics.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, FRESH);
    await watched(client, '.kinesis-lint/metrics.json');
    await client.waitFor('main.tf', (d) => d.some((x) => x.code === 'undersized-shards'));
    assert.equal(await loadLine(client), '**Load**: observed 2026-11-12 → 11-25 · snapshot 3 days old');
    // A new pull: another range, today.
    fs.writeFileSync(file, snapshot('2026-11-15T00:00:00Z', '2026-11-29T00:00:00Z', '2026-11-29T08:00:00Z'));
    await client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('.kinesis-lint/metrics.json'), type: 2 }] });
    await hoverUntil(async () => (await loadLine(client)) === '**Load**: observed 2026-11-15 → 11-28 · snapshot pulled today');
    fs.rmSync(file);
    await client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('.kinesis-lint/metrics.json'), type: 3 }] });
    await client.waitFor('main.tf', (d) => !d.some((x) => x.code === 'undersized-shards'));
    assert.match((await loadLine(client)) ?? '', /^\*\*Capacity\*\*: no load declared/);
    // Pulled again, then the whole .kinesis-lint/ folder deleted: editors report the folder, not the file in it.
    fs.writeFileSync(file, FRESH);
    await watched(client, '.kinesis-lint/metrics.json');
    await client.waitFor('main.tf', (d) => d.some((x) => x.code === 'undersized-shards'));
    fs.rmSync(path.dirname(file), { recursive: true });
    await client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('.kinesis-lint'), type: 3 }] });
    await client.waitFor('main.tf', (d) => !d.some((x) => x.code === 'undersized-shards'));
  });

  it('watches the file the config names before it exists, and analyses its roots when a pull creates it', async () => {
    client = await startClient(
      { 'main.tf': STREAM, '.kinesis-lint.json': JSON.stringify({ metrics: { file: 'observed/prod.json' } }) },
      { debounceMs: 0 }, { priceCacheFile: null, now: () => NOW },
    );
    await client.open('main.tf');
    const named = path.join(client.dir, 'observed', 'prod.json');
    const watcher = { globPattern: { baseUri: client.uri('observed'), pattern: 'prod.json' } };
    await waitUntil(() => client.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles' && JSON.stringify(r.registerOptions) === JSON.stringify({ watchers: [watcher] })));
    assert.ok(!fs.existsSync(named));
    fs.mkdirSync(path.dirname(named), { recursive: true });
    fs.writeFileSync(named, FRESH);
    await watched(client, 'observed/prod.json');
    await client.waitFor('main.tf', (d) => d.some((x) => x.code === 'undersized-shards'));
    assert.equal(await loadLine(client), '**Load**: observed 2026-11-12 → 11-25 · snapshot 3 days old');
  });

  it('kinesisLint.compareTo: a pulled snapshot re-analyses the base too (both sides read it from disk), so it is no change vs HEAD', async () => {
    const commit = (dir: string) => {
      git(dir, 'init', '-q', '-b', 'main');
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', 'base');
    };
    client = await startClient({ 'main.tf': STREAM }, { debounceMs: 0 }, { priceCacheFile: null, now: () => NOW }, {}, {}, commit);
    await client.open('main.tf');
    const baseAnalyses = () => client.notifications.filter((n) => n.method === 'window/logMessage' && /^analysed \S+ at /.test((n.params as { message: string }).message)).length;
    await waitUntil(() => baseAnalyses() === 1);
    const file = path.join(client.dir, '.kinesis-lint', 'metrics.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, FRESH);
    await watched(client, '.kinesis-lint/metrics.json');
    await client.waitFor('main.tf', (d) => d.some((x) => x.code === 'undersized-shards'));
    await waitUntil(() => baseAnalyses() === 2);
    const hover = await hoverText(client);
    assert.ok(hover.split('\n\n').includes('**Load**: observed 2026-11-12 → 11-25 · snapshot 3 days old'), hover);
    // The usage lines the observation prices are on both sides: no "+$27.59/mo vs HEAD".
    assert.doesNotMatch(hover, /vs HEAD/);
  });
});

/** Polls an async condition (a liveness limit, not a timing assertion). */
async function hoverUntil(ok: () => Promise<boolean>, timeoutMs = 15000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
