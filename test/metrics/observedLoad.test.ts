// Observed load replaces a missing annotation: the metrics snapshot (test/fixtures/metrics/observed.json) read
// through the Host, matched by name and region, drives sizing, the sizing rules and usage costs.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, r } from '../support/analyze';

const SNAPSHOT = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'metrics', 'observed.json'), 'utf8');
const NOW = new Date('2026-11-29T12:00:00Z');

function stream(opts: { name?: string; shards?: number; annotation?: string; region?: string } = {}): string {
  return [
    'provider "aws" {',
    `  region = "${opts.region ?? 'us-east-1'}"`,
    '}',
    '',
    ...(opts.annotation ? [`# kinesis-lint: ${opts.annotation}`] : []),
    'resource "aws_kinesis_stream" "events" {',
    `  name            = "${opts.name ?? 'events'}"`,
    `  shard_count     = ${opts.shards ?? 1}`,
    '  encryption_type = "KMS"',
    '  kms_key_id      = "alias/my-key"',
    '}',
    '',
  ].join('\n');
}

describe('observed load (metrics snapshot)', () => {
  it('replaces a missing annotation: sizing from observed p99 writes and reads, usage costs from the means', async () => {
    const res = await analyze({ 'main.tf': stream(), '.kinesis-lint/metrics.json': SNAPSHOT }, { now: NOW });
    const [s] = res.streams;
    assert.equal(s.loadSource, 'observed');
    assert.equal(s.observed?.metrics.region, 'us-east-1');
    assert.deepEqual(s.observed?.snapshot, {
      file: '/ws/.kinesis-lint/metrics.json', start: '2026-11-12T00:00:00Z', end: '2026-11-26T00:00:00Z', pulledAt: '2026-11-26T00:05:00Z',
      tool: 'kinesis-lint metrics pull', ageDays: 3, stale: false, maxAgeDays: 30,
    });
    // Write bytes 3 MiB/s → ceil(3 / 0.8) = 4; records 3,072/s → ceil(3,072 / 800) = 4; observed reads 8 MiB/s (no
    // consumer in Terraform: write × 0 would be nothing) → ceil(8 / (2 × 0.8)) = 5 shards, shared reads binding.
    assert.equal(s.requiredShards, 5);
    assert.equal(s.bindingLimit, 'shared-read');
    const [f] = res.of('undersized-shards');
    assert.equal(f.message, '1 shard, load needs 5 (shared reads at 400 %)');
    assert.deepEqual(f.range, r(6, 20, 6, 21));
    assert.match(f.detail!, /The load is observed 2026-11-12 → 11-25: the p99 of the 1-minute rates in the metrics snapshot \(snapshot 3 days old\)\.$/);
    assert.deepEqual(res.of('throughput-undeclared'), []);
    // PUT payload units: records at p99 × (mean ÷ p99 of the bytes = 1/3) = 1,024 records/s of 1 KiB (1 MiB ÷ 1,024),
    // each one 25 KiB unit: 1,024 × 730 × 3,600 = 2,691,072,000 units.
    const units = s.estimate.components.find((c) => c.id === 'put-payload-units');
    assert.ok(units, s.estimate.components.map((c) => c.id).join());
    assert.ok(Math.abs(units.quantity! - 2691.072) < 1e-6, String(units.quantity));
    assert.ok(s.estimate.assumptions.includes('Peak rates observed 2026-11-12 → 11-25 (p99 of 1-minute rates, from the metrics snapshot), averaged at 33.33% over the month.'), s.estimate.assumptions.join('\n'));
    assert.ok(s.estimate.assumptions.includes('Average record size 1 KiB, derived from the observed IncomingBytes ÷ IncomingRecords.'));
    assert.deepEqual(res.analyses[0].metrics, {
      file: '/ws/.kinesis-lint/metrics.json', start: '2026-11-12T00:00:00Z', end: '2026-11-26T00:00:00Z', pulledAt: '2026-11-26T00:05:00Z',
      tool: 'kinesis-lint metrics pull', ageDays: 3, stale: false, maxAgeDays: 30, entries: 3, matched: 1,
    });
    assert.ok(res.analyses[0].files.includes('/ws/.kinesis-lint/metrics.json'));
  });

  it('oversized from the observed load', async () => {
    const res = await analyze({ 'main.tf': stream({ shards: 20 }), '.kinesis-lint/metrics.json': SNAPSHOT }, { now: NOW });
    const [f] = res.of('oversized-shards');
    assert.ok(f, res.findings.map((x) => x.message).join('\n'));
    assert.match(f.message, /20 shards, load needs 5/);
  });

  it('a declared load wins; the observation is still reported', async () => {
    const res = await analyze({ 'main.tf': stream({ annotation: 'write_mib_per_sec=0.5 records_per_sec=500' }), '.kinesis-lint/metrics.json': SNAPSHOT }, { now: NOW });
    const [s] = res.streams;
    assert.equal(s.loadSource, 'declared');
    assert.equal(s.requiredShards, 1);
    assert.notEqual(s.observed, null);
    assert.deepEqual(res.of('undersized-shards'), []);
  });

  it('declared keys other than rates still apply to the observed load (consumers add nothing to observed reads; avg_utilization)', async () => {
    const res = await analyze({ 'main.tf': stream({ annotation: 'consumers=3 avg_utilization=1' }), '.kinesis-lint/metrics.json': SNAPSHOT }, { now: NOW });
    const [s] = res.streams;
    assert.equal(s.loadSource, 'observed');
    assert.equal(s.requiredShards, 5);
    assert.ok(s.estimate.assumptions.some((a) => a.includes('averaged at 100% over the month')));
  });

  it('no observation: another region, an unknown name, an entry without data points', async () => {
    for (const files of [
      { 'main.tf': stream({ region: 'ap-south-1' }) },
      { 'main.tf': stream({ name: '${var.name}' }) + 'variable "name" {}\n' },
      { 'main.tf': stream({ name: 'quiet' }) },
    ]) {
      const res = await analyze({ ...files, '.kinesis-lint/metrics.json': SNAPSHOT }, { now: NOW });
      assert.equal(res.streams[0].loadSource, null);
      assert.equal(res.of('throughput-undeclared').length, 1);
    }
  });
});
