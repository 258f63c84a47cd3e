// Who reads a stream: aws_kinesis_stream_consumer is enhanced fan-out (EFO); a Lambda event source mapping or a
// Firehose delivery stream on the stream's ARN is a standard reader; a mapping on a consumer's ARN uses that consumer.
import { strict as assert } from 'assert';
import { ENCRYPTED, analyze, hcl, report, stream } from './kit';

const S = stream('s', '  name        = "s"', '  shard_count = 1', ...ENCRYPTED);

function esm(name: string, arn: string, ...extra: string[]): string {
  return hcl(`resource "aws_lambda_event_source_mapping" "${name}" {`, `  event_source_arn = ${arn}`, '  function_name    = "f"', ...extra, '}');
}
function efo(name: string, arn: string, ...extra: string[]): string {
  return hcl(`resource "aws_kinesis_stream_consumer" "${name}" {`, `  name       = "${name}"`, `  stream_arn = ${arn}`, ...extra, '}');
}
function firehose(name: string, arn: string): string {
  return hcl(
    `resource "aws_kinesis_firehose_delivery_stream" "${name}" {`,
    `  name        = "${name}"`,
    '  destination = "extended_s3"',
    '  kinesis_source_configuration {',
    `    kinesis_stream_arn = ${arn}`,
    '    role_arn           = "arn:aws:iam::123456789012:role/r"',
    '  }',
    '}',
  );
}

describe('model: consumers', () => {
  it('an EFO consumer, a Lambda mapping and a Firehose on the stream ARN', async () => {
    const res = await analyze({
      'main.tf': S + efo('c', 'aws_kinesis_stream.s.arn') + esm('m', 'aws_kinesis_stream.s.arn') + firehose('f', 'aws_kinesis_stream.s.arn'),
    });
    assert.deepEqual(report(res, 'aws_kinesis_stream.s').consumers, { standard: 2, efo: 1 });
  });

  it("a mapping on an EFO consumer's ARN uses that consumer: not an extra reader", async () => {
    const res = await analyze({ 'main.tf': S + efo('c', 'aws_kinesis_stream.s.arn') + esm('m', 'aws_kinesis_stream_consumer.c.arn') });
    assert.deepEqual(report(res, 'aws_kinesis_stream.s').consumers, { standard: 0, efo: 1 });
  });

  it('count and for_each multiply consumers', async () => {
    const res = await analyze({
      'main.tf': S + efo('c', 'aws_kinesis_stream.s.arn', '  count = 3') + esm('m', 'aws_kinesis_stream.s.arn', '  for_each = toset(["a", "b"])'),
    });
    assert.deepEqual(report(res, 'aws_kinesis_stream.s').consumers, { standard: 2, efo: 3 });
  });

  it('a consumer with an unknown count makes the counts unknown', async () => {
    const res = await analyze({ 'main.tf': S + hcl('variable "n" {}') + efo('c', 'aws_kinesis_stream.s.arn', '  count = var.n') });
    assert.deepEqual(report(res, 'aws_kinesis_stream.s').consumers, { standard: null, efo: null });
  });

  it('a literal ARN matches the stream of that name', async () => {
    const res = await analyze({
      'main.tf':
        S +
        stream('t', '  name        = "orders"', '  shard_count = 1', ...ENCRYPTED) +
        esm('m', '"arn:aws:kinesis:us-east-1:123456789012:stream/orders"'),
    });
    assert.deepEqual(report(res, 'aws_kinesis_stream.t').consumers, { standard: 1, efo: 0 });
    assert.deepEqual(report(res, 'aws_kinesis_stream.s').consumers, { standard: 0, efo: 0 });
  });

  it('indexed references pick the instance: s[0], t["b"], t[each.key]', async () => {
    const res = await analyze({
      'main.tf':
        stream('s', '  count       = 2', '  name        = "s${count.index}"', '  shard_count = 1', ...ENCRYPTED) +
        stream('t', '  for_each    = toset(["a", "b"])', '  name        = each.key', '  shard_count = 1', ...ENCRYPTED) +
        esm('s0', 'aws_kinesis_stream.s[0].arn') +
        esm('s1', 'aws_kinesis_stream.s[1].arn') +
        esm('tb', 'aws_kinesis_stream.t["b"].arn') +
        esm('each', 'aws_kinesis_stream.t[each.key].arn', '  for_each = toset(["a"])'),
    });
    // Had the index been ignored, every mapping would read every instance (2 each).
    assert.deepEqual(report(res, 'aws_kinesis_stream.s').consumers, { standard: 1, efo: 0 });
    assert.deepEqual(report(res, 'aws_kinesis_stream.t').consumers, { standard: 1, efo: 0 });
  });

  it("through a module's output, and through a module's input", async () => {
    const viaOutput = await analyze({
      'main.tf': hcl('module "m" {', '  source = "./mod"', '}') + esm('r', 'module.m.arn'),
      'mod/main.tf': S + hcl('output "arn" {', '  value = aws_kinesis_stream.s.arn', '}'),
    });
    assert.deepEqual(report(viaOutput, 'module.m.aws_kinesis_stream.s').consumers, { standard: 1, efo: 0 });
    const viaInput = await analyze({
      'main.tf': S + hcl('module "m" {', '  source = "./mod"', '  arn    = aws_kinesis_stream.s.arn', '}'),
      'mod/main.tf': hcl('variable "arn" {}') + efo('c', 'var.arn'),
    });
    assert.deepEqual(report(viaInput, 'aws_kinesis_stream.s').consumers, { standard: 0, efo: 1 });
  });

  it('readers of something else are not counted', async () => {
    const res = await analyze({ 'main.tf': S + esm('q', 'aws_sqs_queue.q.arn') + esm('d', 'aws_dynamodb_table.t.stream_arn') });
    assert.deepEqual(report(res, 'aws_kinesis_stream.s').consumers, { standard: 0, efo: 0 });
  });

  it('declared consumers add to those Terraform shows', async () => {
    const res = await analyze({
      'main.tf': '# kinesis-lint: consumers=2 efo_consumers=1\n' + S + esm('m', 'aws_kinesis_stream.s.arn'),
    });
    assert.deepEqual(report(res, 'aws_kinesis_stream.s').consumers, { standard: 3, efo: 1 });
  });
});
