import { strict as assert } from 'assert';
import { analyze, hcl, one, r, rulesConfig } from './ruleKit';

const ID = 'efo-consumer-limit';

const STREAM = hcl([
  'resource "aws_kinesis_stream" "events" {',
  '  name            = "events"',
  '  shard_count     = 8',
  '  encryption_type = "KMS"',
  '  kms_key_id      = "alias/my-key"',
  '}',
]);

function consumers(count: string, streamArn = 'aws_kinesis_stream.events.arn'): string {
  return hcl([
    '',
    'resource "aws_kinesis_stream_consumer" "tenant" {',
    `  count      = ${count}`,
    '  name       = "tenant-${count.index}"',
    `  stream_arn = ${streamArn}`,
    '}',
  ]);
}

const TWENTY_ONE = STREAM + consumers('21');

describe('rule efo-consumer-limit', () => {
  describe('fires', () => {
    it('on the stream header with 21 aws_kinesis_stream_consumer instances', async () => {
      const f = one(await analyze({ 'main.tf': TWENTY_ONE }), ID);
      assert.equal(f.severity, 'error');
      assert.deepEqual(f.range, r(0, 0, 0, 38));
      assert.equal(f.message, '21 enhanced fan-out consumers, a stream allows 20');
      assert.equal(
        f.detail,
        'A stream allows 20 (50 only for on-demand streams with account-level On-demand Advantage), ' +
          'so registering the rest fails with LimitExceededException.',
      );
      assert.deepEqual(f.fixes, []);
    });

    it('adding the declared efo_consumers to those Terraform shows (16 + 5)', async () => {
      const main = `# kinesis-lint: efo_consumers=5\n${STREAM}${consumers('16')}`;
      const f = one(await analyze({ 'main.tf': main }), ID);
      assert.deepEqual(f.range, r(1, 0, 1, 38));
      assert.match(f.message, /^21 enhanced fan-out consumers/);
    });

    it('with consumers declared in .kinesis-lint.json only', async () => {
      const config = JSON.stringify({ streams: { 'aws_kinesis_stream.events': { efo_consumers: 25 } } });
      const f = one(await analyze({ 'main.tf': STREAM, '.kinesis-lint.json': config }), ID);
      assert.match(f.message, /^25 enhanced fan-out consumers/);
    });

    it('once for a stream with count = 3 whose instances each have 21', async () => {
      const main = STREAM.replace('  name ', '  count           = 3\n  name ') + consumers('63', 'aws_kinesis_stream.events[count.index % 3].arn');
      const f = one(await analyze({ 'main.tf': main }), ID);
      assert.equal(f.message, '21 enhanced fan-out consumers, a stream allows 20 (3 instances)');
      assert.match(f.detail!, /Instances: aws_kinesis_stream\.events\[0\], aws_kinesis_stream\.events\[1\], aws_kinesis_stream\.events\[2\]\.$/);
    });
  });

  describe('stays silent', () => {
    it('at 20 consumers', async () => {
      assert.deepEqual((await analyze({ 'main.tf': STREAM + consumers('20') })).of(ID), []);
    });

    it('when the consumers\' count is unknown', async () => {
      const main = STREAM + consumers('var.tenants') + '\nvariable "tenants" {\n  type = number\n}\n';
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });

    it('when consumers read another stream (a data source)', async () => {
      assert.deepEqual((await analyze({ 'main.tf': STREAM + consumers('30', 'data.aws_kinesis_stream.other.arn') })).of(ID), []);
    });

    it('when the consumers\' stream_arn is a variable with no default', async () => {
      const main = STREAM + consumers('30', 'var.stream_arn') + '\nvariable "stream_arn" {\n  type = string\n}\n';
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });
  });

  describe('On-demand Advantage (limit 50)', () => {
    const ON_DEMAND = STREAM.replace('  shard_count     = 8\n', '  stream_mode_details {\n    stream_mode = "ON_DEMAND"\n  }\n');
    const ADVANTAGE = JSON.stringify({ account: { on_demand_advantage: true } });

    it('is silent at 21 and at 50 for an on-demand stream with the switch on', async () => {
      assert.deepEqual((await analyze({ 'main.tf': ON_DEMAND + consumers('21'), '.kinesis-lint.json': ADVANTAGE })).of(ID), []);
      assert.deepEqual((await analyze({ 'main.tf': ON_DEMAND + consumers('50'), '.kinesis-lint.json': ADVANTAGE })).of(ID), []);
    });

    it('fires at 51 with the Advantage limit', async () => {
      const f = one(await analyze({ 'main.tf': ON_DEMAND + consumers('51'), '.kinesis-lint.json': ADVANTAGE }), ID);
      assert.deepEqual(f.range, r(0, 0, 0, 38));
      assert.equal(f.message, '51 enhanced fan-out consumers, a stream allows 50');
      assert.equal(f.detail, 'A stream allows 50 with On-demand Advantage, so registering the rest fails with LimitExceededException.');
    });

    it('keeps 20 for the same on-demand stream without the switch', async () => {
      assert.match(one(await analyze({ 'main.tf': ON_DEMAND + consumers('21') }), ID).detail!, /^A stream allows 20 \(50 only/);
    });

    it('keeps 20 for a provisioned stream in an Advantage account', async () => {
      assert.match(one(await analyze({ 'main.tf': TWENTY_ONE, '.kinesis-lint.json': ADVANTAGE }), ID).detail!, /^A stream allows 20 \(/);
    });
  });

  describe('configuration and suppression', () => {
    it('severity "warning" from the config; "off" disables it', async () => {
      const warn = one(await analyze({ 'main.tf': TWENTY_ONE, '.kinesis-lint.json': rulesConfig({ [ID]: 'warning' }) }), ID);
      assert.equal(warn.severity, 'warning');
      assert.deepEqual((await analyze({ 'main.tf': TWENTY_ONE, '.kinesis-lint.json': rulesConfig({ [ID]: 'off' }) })).of(ID), []);
    });

    it('an ignore comment above the resource silences it', async () => {
      const res = await analyze({ 'main.tf': `# kinesis-lint-ignore: ${ID} On-demand Advantage enabled\n${TWENTY_ONE}` });
      assert.deepEqual(res.of(ID), []);
    });
  });
});
