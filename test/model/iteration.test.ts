// count and for_each: every instance is evaluated with its own count.index / each.*, instances multiply cost,
// count = 0 removes the stream, and one finding stands for all the instances it applies to.
import { strict as assert } from 'assert';
import { ENCRYPTED, analyze, briefs, hcl, r, report, shardHours, stream } from './kit';

const HOURS_PER_MONTH = 730;
/** Provisioned shard-hour price in us-east-1 (reference/kinesis.md §2). */
const SHARD_HOUR_USD = 0.015;

describe('model: count and for_each', () => {
  it('count: one instance per index, count.index per instance, costs added up', async () => {
    const res = await analyze({
      'main.tf': stream('s', '  count       = 3', '  name        = "s-${count.index}"', '  shard_count = count.index + 1', ...ENCRYPTED),
    });
    const s = report(res, 'aws_kinesis_stream.s');
    assert.equal(s.instances, 3);
    assert.equal(s.shardCount, null, 'instances differ: no single shard count');
    assert.equal(shardHours(s), (1 + 2 + 3) * HOURS_PER_MONTH);
    assert.ok(Math.abs(s.estimate.monthlyUsd - 6 * HOURS_PER_MONTH * SHARD_HOUR_USD) < 1e-9);
  });

  it('count = 0 removes the stream: no report, no findings', async () => {
    const res = await analyze({
      'main.tf': stream('s', '  count           = 0', '  name            = "s"', '  shard_count     = 1', '  encryption_type = "NONE"'),
    });
    assert.deepEqual(res.streams, []);
    assert.deepEqual(res.findings, []);
  });

  it('count from a conditional on a variable: false → removed', async () => {
    const res = await analyze({
      'main.tf':
        hcl('variable "enabled" {', '  default = false', '}') +
        stream('s', '  count       = var.enabled ? 1 : 0', '  name        = "s"', '  shard_count = 1'),
    });
    assert.deepEqual(res.streams, []);
    assert.deepEqual(res.findings, []);
  });

  it('for_each over a map: each.key and each.value per instance', async () => {
    const res = await analyze({
      'main.tf': stream('s', '  for_each    = { a = 1, b = 4 }', '  name        = each.key', '  shard_count = each.value', ...ENCRYPTED),
    });
    const s = report(res, 'aws_kinesis_stream.s');
    assert.equal(s.instances, 2);
    assert.equal(shardHours(s), 5 * HOURS_PER_MONTH);
  });

  it('for_each over a set of strings: duplicates collapse', async () => {
    const res = await analyze({
      'main.tf': stream('s', '  for_each    = toset(["x", "y", "x"])', '  name        = each.value', '  shard_count = 2', ...ENCRYPTED),
    });
    const s = report(res, 'aws_kinesis_stream.s');
    assert.equal(s.instances, 2);
    assert.equal(s.shardCount, 2);
    assert.equal(shardHours(s), 4 * HOURS_PER_MONTH);
  });

  it('one finding for all instances it applies to, naming them', async () => {
    const res = await analyze({ 'main.tf': stream('s', '  count       = 3', '  name        = "s"', '  shard_count = 1') });
    const [finding, ...more] = res.of('missing-kms');
    assert.equal(more.length, 0);
    assert.deepEqual(finding.range, r(0, 0, 0, 33));
    assert.match(finding.message, / \(3 instances\)$/);
    assert.match(finding.detail!, /Instances: aws_kinesis_stream\.s\[0\], aws_kinesis_stream\.s\[1\], aws_kinesis_stream\.s\[2\]\.$/);
  });

  it('checks each instance on its own: only the undersized ones are reported', async () => {
    const res = await analyze({
      'main.tf':
        '# kinesis-lint: write_mib_per_sec=3\n' +
        stream('s', '  for_each    = { a = 1, b = 9, c = 4 }', '  name        = each.key', '  shard_count = each.value', ...ENCRYPTED),
    });
    const [finding, ...more] = res.of('undersized-shards');
    assert.equal(more.length, 0);
    assert.deepEqual(finding.range, r(4, 16, 4, 26));
    assert.equal(finding.message, '1 shard, load needs 4 (write bytes at 300 %)');
    // Only aws_kinesis_stream.s["a"] is undersized: one instance, which the detail names.
    assert.match(finding.detail!, / Instance: aws_kinesis_stream\.s\["a"\]\.$/);
    assert.deepEqual(briefs(res, 'oversized-shards'), [['oversized-shards', 'main.tf', r(4, 16, 4, 26)]]);
  });

  it('an unknown count prices one instance and says so', async () => {
    const res = await analyze({
      'main.tf': hcl('variable "n" {}') + stream('s', '  count       = var.n', '  name        = "s"', '  shard_count = 2', ...ENCRYPTED),
    });
    const s = report(res, 'aws_kinesis_stream.s');
    assert.equal(s.instances, null);
    assert.equal(shardHours(s), 2 * HOURS_PER_MONTH);
    assert.ok(s.estimate.assumptions.some((a) => /number of instances .* is unknown/.test(a)), s.estimate.assumptions.join('\n'));
  });

  it('expands up to 1,000 instances; a larger count is not expanded (regression: count = 100000000 ran out of memory)', async () => {
    const at = (count: number) => analyze({ 'main.tf': stream('s', `  count       = ${count}`, '  name        = "s"', '  shard_count = 1', ...ENCRYPTED) });
    assert.equal(report(await at(1000), 'aws_kinesis_stream.s').instances, 1000);
    const huge = report(await at(100_000_000), 'aws_kinesis_stream.s');
    assert.equal(huge.instances, null);
    assert.equal(huge.shardCount, 1);
  });
});
