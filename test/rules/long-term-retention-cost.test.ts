import { strict as assert } from 'assert';
import { analyze, applyFix, assertFmtKeptClean, hcl, one, r, rulesConfig, assertFixKeepsStyle } from './ruleKit';

const ID = 'long-term-retention-cost';

function provisioned(retention: string, annotation = '', shards = '3', extra: string[] = []): string {
  return hcl([
    ...(annotation ? [`# kinesis-lint: ${annotation}`] : []),
    'resource "aws_kinesis_stream" "audit" {',
    ...extra,
    '  name             = "audit"',
    `  shard_count      = ${shards}`,
    `  retention_period = ${retention}`,
    '  encryption_type  = "KMS"',
    '  kms_key_id       = "alias/my-key"',
    '}',
  ]);
}

const LOAD = 'write_mib_per_sec=2 avg_utilization=0.5';
const THIRTY_DAYS = provisioned('720', LOAD);
const FIXED = provisioned('168', LOAD);
const TAIL = '; reading data older than 7 days is billed per GB. Consider 168 h and an archive (e.g. Firehose to S3).';

describe('rule long-term-retention-cost', () => {
  describe('fires', () => {
    it('on the value, with both amounts: 3 × 730 h × $0.020 = $43.80 and 1 MiB/s × 552 h = 1,940.625 GB × $0.023 = $44.63', async () => {
      const f = one(await analyze({ 'main.tf': THIRTY_DAYS }), ID);
      assert.equal(f.severity, 'warning');
      assert.deepEqual(f.range, r(4, 21, 4, 24));
      assert.equal(f.message, 'Retention 720 h (30 days) adds $88.43/mo');
      assert.equal(
        f.detail,
        'Storing data older than 7 days costs $44.63/month for long-term retention (over 7 days); ' +
          'any retention over 24 h adds $43.80/month for extended retention (over 24 h)' + TAIL,
      );
    });

    it('with a declared replay volume: 100 GiB × $0.021 = $2.10 for reading it back, in the message and the amount', async () => {
      const f = one(await analyze({ 'main.tf': provisioned('720', `${LOAD} replay_gib_per_month=100`) }), ID);
      assert.equal(f.message, 'Retention 720 h (30 days) adds $90.53/mo');
      assert.equal(
        f.detail,
        'Storing data older than 7 days costs $44.63/month for long-term retention (over 7 days); ' +
          'any retention over 24 h adds $43.80/month for extended retention (over 24 h); reading it back adds $2.10/month for long-term data retrieval ' +
          '(data older than 7 days). Consider 168 h and an archive (e.g. Firehose to S3).',
      );
      // The amount for all instances counts the reads: 2 × (1,940.625 GB × $0.023 + 2,190 shard-hours × $0.02 + 100 GB × $0.021)
      const twice = (annotation: string) => analyze({ 'main.tf': provisioned('720', annotation, '3', ['  count            = 2']) });
      assert.match(one(await twice(`${LOAD} replay_gib_per_month=100`), ID).message, /, \$181\.07\/mo in all\)$/);
      assert.match(one(await twice(LOAD), ID).message, /, \$176\.87\/mo in all\)$/);
    });

    it('without a load: the per-GB rate for the stored data', async () => {
      const f = one(await analyze({ 'main.tf': provisioned('720') }), ID);
      // Part of the amount is unknown: no figure in the message, the rates in the detail.
      assert.equal(f.message, 'Retention 720 h (30 days): data past 7 days is billed per GB');
      assert.equal(
        f.detail,
        'Storing data older than 7 days costs $0.023 per GB-month for long-term retention (over 7 days) ' +
          '(declare the write rate to see the monthly amount); any retention over 24 h adds $43.80/month for extended retention (over 24 h)' + TAIL,
      );
    });

    it('with an unknown shard count: says so instead of asking for the write rate', async () => {
      const main = provisioned('720', LOAD, 'var.shards') + '\nvariable "shards" {\n  type = number\n}\n';
      const f = one(await analyze({ 'main.tf': main }), ID);
      assert.equal(f.message, 'Retention 720 h (30 days): data past 7 days is billed per GB');
      assert.match(f.detail!, /costs \$44\.63\/month for long-term retention \(over 7 days\); any retention over 24 h adds \$0\.02 per shard-hour for extended retention \(over 24 h\) \(the shard count is unknown\);/);
    });

    it('on-demand: 2 MiB/s × 144 h = 1,012.5 GB × $0.10 = $101.25 plus 2 MiB/s × 232 h = 1,631.25 GB × $0.023 = $37.52', async () => {
      const main = hcl([
        '# kinesis-lint: write_mib_per_sec=2',
        'resource "aws_kinesis_stream" "audit" {',
        '  name             = "audit"',
        '  retention_period = 400',
        '',
        '  stream_mode_details {',
        '    stream_mode = "ON_DEMAND"',
        '  }',
        '}',
      ]);
      const f = one(await analyze({ 'main.tf': main }), ID);
      assert.deepEqual(f.range, r(3, 21, 3, 24));
      assert.equal(f.message, 'Retention 400 h (17 days) adds $138.77/mo');
      assert.match(f.detail!, /^Storing data older than 7 days costs \$37\.52\/month for long-term retention \(over 7 days\); any retention over 24 h adds \$101\.25\/month for extended retention \(24 h to 7 days\);/);
    });

    it('from 169 h up to 8,760 h', async () => {
      assert.equal((await analyze({ 'main.tf': provisioned('169') })).of(ID).length, 1);
      const f = one(await analyze({ 'main.tf': provisioned('8760') }), ID);
      assert.match(f.message, /^Retention 8760 h \(365 days\)/);
    });

    it('once for count = 3, naming the instances, the amount of one and the total', async () => {
      const f = one(await analyze({ 'main.tf': provisioned('720', LOAD, '3', ['  count = 3', '']) }), ID);
      assert.deepEqual(f.range, r(6, 21, 6, 24));
      assert.equal(f.message, 'Retention 720 h (30 days) adds $88.43/mo (3 instances, $265.30/mo in all)');
      assert.match(f.detail!, /long-term retention \(over 7 days\); any retention over 24 h adds \$43\.80\/month .* Instances: aws_kinesis_stream\.audit\[0\], aws_kinesis_stream\.audit\[1\], aws_kinesis_stream\.audit\[2\]\.$/);
    });

    it('on the module caller\'s retention argument; the fix edits it there', async () => {
      const files = {
        'main.tf': hcl(['module "m" {', '  source    = "./mod"', '  retention = 720', '}']),
        'mod/main.tf': hcl(['variable "retention" {', '  type    = number', '  default = 24', '}', '', provisioned('var.retention')]),
      };
      const f = one(await analyze(files), ID);
      assert.equal(f.file, '/ws/main.tf');
      assert.deepEqual(f.range, r(2, 14, 2, 17));
      assert.equal(f.fixes[0].title, 'Set retention_period = 168 in main.tf:3');
      const fixed = await applyFix(files, ID);
      assert.equal(fixed.files['main.tf'], files['main.tf'].replace('720', '168'));
      assert.equal(fixed.files['mod/main.tf'], files['mod/main.tf']);
      // 168 h is still extended retention: that rule takes over, on the same argument.
      assert.deepEqual(fixed.after.of('extended-retention-cost').map((x) => x.range), [r(2, 14, 2, 17)]);
    });
  });

  describe('stays silent', () => {
    it('at 168 h', async () => {
      assert.deepEqual((await analyze({ 'main.tf': FIXED })).of(ID), []);
    });

    it('above the provider maximum (invalid-argument reports it)', async () => {
      const res = await analyze({ 'main.tf': provisioned('9000') });
      assert.deepEqual(res.of(ID), []);
      assert.equal(res.of('invalid-argument').length, 1);
    });

    it('when retention_period is a variable with no default', async () => {
      const main = provisioned('var.retention') + '\nvariable "retention" {\n  type = number\n}\n';
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });

    it('when retention_period comes from a data source', async () => {
      assert.deepEqual((await analyze({ 'main.tf': provisioned('data.aws_ssm_parameter.r.value') })).of(ID), []);
    });
  });

  describe('fix (an editor suggestion)', () => {
    it('sets retention_period = 168', async () => {
      const f = one(await analyze({ 'main.tf': THIRTY_DAYS }), ID);
      assert.equal(f.fixes[0].title, 'Set retention_period = 168 (\u2212$44.63/mo)');
      assert.equal(f.fixes[0].isSuggestion, true);
      const { files } = await applyFix({ 'main.tf': THIRTY_DAYS }, ID);
      assert.equal(files['main.tf'], FIXED);
    });

    it('terraform fmt accepts the fixed file', function () {
      assertFmtKeptClean(this, THIRTY_DAYS, FIXED);
    });

    it('replaces only the number: CRLF and tabs stay', async () => {
      await assertFixKeepsStyle(ID, THIRTY_DAYS, FIXED);
    });

    it('in a one-line block', async () => {
      const main = 'resource "aws_kinesis_stream" "x" { retention_period = 720 }\n';
      const { files } = await applyFix({ 'main.tf': main }, ID);
      assert.equal(files['main.tf'], main.replace('720', '168'));
    });
  });

  describe('configuration and suppression', () => {
    it('severity "error" from the config; "off" disables it', async () => {
      const err = one(await analyze({ 'main.tf': THIRTY_DAYS, '.kinesis-lint.json': rulesConfig({ [ID]: 'error' }) }), ID);
      assert.equal(err.severity, 'error');
      assert.deepEqual((await analyze({ 'main.tf': THIRTY_DAYS, '.kinesis-lint.json': rulesConfig({ [ID]: 'off' }) })).of(ID), []);
    });

    it('an ignore comment above the retention line silences it, and only it', async () => {
      const main = THIRTY_DAYS.replace('  retention_period', `  # kinesis-lint-ignore: ${ID} auditors asked for 30 days\n  retention_period`);
      const res = await analyze({ 'main.tf': main });
      assert.deepEqual(res.of(ID), []);
      assert.deepEqual(res.of('invalid-annotation'), []);
    });
  });
});
