import { strict as assert } from 'assert';
import { analyze, applyFix, assertFmtKeptClean, hcl, one, r, rulesConfig, assertFixKeepsStyle } from './ruleKit';

const ID = 'shard-count-mode-conflict';

const ON_DEMAND_WITH_SHARDS = hcl([
  'resource "aws_kinesis_stream" "events" {',
  '  name        = "events"',
  '  shard_count = 4',
  '',
  '  stream_mode_details {',
  '    stream_mode = "ON_DEMAND"',
  '  }',
  '}',
]);
// Removing the longest name of an aligned group re-pads the others, as terraform fmt would.
const ON_DEMAND_FIXED = hcl([
  'resource "aws_kinesis_stream" "events" {',
  '  name = "events"',
  '',
  '  stream_mode_details {',
  '    stream_mode = "ON_DEMAND"',
  '  }',
  '}',
]);

const NO_SHARDS = hcl([
  'resource "aws_kinesis_stream" "audit" {',
  '  name            = "audit"',
  '  encryption_type = "KMS"',
  '  kms_key_id      = "alias/my-key"',
  '}',
]);
const NO_SHARDS_FIXED = hcl([
  'resource "aws_kinesis_stream" "audit" {',
  '  name            = "audit"',
  '  encryption_type = "KMS"',
  '  kms_key_id      = "alias/my-key"',
  '',
  '  shard_count = 1',
  '}',
]);

const WARM = hcl([
  'resource "aws_kinesis_stream" "events" {',
  '  name                   = "events"',
  '  shard_count            = 2',
  '  warm_throughput_mib_ps = 100',
  '}',
]);

