// The kinesisLint/streams request (docs/streams-view.md): the streams view's data is the core's StreamReports and
// findings of the latest analysis, per caller of a module, with unknown money left unknown.
import { strict as assert } from 'node:assert';
import { startClient, type Client, waitUntil } from './harness';
import { analyze } from '../support/analyze';
import type { StreamsResult } from '../../server/src/lsp/render/streams';

const FILES = {
  'main.tf': [
    'variable "n" {}',
    '# kinesis-lint: write_mib_per_sec=3 records_per_sec=1000 consumers=0',
    'resource "aws_kinesis_stream" "known" {',
    '  name             = "known"',
    '  shard_count      = 1',
    '  retention_period = 200',
    '}',
    'resource "aws_kinesis_stream" "counted" {',
    '  count       = var.n',
    '  name        = "c${count.index}"',
    '  shard_count = 1',
    '}',
    'module "big" {',
    '  source = "./mod"',
    '}',
    'module "small" {',
    '  source = "./mod"',
    '}',
    '',
  ].join('\n'),
  'mod/main.tf': ['resource "aws_kinesis_stream" "m" {', '  name        = "m"', '  shard_count = 1', '}', ''].join('\n'),
};

describe('language server: kinesisLint/streams', function () {
  this.timeout(60000);
  let client: Client;
  afterEach(async () => client && (await client.close()));

  it('lists every stream per caller with the core\'s cost, mode, shards and finding counts', async () => {
    client = await startClient(FILES);
    await waitUntil(() => client.notifications.some((n) => n.method === 'kinesisLint/costSummary'));
    const { streams } = (await client.rpc.sendRequest('kinesisLint/streams', {})) as StreamsResult;
    const core = await analyze(FILES);
    const byAddress = new Map(streams.map((s) => [s.resource, s]));
    assert.deepEqual([...byAddress.keys()].sort(), core.streams.map((s) => s.resource).sort());
    assert.equal(streams.length, 4);

    const known = byAddress.get('aws_kinesis_stream.known')!;
    const coreKnown = core.streams.find((s) => s.resource === 'aws_kinesis_stream.known')!;
    assert.deepEqual(
      [known.caller, known.local, known.uri, known.range.start.line, known.mode, known.shards, known.instances],
      ['', 'aws_kinesis_stream.known', client.uri('main.tf'), 2, 'PROVISIONED', 1, 1],
    );
    // The core's figure, not a new one: exact here (the load is declared).
    assert.equal(typeof coreKnown.monthlyCost, 'number');
    assert.deepEqual(known.monthlyCost, coreKnown.monthlyCost);
    assert.equal(known.moduleUri, client.uri('.').replace(/\/$/, ''));
    // missing-kms, undersized-shards and extended-retention-cost on this block.
    const knownFindings = core.findings.filter((f) => f.resource === 'aws_kinesis_stream.known');
    assert.equal(knownFindings.length, 3);
    assert.equal(Object.values(known.findings).reduce((a, b) => a + b, 0), knownFindings.length);
    assert.equal(known.findings.warning, knownFindings.filter((f) => f.severity === 'warning').length);

    // An unknown instance count: the total is unknown, never $0, and the core's text says per instance.
    const counted = byAddress.get('aws_kinesis_stream.counted')!;
    assert.equal(counted.instances, null);
    assert.equal(counted.monthlyCost, null);
    assert.match(counted.costText, /^cost unknown: count\/for_each not resolved.* \(\$[\d.,]+\/mo .*per instance\)$/);

    // One module, two callers: each caller's stream, both counting the findings the core reports once for both.
    const big = byAddress.get('module.big.aws_kinesis_stream.m')!;
    const small = byAddress.get('module.small.aws_kinesis_stream.m')!;
    assert.deepEqual([big.caller, small.caller, big.local, small.local], ['module.big', 'module.small', 'aws_kinesis_stream.m', 'aws_kinesis_stream.m']);
    assert.equal(big.uri, client.uri('mod/main.tf'));
    assert.equal(big.moduleUri, client.uri('mod'));
    assert.equal(big.rootUri, known.rootUri);
    const moduleFindings = core.findings.filter((f) => f.file.endsWith('/mod/main.tf'));
    assert.ok(moduleFindings.length > 0);
    assert.deepEqual(small.findings, big.findings);
    assert.equal(Object.values(big.findings).reduce((a, b) => a + b, 0), moduleFindings.length);
    // No load declared: usage is unknown, so the cost is a lower bound.
    assert.ok(typeof big.monthlyCost === 'object' && big.monthlyCost !== null && big.monthlyCost.atLeast > 0);
  });

  it('answers an empty list for a workspace without streams, and refuses a non-object params', async () => {
    client = await startClient({ 'main.tf': 'variable "x" {}\n' });
    await waitUntil(() => client.notifications.some((n) => n.method === 'kinesisLint/costSummary'));
    assert.deepEqual(await client.rpc.sendRequest('kinesisLint/streams', {}), { streams: [] });
    await assert.rejects(client.rpc.sendRequest('kinesisLint/streams', 7), /invalid params/);
  });
});

