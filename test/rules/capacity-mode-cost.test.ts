import { strict as assert } from 'assert';
import { analyze, applyFix, assertFmtKeptClean, hcl, one, r, rulesConfig, assertFixKeepsStyle } from './ruleKit';

const ID = 'capacity-mode-cost';

// Steady load, on-demand. Provisioned: ceil(2 / 0.8) = ceil(2,048 / 800) = 3 shards → 3 × 730 × $0.015 = $32.85, plus
// 2,048 × 0.5 × 2,628,000 s = 2,691.07 M PUT units × $0.014 = $37.68: $70.53. On-demand: $29.20 + 2,566.41 GB ×
// ($0.08 in + $0.04 out) = $337.17.
const STEADY = hcl([
  '# kinesis-lint: write_mib_per_sec=2 records_per_sec=2048 consumers=1 avg_utilization=0.5',
  'resource "aws_kinesis_stream" "metrics" {',
  '  name            = "metrics"',
  '  encryption_type = "KMS"',
  '  kms_key_id      = "alias/my-key"',
  '',
  '  stream_mode_details {',
  '    stream_mode = "ON_DEMAND"',
  '  }',
  '}',
]);
const STEADY_FIXED = hcl([
  '# kinesis-lint: write_mib_per_sec=2 records_per_sec=2048 consumers=1 avg_utilization=0.5',
  'resource "aws_kinesis_stream" "metrics" {',
  '  name            = "metrics"',
  '  encryption_type = "KMS"',
  '  kms_key_id      = "alias/my-key"',
  '',
  '  stream_mode_details {',
  '    stream_mode = "PROVISIONED"',
  '  }',
  '',
  '  shard_count = 3',
  '}',
]);

// Spiky load (1 % average), provisioned. Needs 10 shards: $109.50 + 210.24 M PUT units × $0.014 = $112.44.
// On-demand: $29.20 + 210,240,000 KiB = 200.5 GB × $0.08 = $45.24 (no readers declared).
const SPIKY_LOAD = '# kinesis-lint: records_per_sec=8000 avg_record_kib=1 avg_utilization=0.01 consumers=0';
function spiky(shards: string, extra: string[] = []): string {
  return hcl([
    SPIKY_LOAD,
    'resource "aws_kinesis_stream" "spiky" {',
    ...extra,
    '  name            = "spiky"',
    `  shard_count     = ${shards}`,
    '  encryption_type = "KMS"',
    '  kms_key_id      = "alias/my-key"',
    '}',
  ]);
}
const SPIKY = spiky('10');
// The shard_count line becomes the mode block; `name` is re-padded for its new group.
const SPIKY_FIXED = hcl([
  SPIKY_LOAD,
  'resource "aws_kinesis_stream" "spiky" {',
  '  name = "spiky"',
  '  stream_mode_details {',
  '    stream_mode = "ON_DEMAND"',
  '  }',
  '  encryption_type = "KMS"',
  '  kms_key_id      = "alias/my-key"',
  '}',
]);

