import { strict as assert } from 'assert';
import { analyze, applyFix, assertFmtKeptClean, hcl, one, r, rulesConfig, assertFixKeepsStyle } from './ruleKit';

const ID = 'oversized-shards';

function stream(annotation: string, shards: string, extra: string[] = []): string {
  return hcl([
    ...(annotation ? [`# kinesis-lint: ${annotation}`] : []),
    'resource "aws_kinesis_stream" "audit" {',
    ...extra,
    '  name            = "audit"',
    `  shard_count     = ${shards}`,
    '  encryption_type = "KMS"',
    '  kms_key_id      = "alias/my-key"',
    '}',
  ]);
}

// Required: write bytes ceil(1 / 0.8) = 2, records ceil(500 / 800) = 1, shared reads ceil(1 × 1 / 1.6) = 1 → 2.
const LOAD = 'write_mib_per_sec=1 records_per_sec=500 consumers=1';
const TEN = stream(LOAD, '10');
const TWO = stream(LOAD, '2');

describe('rule oversized-shards', () => {
  describe('fires', () => {
    it('on the shard_count value, with the saving: (10 − 2) × 730 h × $0.015 = $87.60/month', async () => {
      const f = one(await analyze({ 'main.tf': TEN }), ID);
      assert.equal(f.severity, 'info');
      assert.deepEqual(f.range, r(3, 20, 3, 22));
      assert.equal(f.message, '10 shards, load needs 2: $87.60/mo idle');
      assert.equal(
        f.detail,
        'At the 80 % target utilisation write bytes (1 MiB/s against 1 MiB/s per shard) sets the number: ' +
          '2 shards would save $87.60/month (AWS resizes at most ×2 or ÷2 per update: apply 10 → 5 → 3 → 2).',
      );
      // The fix's title: the saving priced with shard_count = 2.
      assert.equal(f.fixes[0].title, 'Set shard_count = 2 (\u2212$87.60/mo)');
    });

    it('counts extended retention in the saving: 8 × 730 h × ($0.015 + $0.020) = $204.40/month', async () => {
      const main = stream(LOAD, '10').replace('  encryption_type', '  retention_period = 48\n  encryption_type');
      const f = one(await analyze({ 'main.tf': main }), ID);
      assert.equal(f.message, '10 shards, load needs 2: $204.40/mo idle');
      assert.match(f.detail!, /2 shards would save \$204\.40\/month \(AWS resizes at most ×2 or ÷2 per update: apply 10 → 5 → 3 → 2\)\.$/);
    });

    it('just above the factor: 5 shards > 2 × 2', async () => {
      assert.equal((await analyze({ 'main.tf': stream(LOAD, '5') })).of(ID).length, 1);
    });

    it('with a configured oversized_factor: 10 shards ≤ 5 × 2 is fine, 11 is not', async () => {
      const config = JSON.stringify({ thresholds: { oversized_factor: 5 } });
      assert.deepEqual((await analyze({ 'main.tf': TEN, '.kinesis-lint.json': config })).of(ID), []);
      assert.equal((await analyze({ 'main.tf': stream(LOAD, '11'), '.kinesis-lint.json': config })).of(ID).length, 1);
    });

    it('once for count = 3: names the 3 instances, the saving of one and the total', async () => {
      const f = one(await analyze({ 'main.tf': stream(LOAD, '10', ['  count = 3', '']) }), ID);
      assert.deepEqual(f.range, r(5, 20, 5, 22));
      assert.equal(f.message, '10 shards, load needs 2: $87.60/mo idle (3 instances, $262.80/mo in all)');
      assert.match(f.detail!, /2 shards would save \$87\.60\/month \(AWS resizes at most ×2 or ÷2 per update: apply 10 → 5 → 3 → 2\)\. Instances: aws_kinesis_stream\.audit\[0\], aws_kinesis_stream\.audit\[1\], aws_kinesis_stream\.audit\[2\]\.$/);
    });

    it('on the module caller\'s argument', async () => {
      const files = {
        'main.tf': hcl(['module "m" {', '  source = "./mod"', '  shards = 10', '}']),
        'mod/main.tf': hcl(['variable "shards" {', '  type = number', '}', '', stream(LOAD, 'var.shards')]),
      };
      const f = one(await analyze(files), ID);
      assert.equal(f.file, '/ws/main.tf');
      assert.deepEqual(f.range, r(2, 11, 2, 13));
      const fixed = await applyFix(files, ID);
      assert.equal(fixed.files['main.tf'], files['main.tf'].replace('10', '2'));
    });
  });

  describe('stays silent', () => {
    it('at exactly twice the need (4 shards for 2)', async () => {
      assert.deepEqual((await analyze({ 'main.tf': stream(LOAD, '4') })).of(ID), []);
    });

    it('without a declared load', async () => {
      assert.deepEqual((await analyze({ 'main.tf': stream('', '10') })).of(ID), []);
    });

    it('when shard_count is unknown (a variable with no default)', async () => {
      const main = stream(LOAD, 'var.shards') + '\nvariable "shards" {\n  type = number\n}\n';
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });

    it('when a reader points at a stream ARN it cannot resolve (readers may be missing from the count)', async () => {
      const main = TEN + hcl([
        '',
        'resource "aws_lambda_event_source_mapping" "reader" {',
        '  event_source_arn  = data.aws_kinesis_stream.other.arn',
        '  function_name     = "reader"',
        '  starting_position = "LATEST"',
        '}',
      ]);
      // A data source is another resource, not an unknown reader of ours: the count stays complete.
      assert.equal((await analyze({ 'main.tf': main })).of(ID).length, 1);
      const unknown = main.replace('data.aws_kinesis_stream.other.arn', 'var.source_arn') + '\nvariable "source_arn" {\n  type = string\n}\n';
      assert.deepEqual((await analyze({ 'main.tf': unknown })).of(ID), []);
    });

    it('on an ON_DEMAND stream', async () => {
      const main = hcl([
        `# kinesis-lint: ${LOAD}`,
        'resource "aws_kinesis_stream" "audit" {',
        '  name = "audit"',
        '',
        '  stream_mode_details {',
        '    stream_mode = "ON_DEMAND"',
        '  }',
        '}',
      ]);
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });
  });

  describe('fix', () => {
    it('sets shard_count to the required number', async () => {
      const { files, after } = await applyFix({ 'main.tf': TEN }, ID);
      assert.equal(files['main.tf'], TWO);
      assert.deepEqual(after.of('undersized-shards'), []);
    });

    it('terraform fmt accepts the fixed file', function () {
      assertFmtKeptClean(this, TEN, TWO);
    });

    it('keeps CRLF and tabs', async () => {
      await assertFixKeepsStyle(ID, TEN, TWO);
    });

    it('in a one-line block', async () => {
      const main = `# kinesis-lint: ${LOAD}\nresource "aws_kinesis_stream" "x" { shard_count = 10 }\n`;
      const { files } = await applyFix({ 'main.tf': main }, ID);
      assert.equal(files['main.tf'], main.replace('= 10', '= 2'));
    });
  });

  describe('configuration and suppression', () => {
    it('severity "warning" from the config', async () => {
      const f = one(await analyze({ 'main.tf': TEN, '.kinesis-lint.json': rulesConfig({ [ID]: 'warning' }) }), ID);
      assert.equal(f.severity, 'warning');
    });

    it('"off" disables it', async () => {
      assert.deepEqual((await analyze({ 'main.tf': TEN, '.kinesis-lint.json': rulesConfig({ [ID]: 'off' }) })).of(ID), []);
    });

    it('an ignore comment at the end of the shard_count line silences it', async () => {
      const main = TEN.replace('= 10', `= 10 # kinesis-lint-ignore: ${ID} pre-scaled for launch`);
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });
  });
});
