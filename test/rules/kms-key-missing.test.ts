import { strict as assert } from 'assert';
import { analyze, applyFix, assertFmtKeptClean, hcl, one, r, rulesConfig, assertFixKeepsStyle } from './ruleKit';

const ID = 'kms-key-missing';

const NO_KEY = hcl([
  'resource "aws_kinesis_stream" "events" {',
  '  name            = "events"',
  '  shard_count     = 2',
  '  encryption_type = "KMS"',
  '}',
]);

const FIXED = hcl([
  'resource "aws_kinesis_stream" "events" {',
  '  name            = "events"',
  '  shard_count     = 2',
  '  encryption_type = "KMS"',
  '',
  '  kms_key_id = "alias/aws/kinesis"',
  '}',
]);

describe('rule kms-key-missing', () => {
  describe('fires', () => {
    it('on the "KMS" value when kms_key_id is absent', async () => {
      const f = one(await analyze({ 'main.tf': NO_KEY }), ID);
      assert.equal(f.severity, 'error');
      assert.deepEqual(f.range, r(3, 20, 3, 25));
      assert.equal(f.message, 'encryption_type = "KMS" with no kms_key_id: apply fails');
      assert.equal(f.detail, 'terraform plan passes and apply fails. Name a key (or "alias/aws/kinesis").');
    });

    it('on kms_key_id when it is an empty string, with a fix that names the AWS-managed key', async () => {
      const main = NO_KEY.replace('"KMS"\n', '"KMS"\n  kms_key_id      = ""\n');
      const f = one(await analyze({ 'main.tf': main }), ID);
      assert.deepEqual(f.range, r(4, 20, 4, 22));
      assert.match(f.message, /with an empty kms_key_id:/);
      const { files } = await applyFix({ 'main.tf': main }, ID);
      assert.equal(files['main.tf'], main.replace('""', '"alias/aws/kinesis"'));
    });

    it('on kms_key_id = null (Terraform\'s "not set")', async () => {
      const main = NO_KEY.replace('"KMS"\n', '"KMS"\n  kms_key_id      = null\n');
      const f = one(await analyze({ 'main.tf': main }), ID);
      assert.deepEqual(f.range, r(4, 20, 4, 24));
      assert.match(f.message, /with a null kms_key_id:/);
    });

    it('once for count = 3, naming 3 instances', async () => {
      const main = NO_KEY.replace('  name ', '  count           = 3\n  name ');
      const f = one(await analyze({ 'main.tf': main }), ID);
      assert.deepEqual(f.range, r(4, 20, 4, 25));
      assert.match(f.message, / \(3 instances\)$/);
      assert.match(f.detail!, /Instances: aws_kinesis_stream\.events\[0\], aws_kinesis_stream\.events\[1\], aws_kinesis_stream\.events\[2\]\.$/);
    });

    it('on the caller\'s argument when a module caller sets "KMS"', async () => {
      const files = {
        'main.tf': hcl(['module "m" {', '  source     = "./mod"', '  encryption = "KMS"', '}']),
        'mod/main.tf': hcl([
          'variable "encryption" {',
          '  type    = string',
          '  default = "NONE"',
          '}',
          '',
          'resource "aws_kinesis_stream" "this" {',
          '  name            = "events"',
          '  shard_count     = 1',
          '  encryption_type = var.encryption',
          '}',
        ]),
      };
      const f = one(await analyze(files), ID);
      assert.equal(f.file, '/ws/main.tf');
      assert.deepEqual(f.range, r(2, 15, 2, 20));
      // The key goes into the module's resource, where kms_key_id belongs.
      assert.deepEqual(f.fixes[0].edits.map((e) => e.file), ['/ws/mod/main.tf']);
    });
  });

  describe('stays silent', () => {
    it('when a key is named', async () => {
      const main = NO_KEY.replace('"KMS"\n', '"KMS"\n  kms_key_id      = "alias/my-key"\n');
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });

    it('when the key is a resource attribute (known only at apply)', async () => {
      const main = NO_KEY.replace('"KMS"\n', '"KMS"\n  kms_key_id      = aws_kms_key.k.arn\n');
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });

    it('when the key is a variable with no default', async () => {
      const main = NO_KEY.replace('"KMS"\n', '"KMS"\n  kms_key_id      = var.key\n') + '\nvariable "key" {\n  type = string\n}\n';
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });

    it('when encryption_type is unknown (a data source)', async () => {
      const main = NO_KEY.replace('"KMS"', 'data.aws_ssm_parameter.enc.value');
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });

    it('when encryption_type is "NONE" (missing-kms covers it)', async () => {
      const main = NO_KEY.replace('"KMS"', '"NONE"');
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });
  });

  describe('fix', () => {
    it('adds kms_key_id = "alias/aws/kinesis" as its own group', async () => {
      const f = one(await analyze({ 'main.tf': NO_KEY }), ID);
      assert.equal(f.fixes[0].title, 'Add kms_key_id = "alias/aws/kinesis"');
      const { files, after } = await applyFix({ 'main.tf': NO_KEY }, ID);
      assert.equal(files['main.tf'], FIXED);
      assert.deepEqual(after.of('missing-kms'), []);
    });

    it('terraform fmt accepts the fixed file', function () {
      assertFmtKeptClean(this, NO_KEY, FIXED);
    });

    it('expands a one-line block', async () => {
      const { files } = await applyFix({ 'main.tf': 'resource "aws_kinesis_stream" "x" { encryption_type = "KMS" }\n' }, ID);
      assert.equal(files['main.tf'], hcl([
        'resource "aws_kinesis_stream" "x" {',
        '  encryption_type = "KMS"',
        '',
        '  kms_key_id = "alias/aws/kinesis"',
        '}',
      ]));
    });

    it('keeps CRLF line endings and tab indentation', async () => {
      await assertFixKeepsStyle(ID, NO_KEY, FIXED);
    });

    it('adds the key after a nested block that ends the body', async () => {
      const main = hcl([
        'resource "aws_kinesis_stream" "x" {',
        '  name            = "a"',
        '  encryption_type = "KMS"',
        '',
        '  stream_mode_details {',
        '    stream_mode = "ON_DEMAND"',
        '  }',
        '}',
      ]);
      const { files } = await applyFix({ 'main.tf': main }, ID);
      assert.equal(files['main.tf'], main.replace('  }\n}\n', '  }\n\n  kms_key_id = "alias/aws/kinesis"\n}\n'));
    });
  });

  describe('configuration and suppression', () => {
    it('severity "warning" from the config', async () => {
      const f = one(await analyze({ 'main.tf': NO_KEY, '.kinesis-lint.json': rulesConfig({ [ID]: 'warning' }) }), ID);
      assert.equal(f.severity, 'warning');
    });

    it('"off" disables it', async () => {
      assert.deepEqual((await analyze({ 'main.tf': NO_KEY, '.kinesis-lint.json': rulesConfig({ [ID]: 'off' }) })).of(ID), []);
    });

    it('an ignore comment above the encryption_type line silences it', async () => {
      const main = NO_KEY.replace('  encryption_type', `  # kinesis-lint-ignore: ${ID} key added by a later pipeline\n  encryption_type`);
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });

    it('an ignore comment above the resource silences it', async () => {
      assert.deepEqual((await analyze({ 'main.tf': `# kinesis-lint-ignore: ${ID} reason\n${NO_KEY}` })).of(ID), []);
    });
  });
});
