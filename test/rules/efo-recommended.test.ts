import { strict as assert } from 'assert';
import { analyze, hcl, one, r, rulesConfig } from './ruleKit';

const ID = 'efo-recommended';

function stream(annotation: string, shards = '2', extra: string[] = []): string {
  return hcl([
    ...(annotation ? [`# kinesis-lint: ${annotation}`] : []),
    'resource "aws_kinesis_stream" "clicks" {',
    ...extra,
    '  name            = "clicks"',
    `  shard_count     = ${shards}`,
    '  encryption_type = "KMS"',
    '  kms_key_id      = "alias/my-key"',
    '}',
  ]);
}

function lambdaReaders(count: string, sourceArn = 'aws_kinesis_stream.clicks.arn'): string {
  return hcl([
    '',
    'resource "aws_lambda_event_source_mapping" "reader" {',
    `  count             = ${count}`,
    `  event_source_arn  = ${sourceArn}`,
    '  function_name     = "reader-${count.index}"',
    '  starting_position = "LATEST"',
    '}',
  ]);
}

const FIREHOSE = hcl([
  '',
  'resource "aws_kinesis_firehose_delivery_stream" "archive" {',
  '  name        = "archive"',
  '  destination = "extended_s3"',
  '',
  '  kinesis_source_configuration {',
  '    kinesis_stream_arn = aws_kinesis_stream.clicks.arn',
  '    role_arn           = "arn:aws:iam::123456789012:role/firehose"',
  '  }',
  '}',
]);

const LOAD = 'write_mib_per_sec=1 avg_utilization=0.5 consumers=3';
const THREE = stream(LOAD);
const HEAD = 'They share each shard\'s 2 MiB/s and 5 GetRecords calls/s: each gets at most 1/3 of it ' +
  'and waits longer between reads. Enhanced fan-out would give each its own 2 MiB/s per shard for about ';

describe('rule efo-recommended', () => {
  describe('fires', () => {
    it('on the header, with what EFO would cost: $65.70 + 3 × 1,283.2 GB × $0.013 = $115.74/month', async () => {
      // 2 shards × 3 consumers × 730 h × $0.015 = $65.70; 0.5 MiB/s average × 730 h = 1,283.2 GB per consumer.
      const f = one(await analyze({ 'main.tf': THREE }), ID);
      assert.equal(f.severity, 'warning');
      assert.deepEqual(f.range, r(1, 0, 1, 38));
      assert.equal(f.message, '3 standard consumers share each shard\'s reads; EFO adds $115.74/mo');
      assert.equal(f.detail, `${HEAD}$115.74/month.`);
      assert.deepEqual(f.fixes, []);
    });

    it('without a load: the consumer-shard hours, plus the per-GB rate', async () => {
      const f = one(await analyze({ 'main.tf': stream('consumers=3') }), ID);
      // Part of the change is unknown (per GB): no amount in the message.
      assert.equal(f.message, '3 standard consumers share each shard\'s reads');
      assert.equal(f.detail, `${HEAD}$65.70/month plus $0.013 per GB for enhanced fan-out data retrieval.`);
    });

    it('with an unknown shard count: the rates alone, not "$0.00/month plus"', async () => {
      const main = stream('consumers=3', 'var.shards') + '\nvariable "shards" {\n  type = number\n}\n';
      const f = one(await analyze({ 'main.tf': main }), ID);
      assert.equal(f.message, '3 standard consumers share each shard\'s reads');
      assert.equal(
        f.detail,
        `${HEAD}$0.015 per consumer-shard-hour for enhanced fan-out consumer-shard hours and $0.013 per GB for enhanced fan-out data retrieval.`,
      );
    });

    it('on-demand: 3 × 1,283.2 GB × ($0.05 − $0.04) = $38.50/month', async () => {
      const main = hcl([
        `# kinesis-lint: ${LOAD}`,
        'resource "aws_kinesis_stream" "clicks" {',
        '  name = "clicks"',
        '',
        '  stream_mode_details {',
        '    stream_mode = "ON_DEMAND"',
        '  }',
        '}',
      ]);
      const f = one(await analyze({ 'main.tf': main }), ID);
      assert.equal(f.message, '3 standard consumers share each shard\'s reads; EFO adds $38.50/mo');
      assert.equal(f.detail, `${HEAD}$38.50/month.`);
    });

    it('counting the readers Terraform shows: 2 Lambda mappings and a Firehose', async () => {
      const f = one(await analyze({ 'main.tf': stream('write_mib_per_sec=1 avg_utilization=0.5') + lambdaReaders('2') + FIREHOSE }), ID);
      assert.equal(f.message, '3 standard consumers share each shard\'s reads; EFO adds $115.74/mo');
      assert.equal(f.detail, `${HEAD}$115.74/month.`);
    });

    it('once for count = 3, naming the instances, the amount of one and the total', async () => {
      const f = one(await analyze({ 'main.tf': stream(LOAD, '2', ['  count = 3', '']) }), ID);
      assert.equal(f.message, '3 standard consumers share each shard\'s reads; EFO adds $115.74/mo (3 instances, $347.23/mo in all)');
      assert.match(f.detail!, /for about \$115\.74\/month\. Instances: aws_kinesis_stream\.clicks\[0\], aws_kinesis_stream\.clicks\[1\], aws_kinesis_stream\.clicks\[2\]\.$/);
    });
  });

  describe('stays silent', () => {
    it('with 2 standard consumers', async () => {
      assert.deepEqual((await analyze({ 'main.tf': stream('consumers=2') })).of(ID), []);
    });

    it('when the number of readers is unknown (a reader count from a variable with no default)', async () => {
      const main = stream('') + lambdaReaders('var.readers') + '\nvariable "readers" {\n  type = number\n}\n';
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });

    it('when readers point at an ARN that cannot be resolved (they are not counted)', async () => {
      const main = stream('consumers=2') + lambdaReaders('1', 'var.source') + '\nvariable "source" {\n  type = string\n}\n';
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });

    it('when the readers consume another stream', async () => {
      assert.deepEqual((await analyze({ 'main.tf': stream('') + lambdaReaders('3', 'data.aws_kinesis_stream.other.arn') })).of(ID), []);
    });

    it('below a configured efo_recommended_min_consumers', async () => {
      const config = JSON.stringify({ thresholds: { efo_recommended_min_consumers: 4 } });
      assert.deepEqual((await analyze({ 'main.tf': THREE, '.kinesis-lint.json': config })).of(ID), []);
    });
  });

  describe('configuration and suppression', () => {
    it('severity "info" from the config; "off" disables it', async () => {
      const info = one(await analyze({ 'main.tf': THREE, '.kinesis-lint.json': rulesConfig({ [ID]: 'info' }) }), ID);
      assert.equal(info.severity, 'info');
      assert.deepEqual((await analyze({ 'main.tf': THREE, '.kinesis-lint.json': rulesConfig({ [ID]: 'off' }) })).of(ID), []);
    });

    it('an ignore comment above the resource silences it; two ids in one comment work', async () => {
      const main = `# kinesis-lint-ignore: ${ID}, throughput-undeclared batch readers\n${stream('')}${lambdaReaders('3')}`;
      const res = await analyze({ 'main.tf': main });
      assert.deepEqual(res.of(ID), []);
      assert.deepEqual(res.of('throughput-undeclared'), []);
    });
  });
});