describe('rule shard-count-mode-conflict', () => {
  describe('fires', () => {
    it('on the shard_count value of an ON_DEMAND stream', async () => {
      const f = one(await analyze({ 'main.tf': ON_DEMAND_WITH_SHARDS }), ID);
      assert.equal(f.severity, 'error');
      assert.deepEqual(f.range, r(2, 16, 2, 17));
      assert.equal(f.message, 'shard_count is set on an ON_DEMAND stream: plan fails');
      assert.equal(f.detail, 'terraform plan fails with "shard_count must not be set when stream_mode is ON_DEMAND". Remove shard_count.');
    });

    it('on the header of a stream without a mode block and without shard_count', async () => {
      const f = one(await analyze({ 'main.tf': NO_SHARDS }), ID);
      assert.deepEqual(f.range, r(0, 0, 0, 37));
      assert.equal(f.message, 'No shard_count, which PROVISIONED mode requires');
      assert.equal(f.detail, 'The stream is PROVISIONED (no stream_mode_details block) but has no shard_count, which provisioned mode requires.');
    });

    it('on the header of an explicit PROVISIONED stream without shard_count', async () => {
      const main = NO_SHARDS.replace('"alias/my-key"\n', '"alias/my-key"\n\n  stream_mode_details {\n    stream_mode = "PROVISIONED"\n  }\n');
      const f = one(await analyze({ 'main.tf': main }), ID);
      assert.equal(f.message, 'No shard_count, which PROVISIONED mode requires');
      assert.equal(f.detail, 'The stream is PROVISIONED but has no shard_count, which provisioned mode requires.');
    });

    it('on warm_throughput_mib_ps when a provisioned stream sets shard_count too', async () => {
      const f = one(await analyze({ 'main.tf': WARM }), ID);
      assert.deepEqual(f.range, r(3, 27, 3, 30));
      assert.equal(f.message, 'warm_throughput_mib_ps conflicts with shard_count');
    });

    it('once for count = 3, naming the instances', async () => {
      const main = ON_DEMAND_WITH_SHARDS.replace('  name ', '  count       = 3\n  name ');
      const f = one(await analyze({ 'main.tf': main }), ID);
      assert.deepEqual(f.range, r(3, 16, 3, 17));
      assert.match(f.message, / \(3 instances\)$/);
      assert.match(f.detail!, /Instances: aws_kinesis_stream\.events\[0\], aws_kinesis_stream\.events\[1\], aws_kinesis_stream\.events\[2\]\.$/);
    });

    it('on the module caller\'s argument when the caller passes shards to an ON_DEMAND module', async () => {
      const files = {
        'main.tf': hcl(['module "m" {', '  source = "./mod"', '  shards = 4', '}']),
        'mod/main.tf': hcl([
          'variable "shards" {',
          '  type    = number',
          '  default = null',
          '}',
          '',
          ON_DEMAND_WITH_SHARDS.replace('= 4', '= var.shards'),
        ]),
      };
      const f = one(await analyze(files), ID);
      assert.equal(f.file, '/ws/main.tf');
      assert.deepEqual(f.range, r(2, 11, 2, 12));
    });
  });

  describe('stays silent', () => {
    it('on a PROVISIONED stream with shard_count and an ON_DEMAND stream without', async () => {
      assert.deepEqual((await analyze({ 'main.tf': NO_SHARDS_FIXED })).of(ID), []);
      assert.deepEqual((await analyze({ 'main.tf': ON_DEMAND_FIXED })).of(ID), []);
    });

    it('when shard_count is null (Terraform\'s "not set") on an ON_DEMAND stream', async () => {
      assert.deepEqual((await analyze({ 'main.tf': ON_DEMAND_WITH_SHARDS.replace('= 4', '= null') })).of(ID), []);
    });

    it('when shard_count = 0 on an ON_DEMAND stream (the provider rejects only shard_count > 0 there)', async () => {
      assert.deepEqual((await analyze({ 'main.tf': ON_DEMAND_WITH_SHARDS.replace('= 4', '= 0') })).of(ID), []);
    });

    it('when stream_mode is a variable with no default', async () => {
      const main = ON_DEMAND_WITH_SHARDS.replace('"ON_DEMAND"', 'var.mode') + '\nvariable "mode" {\n  type = string\n}\n';
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });

    it('when shard_count is unknown (it may be null at apply)', async () => {
      const main = ON_DEMAND_WITH_SHARDS.replace('= 4', '= var.shards') + '\nvariable "shards" {\n  type = number\n}\n';
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
      const noBlock = NO_SHARDS.replace('  name ', '  shard_count     = data.external.s.result.n\n  name ');
      assert.deepEqual((await analyze({ 'main.tf': noBlock })).of(ID), []);
    });

    it('on the common "null when on-demand" pattern', async () => {
      const main = hcl([
        'variable "on_demand" {',
        '  type    = bool',
        '  default = true',
        '}',
        '',
        'resource "aws_kinesis_stream" "events" {',
        '  name        = "events"',
        '  shard_count = var.on_demand ? null : 2',
        '',
        '  stream_mode_details {',
        '    stream_mode = var.on_demand ? "ON_DEMAND" : "PROVISIONED"',
        '  }',
        '}',
      ]);
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });

    it('on an ON_DEMAND stream with warm_throughput_mib_ps and no shard_count', async () => {
      const main = ON_DEMAND_FIXED.replace('  name = "events"\n', '  name                   = "events"\n  warm_throughput_mib_ps = 100\n');
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });
  });

  describe('fix', () => {
    it('removes shard_count from an ON_DEMAND stream, re-padding the `=` it aligned', async () => {
      const f = one(await analyze({ 'main.tf': ON_DEMAND_WITH_SHARDS }), ID);
      assert.equal(f.fixes[0].title, 'Remove shard_count');
      assert.equal(f.fixes[0].preferred, true);
      const { files } = await applyFix({ 'main.tf': ON_DEMAND_WITH_SHARDS }, ID);
      assert.equal(files['main.tf'], ON_DEMAND_FIXED);
    });

    it('leaves the other lines alone when the group was not aligned to begin with', async () => {
      const unaligned = ON_DEMAND_WITH_SHARDS.replace('  name        =', '  name   =');
      const { files } = await applyFix({ 'main.tf': unaligned }, ID);
      assert.equal(files['main.tf'], ON_DEMAND_FIXED.replace('  name =', '  name   ='));
    });

    it('adds shard_count = 1 to a provisioned stream without one', async () => {
      const f = one(await analyze({ 'main.tf': NO_SHARDS }), ID);
      assert.equal(f.fixes[0].title, 'Add shard_count = 1');
      const { files } = await applyFix({ 'main.tf': NO_SHARDS }, ID);
      assert.equal(files['main.tf'], NO_SHARDS_FIXED);
    });

    it('adds the shards the declared load needs: ceil(3 / 0.8) = 4', async () => {
      const main = `# kinesis-lint: write_mib_per_sec=3\n${NO_SHARDS}`;
      const f = one(await analyze({ 'main.tf': main }), ID);
      assert.equal(f.fixes[0].title, 'Add shard_count = 4 (what the declared load needs)');
      const { files } = await applyFix({ 'main.tf': main }, ID);
      assert.equal(files['main.tf'], `# kinesis-lint: write_mib_per_sec=3\n${NO_SHARDS_FIXED.replace('= 1', '= 4')}`);
    });

    it('removes warm_throughput_mib_ps from a provisioned stream (it keeps its shards), re-padding the rest', async () => {
      const { files } = await applyFix({ 'main.tf': WARM }, ID);
      assert.equal(files['main.tf'], hcl(['resource "aws_kinesis_stream" "events" {', '  name        = "events"', '  shard_count = 2', '}']));
    });

    it('terraform fmt accepts the fixed files', function () {
      assertFmtKeptClean(this, ON_DEMAND_WITH_SHARDS, ON_DEMAND_FIXED);
      assertFmtKeptClean(this, NO_SHARDS, NO_SHARDS_FIXED);
    });

    it('expands a one-line block before adding shard_count', async () => {
      const { files } = await applyFix({ 'main.tf': 'resource "aws_kinesis_stream" "x" { name = "a" }\n' }, ID);
      assert.equal(files['main.tf'], hcl(['resource "aws_kinesis_stream" "x" {', '  name = "a"', '', '  shard_count = 1', '}']));
    });

    it('keeps CRLF and tabs', async () => {
      await assertFixKeepsStyle(ID, NO_SHARDS, NO_SHARDS_FIXED);
      const crlf = ON_DEMAND_WITH_SHARDS.replace(/\n/g, '\r\n');
      assert.equal((await applyFix({ 'main.tf': crlf }, ID)).files['main.tf'], ON_DEMAND_FIXED.replace(/\n/g, '\r\n'));
    });
  });

  describe('configuration and suppression', () => {
    it('severity "warning" from the config; "off" disables it', async () => {
      const warn = one(await analyze({ 'main.tf': NO_SHARDS, '.kinesis-lint.json': rulesConfig({ [ID]: 'warning' }) }), ID);
      assert.equal(warn.severity, 'warning');
      assert.deepEqual((await analyze({ 'main.tf': NO_SHARDS, '.kinesis-lint.json': rulesConfig({ [ID]: 'off' }) })).of(ID), []);
    });

    it('an ignore comment above shard_count silences it', async () => {
      const main = ON_DEMAND_WITH_SHARDS.replace('  shard_count', `  # kinesis-lint-ignore: ${ID} provider fork\n  shard_count`);
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });
  });
});
