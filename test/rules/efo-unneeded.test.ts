import { strict as assert } from 'assert';
import { analyze, hcl, one, r, rulesConfig } from './ruleKit';

const ID = 'efo-unneeded';

function stream(annotation: string, shards = '2', extra: string[] = []): string {
  return hcl([
    ...(annotation ? [`# kinesis-lint: ${annotation}`] : []),
    'resource "aws_kinesis_stream" "events" {',
    ...extra,
    '  name            = "events"',
    `  shard_count     = ${shards}`,
    '  encryption_type = "KMS"',
    '  kms_key_id      = "alias/my-key"',
    '}',
  ]);
}

function efo(count = '1', streamArn = 'aws_kinesis_stream.events.arn'): string {
  return hcl([
    '',
    'resource "aws_kinesis_stream_consumer" "analytics" {',
    `  count      = ${count}`,
    '  name       = "analytics-${count.index}"',
    `  stream_arn = ${streamArn}`,
    '}',
  ]);
}

const LOAD = 'write_mib_per_sec=0.5 avg_utilization=0.25 consumers=1';
const QUIET_EFO = stream(LOAD) + efo();

describe('rule efo-unneeded', () => {
  describe('fires', () => {
    it('on the header, with the EFO cost and the latency trade-off', async () => {
      // EFO: 2 shards × 1 consumer × 730 h × $0.015 = $21.90, plus 0.125 MiB/s average × 730 h = 320.80 GB × $0.013 = $4.17.
      // Shared reads if it polled: 2 readers × 0.5 MiB/s = 1 MiB/s of 2 shards × 2 MiB/s × 0.8 = 3.2 MiB/s.
      const f = one(await analyze({ 'main.tf': QUIET_EFO }), ID);
      assert.equal(f.severity, 'info');
      assert.deepEqual(f.range, r(1, 0, 1, 38));
      assert.equal(f.message, '1 EFO consumer costs $26.07/mo; shared reads would do');
      assert.equal(
        f.detail,
        'EFO costs $26.07/month, but all 2 readers together need 1 MiB/s of the 3.2 MiB/s ' +
          'shared read capacity and 2 of the 5 GetRecords calls/s per shard: standard consumers would do, unless you need EFO\'s ~70 ms ' +
          'propagation instead of ~200 ms (up to ~1 s with five readers).',
      );
      assert.deepEqual(f.fixes, []);
    });

    it('counts a Lambda that reads through the EFO consumer as that consumer, not as a standard reader', async () => {
      const main = stream('write_mib_per_sec=0.5 avg_utilization=0.25') + efo() + hcl([
        '',
        'resource "aws_lambda_event_source_mapping" "via_efo" {',
        '  event_source_arn  = aws_kinesis_stream_consumer.analytics[0].arn',
        '  function_name     = "analytics"',
        '  starting_position = "LATEST"',
        '}',
      ]);
      const f = one(await analyze({ 'main.tf': main }), ID);
      assert.match(f.detail!, /but all 1 readers together need 0\.5 MiB\/s/);
    });

    it('once for count = 3 (one consumer per instance), naming the instances, the amount of one and the total', async () => {
      const main = stream(LOAD, '2', ['  count = 3', '']) + efo('3', 'aws_kinesis_stream.events[count.index].arn');
      const f = one(await analyze({ 'main.tf': main }), ID);
      assert.equal(f.message, '1 EFO consumer costs $26.07/mo; shared reads would do (3 instances, $78.21/mo in all)');
      assert.match(f.detail!, /^EFO costs \$26\.07\/month, .* Instances: aws_kinesis_stream\.events\[0\], aws_kinesis_stream\.events\[1\], aws_kinesis_stream\.events\[2\]\.$/);
    });
  });

  describe('stays silent', () => {
    it('without EFO consumers', async () => {
      assert.deepEqual((await analyze({ 'main.tf': stream(LOAD) })).of(ID), []);
    });

    it('when the readers would exceed the shared 2 MiB/s per shard: 2 × 2 MiB/s > 3.2 MiB/s', async () => {
      assert.deepEqual((await analyze({ 'main.tf': stream('write_mib_per_sec=2 consumers=1') + efo() })).of(ID), []);
    });

    it('when the readers would exceed 5 GetRecords calls/s per shard: 5 EFO + 1 standard', async () => {
      assert.deepEqual((await analyze({ 'main.tf': stream('write_mib_per_sec=0.01 consumers=1', '20') + efo('5') })).of(ID), []);
    });

    it('without a declared write rate', async () => {
      assert.deepEqual((await analyze({ 'main.tf': stream('records_per_sec=10 consumers=1') + efo() })).of(ID), []);
    });

    it('when the shard count is unknown', async () => {
      const main = stream(LOAD, 'var.shards') + efo() + '\nvariable "shards" {\n  type = number\n}\n';
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });

    it('when the number of EFO consumers is unknown', async () => {
      const main = stream(LOAD) + efo('var.n') + '\nvariable "n" {\n  type = number\n}\n';
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });

    it('when some reader\'s stream cannot be identified (it may read this one)', async () => {
      const main = QUIET_EFO + hcl([
        '',
        'variable "source" {',
        '  type = string',
        '}',
        '',
        'resource "aws_lambda_event_source_mapping" "unknown" {',
        '  event_source_arn  = var.source',
        '  function_name     = "f"',
        '  starting_position = "LATEST"',
        '}',
      ]);
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });

    it('on an ON_DEMAND stream', async () => {
      const main = hcl([
        `# kinesis-lint: ${LOAD}`,
        'resource "aws_kinesis_stream" "events" {',
        '  name = "events"',
        '',
        '  stream_mode_details {',
        '    stream_mode = "ON_DEMAND"',
        '  }',
        '}',
      ]) + efo();
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });
  });

  describe('configuration and suppression', () => {
    it('severity "warning" from the config; "off" disables it', async () => {
      const warn = one(await analyze({ 'main.tf': QUIET_EFO, '.kinesis-lint.json': rulesConfig({ [ID]: 'warning' }) }), ID);
      assert.equal(warn.severity, 'warning');
      assert.deepEqual((await analyze({ 'main.tf': QUIET_EFO, '.kinesis-lint.json': rulesConfig({ [ID]: 'off' }) })).of(ID), []);
    });

    it('at the configured target_utilization: 1 MiB/s does not fit 2 shards × 2 MiB/s × 0.2', async () => {
      const config = JSON.stringify({ target_utilization: 0.2 });
      assert.deepEqual((await analyze({ 'main.tf': QUIET_EFO, '.kinesis-lint.json': config })).of(ID), []);
    });

    it('an ignore comment above the resource silences it', async () => {
      const res = await analyze({ 'main.tf': QUIET_EFO.replace('resource "aws_kinesis_stream"', `# kinesis-lint-ignore: ${ID} latency matters\nresource "aws_kinesis_stream"`) });
      assert.deepEqual(res.of(ID), []);
    });
  });
});
