import { strict as assert } from 'assert';
import { analyze, applyFix, assertFmtKeptClean, hcl, one, r, rulesConfig, assertFixKeepsStyle } from './ruleKit';

const ID = 'extended-retention-cost';

function provisioned(retention: string, shards = '4', extra: string[] = []): string {
  return hcl([
    'resource "aws_kinesis_stream" "orders" {',
    ...extra,
    '  name             = "orders"',
    `  shard_count      = ${shards}`,
    `  retention_period = ${retention}`,
    '  encryption_type  = "KMS"',
    '  kms_key_id       = "alias/my-key"',
    '}',
  ]);
}

function onDemand(retention: string, annotation = ''): string {
  return hcl([
    ...(annotation ? [`# kinesis-lint: ${annotation}`] : []),
    'resource "aws_kinesis_stream" "orders" {',
    '  name             = "orders"',
    `  retention_period = ${retention}`,
    '',
    '  stream_mode_details {',
    '    stream_mode = "ON_DEMAND"',
    '  }',
    '}',
  ]);
}

const SEVENTY_TWO = provisioned('72');
const FIXED = provisioned('24');

describe('rule extended-retention-cost', () => {
  describe('fires', () => {
    it('on the retention_period value; provisioned: 4 shards × 730 h × $0.020 = $58.40/month', async () => {
      const f = one(await analyze({ 'main.tf': SEVENTY_TWO }), ID);
      assert.equal(f.severity, 'info');
      assert.deepEqual(f.range, r(3, 21, 3, 23));
      assert.equal(f.message, 'Retention 72 h adds $58.40/mo');
      assert.equal(f.detail, 'Retention beyond 24 h adds $58.40/month for extended retention (over 24 h). Keep 24 h unless consumers need to replay older data.');
    });

    it('from 25 h up to and including 168 h, whatever the volume', async () => {
      for (const hours of ['25', '168']) {
        const f = one(await analyze({ 'main.tf': provisioned(hours, '1') }), ID);
        // 1 shard × 730 h × $0.020
        assert.equal(f.message, `Retention ${hours} h adds $14.60/mo`);
        assert.match(f.detail!, /adds \$14\.60\/month for extended retention/);
      }
    });

    it('on-demand with a load: 1 MiB/s × 72 h stored / 2^30 = 253.125 GB × $0.10 = $25.31/month', async () => {
      const f = one(await analyze({ 'main.tf': onDemand('96', 'write_mib_per_sec=1') }), ID);
      assert.deepEqual(f.range, r(3, 21, 3, 23));
      assert.equal(f.message, 'Retention 96 h adds $25.31/mo');
      assert.match(f.detail!, /Retention beyond 24 h adds \$25\.31\/month for extended retention \(24 h to 7 days\)\./);
    });

    it('on-demand without a load: the rate per GB-month', async () => {
      const f = one(await analyze({ 'main.tf': onDemand('96') }), ID);
      // Unknown money is never a figure: the message says so, the detail gives the rate.
      assert.equal(f.message, 'Retention 96 h is billed as extended retention (amount unknown)');
      // The saving is unknown too (the volume is): the fix's title names no amount, never $0.00.
      assert.equal(f.fixes[0].title, 'Set retention_period = 24');
      assert.match(f.detail!, /adds \$0\.10 per GB-month for extended retention \(24 h to 7 days\) \(declare the write rate to see the monthly amount\)\./);
    });

    it('once for count = 3, naming the instances, the amount of one and the total', async () => {
      const f = one(await analyze({ 'main.tf': provisioned('72', '4', ['  count = 3', '']) }), ID);
      assert.deepEqual(f.range, r(5, 21, 5, 23));
      assert.equal(f.message, 'Retention 72 h adds $58.40/mo (3 instances, $175.20/mo in all)');
      assert.match(f.detail!, /^Retention beyond 24 h adds \$58\.40\/month for extended retention \(over 24 h\)\. .* Instances: aws_kinesis_stream\.orders\[0\], aws_kinesis_stream\.orders\[1\], aws_kinesis_stream\.orders\[2\]\.$/);
    });

    it('for_each with other amounts per instance: names each instance with its own amount, and the total', async () => {
      const main = provisioned('72', 'each.value', ['  for_each = { orders = 2, clicks = 4 }', '']);
      const f = one(await analyze({ 'main.tf': main }), ID);
      const says = (key: string, usd: string) =>
        `aws_kinesis_stream.orders["${key}"]: Retention 72 h adds $${usd}/mo. Retention beyond 24 h adds $${usd}/month for extended retention (over 24 h). Keep 24 h unless consumers need to replay older data.`;
      assert.equal(f.message, 'Retention 72 h adds $58.40/mo (2 instances, figures differ, $87.60/mo in all)');
      assert.equal(f.detail, `${says('clicks', '58.40')}\n${says('orders', '29.20')}`);
      assert.deepEqual(f.range, r(5, 21, 5, 23));
      assert.equal(f.fixes.length, 1); // both instances want the same edit
      // One edit for both: its title states the change of both ($58.40 + $29.20).
      assert.equal(f.fixes[0].title, 'Set retention_period = 24 (\u2212$87.60/mo)');
    });

    it('for_each where all instances agree: one message naming them, with the total', async () => {
      const main = provisioned('72', '4', ['  for_each = toset(["c", "a", "b"])', '']);
      const f = one(await analyze({ 'main.tf': main }), ID);
      assert.equal(f.message, 'Retention 72 h adds $58.40/mo (3 instances, $175.20/mo in all)');
      assert.equal(
        f.detail,
        'Retention beyond 24 h adds $58.40/month for extended retention (over 24 h). Keep 24 h unless consumers need to replay older data. Instances: aws_kinesis_stream.orders["a"], aws_kinesis_stream.orders["b"], aws_kinesis_stream.orders["c"].',
      );
    });

    it('an unknown count: the amount is labelled per instance, with no total', async () => {
      const main = provisioned('72', '4', ['  count = var.n', '']) + hcl(['', 'variable "n" {', '  type = number', '}']);
      const f = one(await analyze({ 'main.tf': main }), ID);
      assert.equal(f.message, 'Retention 72 h adds $58.40/mo per instance');
      assert.equal(f.detail, 'Retention beyond 24 h adds $58.40/month for extended retention (over 24 h) per instance. Keep 24 h unless consumers need to replay older data.');
    });

    it('in a module whose count is unknown: labelled per instance too', async () => {
      const files = {
        'main.tf': hcl(['variable "n" {', '  type = number', '}', 'module "m" {', '  source = "./mod"', '  count  = var.n', '}']),
        'mod/main.tf': provisioned('72'),
      };
      const f = one(await analyze(files), ID);
      assert.equal(f.message, 'Retention 72 h adds $58.40/mo per instance');
      assert.equal(f.detail, 'Retention beyond 24 h adds $58.40/month for extended retention (over 24 h) per instance. Keep 24 h unless consumers need to replay older data.');
    });

    it('on the module caller\'s argument, whose literal the fix edits', async () => {
      const files = {
        'main.tf': hcl(['module "m" {', '  source    = "./mod"', '  retention = 72', '}']),
        'mod/main.tf': hcl(['variable "retention" {', '  type    = number', '  default = 24', '}', '', provisioned('var.retention')]),
      };
      const f = one(await analyze(files), ID);
      assert.equal(f.file, '/ws/main.tf');
      assert.deepEqual(f.range, r(2, 14, 2, 16));
      assert.equal(f.resource, 'module.m.aws_kinesis_stream.orders');
      const fixed = await applyFix(files, ID);
      assert.equal(fixed.files['main.tf'], files['main.tf'].replace('72', '24'));
      assert.equal(fixed.files['mod/main.tf'], files['mod/main.tf']);
    });
  });

  describe('stays silent', () => {
    it('at 24 h and when retention_period is absent', async () => {
      assert.deepEqual((await analyze({ 'main.tf': FIXED })).of(ID), []);
      assert.deepEqual((await analyze({ 'main.tf': SEVENTY_TWO.replace('  retention_period = 72\n', '') })).of(ID), []);
    });

    it('above 168 h (long-term-retention-cost reports it)', async () => {
      const res = await analyze({ 'main.tf': provisioned('169') });
      assert.deepEqual(res.of(ID), []);
      assert.equal(res.of('long-term-retention-cost').length, 1);
    });

    it('when retention_period is a variable with no default', async () => {
      const main = provisioned('var.retention') + '\nvariable "retention" {\n  type = number\n}\n';
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });

    it('when retention_period comes from a resource attribute', async () => {
      assert.deepEqual((await analyze({ 'main.tf': provisioned('aws_ssm_parameter.retention.value') })).of(ID), []);
    });

    it('when the shard count is unknown (the amount depends on it)', async () => {
      const main = provisioned('72', 'var.shards') + '\nvariable "shards" {\n  type = number\n}\n';
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });

    it('when stream_mode is unknown', async () => {
      const main = onDemand('72').replace('"ON_DEMAND"', 'var.mode') + '\nvariable "mode" {\n  type = string\n}\n';
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });
  });

  describe('fix (an editor suggestion: the replay window is the user\'s call)', () => {
    it('sets retention_period = 24', async () => {
      const f = one(await analyze({ 'main.tf': SEVENTY_TWO }), ID);
      assert.equal(f.fixes[0].title, 'Set retention_period = 24 (\u2212$58.40/mo)');
      assert.equal(f.fixes[0].isSuggestion, true);
      const { files } = await applyFix({ 'main.tf': SEVENTY_TWO }, ID);
      assert.equal(files['main.tf'], FIXED);
    });

    it('terraform fmt accepts the fixed file', function () {
      assertFmtKeptClean(this, SEVENTY_TWO, FIXED);
    });

    it('edits the tfvars entry that decides the value', async () => {
      const main = provisioned('var.retention') + '\nvariable "retention" {\n  type    = number\n  default = 24\n}\n';
      const files = { 'main.tf': main, 'terraform.tfvars': 'retention = 96\n' };
      const f = one(await analyze(files), ID);
      assert.deepEqual(f.range, r(3, 21, 3, 34));
      assert.equal(f.fixes[0].title, 'Set retention_period = 24 in terraform.tfvars:1 (\u2212$58.40/mo)');
      const fixed = await applyFix(files, ID);
      assert.equal(fixed.files['terraform.tfvars'], 'retention = 24\n');
      assert.equal(fixed.files['main.tf'], main);
    });

    it('replaces only the number: CRLF and tabs stay', async () => {
      await assertFixKeepsStyle(ID, SEVENTY_TWO, FIXED);
    });
  });

  describe('configuration and suppression', () => {
    it('severity "warning" from the config; "off" disables it', async () => {
      const warn = one(await analyze({ 'main.tf': SEVENTY_TWO, '.kinesis-lint.json': rulesConfig({ [ID]: 'warning' }) }), ID);
      assert.equal(warn.severity, 'warning');
      assert.deepEqual((await analyze({ 'main.tf': SEVENTY_TWO, '.kinesis-lint.json': rulesConfig({ [ID]: 'off' }) })).of(ID), []);
    });

    it('an ignore comment above the resource or at the end of the retention line silences it', async () => {
      const above = `# kinesis-lint-ignore: ${ID} consumers replay up to 3 days\n${SEVENTY_TWO}`;
      assert.deepEqual((await analyze({ 'main.tf': above })).of(ID), []);
      const inline = SEVENTY_TWO.replace('= 72', `= 72 # kinesis-lint-ignore: ${ID} replay window`);
      assert.deepEqual((await analyze({ 'main.tf': inline })).of(ID), []);
    });
  });
});

describe('rule extended-retention-cost: On-demand Advantage', () => {
  it('prices retention beyond 24 h at the Advantage rate (1 MiB/s × 86,400 s = 84.375 GB × $0.023 = $1.94)', async () => {
    const main = hcl([
      '# kinesis-lint: write_mib_per_sec=1 records_per_sec=1024 avg_utilization=1 consumers=0',
      'resource "aws_kinesis_stream" "od" {',
      '  name             = "od"',
      '  retention_period = 48',
      '  stream_mode_details {',
      '    stream_mode = "ON_DEMAND"',
      '  }',
      '}',
    ]);
    const f = one(await analyze({ 'main.tf': main, '.kinesis-lint.json': JSON.stringify({ account: { on_demand_advantage: true } }) }), 'extended-retention-cost');
    assert.equal(f.message, 'Retention 48 h adds $1.94/mo');
    assert.equal(f.detail, 'Retention beyond 24 h adds $1.94/month for retention beyond 24 hours (advantage). Keep 24 h unless consumers need to replay older data.');
    assert.deepEqual(f.range, r(3, 21, 3, 23));
  });
});