describe('rule capacity-mode-cost', () => {
  describe('fires', () => {
    it('past UpdateShardCount\'s 10,000 shards the switch to provisioned is reported without a fix', async () => {
      // records ceil(10,000,000 / 800) = 12,500 shards: cheaper provisioned, but more than one stream can be given.
      const main = STEADY.replace('write_mib_per_sec=2 records_per_sec=2048 consumers=1 avg_utilization=0.5', 'records_per_sec=10000000 avg_record_kib=0.1');
      const f = one(await analyze({ 'main.tf': main }), ID);
      assert.match(f.message, /^Provisioned \(12500 shards\): /);
      assert.deepEqual(f.fixes, []);
      const below = one(await analyze({ 'main.tf': STEADY }), ID);
      assert.equal(below.fixes.length, 1);
    });

    it('on the stream_mode value when provisioned is cheaper, with both figures', async () => {
      const f = one(await analyze({ 'main.tf': STEADY }), ID);
      assert.equal(f.severity, 'info');
      assert.deepEqual(f.range, r(7, 18, 7, 29));
      assert.equal(f.message, 'Provisioned (3 shards): $70.53/mo, not $337.17/mo (79 % less)');
      assert.equal(f.detail, 'It would cost $70.53/month provisioned with 3 shards instead of $337.17/month on-demand for the declared load (79 % less).');
    });

    it('on shard_count when on-demand is cheaper and there is no mode block', async () => {
      const f = one(await analyze({ 'main.tf': SPIKY }), ID);
      assert.deepEqual(f.range, r(3, 20, 3, 22));
      assert.equal(f.message, 'On-demand: $45.24/mo, not $112.44/mo (60 % less)');
      assert.equal(f.detail, 'It would cost $45.24/month on-demand instead of $112.44/month provisioned with 10 shards for the declared load (60 % less).');
    });

    it('pricing an undersized stream at the shards its load needs', async () => {
      const f = one(await analyze({ 'main.tf': spiky('4') }), ID);
      assert.match(f.detail!, /instead of \$112\.44\/month provisioned with 10 shards \(what the declared load needs\) for/);
      // The fix's change is priced from the stream as it is (4 shards, $43.80 + $2.94 = $46.74) to on-demand ($45.24).
      assert.equal(f.fixes[0].title, 'Switch to ON_DEMAND (\u2212$1.50/mo)');
    });

    it('once for count = 3, naming the instances; the figures are per instance', async () => {
      const f = one(await analyze({ 'main.tf': spiky('10', ['  count = 3', '']) }), ID);
      assert.equal(f.message, 'On-demand: $45.24/mo, not $112.44/mo per instance (60 % less) (3 instances)');
      assert.match(f.detail!, /for the declared load per instance \(60 % less\)\. Instances: aws_kinesis_stream\.spiky\[0\], aws_kinesis_stream\.spiky\[1\], aws_kinesis_stream\.spiky\[2\]\.$/);
      // One edit switches all 3: the title states the change of the 3 (3 × ($112.44 − $45.24), unrounded).
      assert.equal(f.fixes[0].title, 'Switch to ON_DEMAND (\u2212$201.61/mo)');
    });
  });

  describe('stays silent', () => {
    it('when the stream is already in the cheaper mode', async () => {
      assert.deepEqual((await analyze({ 'main.tf': STEADY_FIXED })).of(ID), []);
      assert.deepEqual((await analyze({ 'main.tf': SPIKY_FIXED })).of(ID), []);
    });

    it('when an oversized stream should shrink rather than switch (oversized-shards says so)', async () => {
      // 10 records/s of 1 KiB: 1 shard ($11.32) beats on-demand ($31.21), although 10 shards ($109.87) would not.
      const main = spiky('10').replace(SPIKY_LOAD, '# kinesis-lint: records_per_sec=10 avg_record_kib=1');
      const res = await analyze({ 'main.tf': main });
      assert.deepEqual(res.of(ID), []);
      assert.equal(res.of('oversized-shards').length, 1);
    });

    it('below the thresholds: 60 % saved is not enough when 70 % is asked; $67 is not enough when $100 is', async () => {
      const percent = JSON.stringify({ thresholds: { mode_switch_min_savings_percent: 70 } });
      assert.deepEqual((await analyze({ 'main.tf': SPIKY, '.kinesis-lint.json': percent })).of(ID), []);
      const usd = JSON.stringify({ thresholds: { mode_switch_min_savings_usd: 100 } });
      assert.deepEqual((await analyze({ 'main.tf': SPIKY, '.kinesis-lint.json': usd })).of(ID), []);
    });

    it('without a declared load', async () => {
      assert.deepEqual((await analyze({ 'main.tf': STEADY.replace(/^# kinesis-lint:.*\n/, '') })).of(ID), []);
    });

    it('when a figure would be partial (no record size: PUT units and on-demand ingest are unknown)', async () => {
      assert.deepEqual((await analyze({ 'main.tf': spiky('10').replace(' avg_record_kib=1', '') })).of(ID), []);
    });

    it('when stream_mode is a variable with no default', async () => {
      const main = STEADY.replace('"ON_DEMAND"', 'var.mode') + '\nvariable "mode" {\n  type = string\n}\n';
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });

    it('when shard_count is a resource attribute', async () => {
      assert.deepEqual((await analyze({ 'main.tf': spiky('aws_ssm_parameter.shards.value') })).of(ID), []);
    });
  });

  describe('fix (an editor suggestion)', () => {
    it('to provisioned: sets stream_mode and adds the required shard_count', async () => {
      const f = one(await analyze({ 'main.tf': STEADY }), ID);
      assert.equal(f.fixes[0].title, 'Switch to PROVISIONED, 3 shards (\u2212$266.64/mo)');
      assert.equal(f.fixes[0].isSuggestion, true);
      const { files, after } = await applyFix({ 'main.tf': STEADY }, ID);
      assert.equal(files['main.tf'], STEADY_FIXED);
      assert.deepEqual(after.of('shard-count-mode-conflict'), []);
    });

    it('to on-demand without a mode block: the shard_count line becomes the block', async () => {
      const { files, after } = await applyFix({ 'main.tf': SPIKY }, ID);
      assert.equal(files['main.tf'], SPIKY_FIXED);
      assert.deepEqual(after.of('shard-count-mode-conflict'), []);
    });

    it('to on-demand with a mode block: sets the mode and removes shard_count', async () => {
      const main = SPIKY.replace('"alias/my-key"\n', '"alias/my-key"\n\n  stream_mode_details {\n    stream_mode = "PROVISIONED"\n  }\n');
      const { files } = await applyFix({ 'main.tf': main }, ID);
      assert.equal(files['main.tf'], hcl([
        SPIKY_LOAD,
        'resource "aws_kinesis_stream" "spiky" {',
        '  name            = "spiky"',
        '  encryption_type = "KMS"',
        '  kms_key_id      = "alias/my-key"',
        '',
        '  stream_mode_details {',
        '    stream_mode = "ON_DEMAND"',
        '  }',
        '}',
      ]));
    });

    it('terraform fmt accepts the fixed files', function () {
      assertFmtKeptClean(this, STEADY, STEADY_FIXED);
      assertFmtKeptClean(this, SPIKY, SPIKY_FIXED);
    });

    it('keeps CRLF and tabs', async () => {
      await assertFixKeepsStyle(ID, STEADY, STEADY_FIXED);
      await assertFixKeepsStyle(ID, SPIKY, SPIKY_FIXED);
    });
  });

  describe('configuration and suppression', () => {
    it('severity "warning" from the config; "off" disables it', async () => {
      const warn = one(await analyze({ 'main.tf': STEADY, '.kinesis-lint.json': rulesConfig({ [ID]: 'warning' }) }), ID);
      assert.equal(warn.severity, 'warning');
      assert.deepEqual((await analyze({ 'main.tf': STEADY, '.kinesis-lint.json': rulesConfig({ [ID]: 'off' }) })).of(ID), []);
    });

    it('an ignore comment at the end of the stream_mode line silences it', async () => {
      const main = STEADY.replace('"ON_DEMAND"', `"ON_DEMAND" # kinesis-lint-ignore: ${ID} traffic will grow`);
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });
  });
});
