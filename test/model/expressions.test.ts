// Values the model computes before the rules see them: locals chained across files, arithmetic, templates,
// conditionals with a known condition and the functions a stream's arguments typically use.
import { strict as assert } from 'assert';
import { ENCRYPTED, analyze, hcl, r, report, stream } from './kit';

/** The shard count a stream gets from `expr`, with extra module files. */
async function shards(expr: string, files: Record<string, string> = {}): Promise<number | null> {
  const res = await analyze({ 'main.tf': stream('s', '  name        = "s"', `  shard_count = ${expr}`, ...ENCRYPTED), ...files });
  return report(res, 'aws_kinesis_stream.s').shardCount;
}

describe('model: expressions', () => {
  it('chains locals across files, whatever the order of files and blocks', async () => {
    const files = {
      'a.tf': hcl('locals {', '  total = local.base * local.factor', '}'),
      'b.tf': hcl('locals {', '  factor = 2', '}', 'locals {', '  base = var.n + 1', '}'),
      'c.tf': hcl('variable "n" {', '  default = 2', '}'),
    };
    assert.equal(await shards('local.total', files), 6);
  });

  it('a local that refers to itself is unknown, not a hang', async () => {
    assert.equal(await shards('local.a', { 'l.tf': hcl('locals {', '  a = local.b', '  b = local.a + 1', '}') }), null);
  });

  it('literal arithmetic with precedence and parentheses', async () => {
    assert.equal(await shards('(2 + 3) * 2 - 8 / 4 % 3'), 8);
  });

  it('string templates, also as a number through tonumber', async () => {
    assert.equal(await shards('tonumber("${1 + 2}")'), 3);
    const res = await analyze({
      'main.tf':
        stream('s', '  name        = "${var.env}-events"', '  shard_count = 1', ...ENCRYPTED) +
        hcl('variable "env" {', '  default = "prod"', '}') +
        // Matching a literal ARN by name proves the template was rendered.
        hcl('resource "aws_lambda_event_source_mapping" "m" {', '  event_source_arn = "arn:aws:kinesis:us-east-1:123456789012:stream/prod-events"', '  function_name    = "f"', '}'),
    });
    assert.deepEqual(report(res, 'aws_kinesis_stream.s').consumers, { standard: 1, efo: 0 });
  });

  it('conditionals: the branch of a known condition; unknown when the condition is', async () => {
    const env = (def: string) => ({ 'v.tf': hcl('variable "env" {', ...(def ? [`  default = ${def}`] : []), '}') });
    assert.equal(await shards('var.env == "prod" ? 4 : 1', env('"prod"')), 4);
    assert.equal(await shards('var.env == "prod" ? 4 : 1', env('"dev"')), 1);
    assert.equal(await shards('var.env == "prod" ? 4 : 1', env('')), null);
  });

  it('min, max, ceil, floor', async () => {
    assert.equal(await shards('max(min(10, 7), ceil(2.1), floor(5.9))'), 7);
    assert.equal(await shards('ceil(2500 / 1000)'), 3);
  });

  it('length, lookup (with and without a hit), try, coalesce, tonumber', async () => {
    assert.equal(await shards('length(["a", "b", "c"])'), 3);
    assert.equal(await shards('lookup({ prod = 6, dev = 1 }, "prod", 2)'), 6);
    assert.equal(await shards('lookup({ prod = 6 }, "qa", 2)'), 2);
    assert.equal(await shards('try(local.m.missing, 3)', { 'l.tf': hcl('locals {', '  m = {}', '}') }), 3);
    assert.equal(await shards('coalesce(null, 5)'), 5);
    assert.equal(await shards('tonumber("8")'), 8);
  });

  it('a retention computed from locals drives the retention rules at the value', async () => {
    const res = await analyze({
      'main.tf': stream('s', '  name             = "s"', '  shard_count      = 1', '  retention_period = local.days * 24', ...ENCRYPTED),
      'l.tf': hcl('locals {', '  days = 7', '}'),
    });
    assert.equal(report(res, 'aws_kinesis_stream.s').retentionHours, 168);
    assert.deepEqual(res.of('extended-retention-cost').map((f) => f.range), [r(3, 21, 3, 36)]);
  });
});
