import { strict as assert } from 'assert';
import { analyze, applyFix, assertFmtKeptClean, hcl, one, r, rulesConfig, assertFixKeepsStyle, crlfTabs } from './ruleKit';

const ID = 'missing-kms';

const ABSENT = hcl([
  'resource "aws_kinesis_stream" "events" {',
  '  name        = "events"',
  '  shard_count = 2',
  '}',
]);

const NONE = hcl([
  'resource "aws_kinesis_stream" "audit" {',
  '  name            = "audit"',
  '  shard_count     = 1',
  '  encryption_type = "NONE"',
  '}',
]);

const ABSENT_FIXED = hcl([
  'resource "aws_kinesis_stream" "events" {',
  '  name        = "events"',
  '  shard_count = 2',
  '',
  '  encryption_type = "KMS"',
  '  kms_key_id      = "alias/aws/kinesis"',
  '}',
]);

const NONE_FIXED = hcl([
  'resource "aws_kinesis_stream" "audit" {',
  '  name            = "audit"',
  '  shard_count     = 1',
  '  encryption_type = "KMS"',
  '',
  '  kms_key_id = "alias/aws/kinesis"',
  '}',
]);

describe('rule missing-kms', () => {
  describe('fires', () => {
    it('on the resource header when encryption_type is absent', async () => {
      const f = one(await analyze({ 'main.tf': ABSENT }), ID);
      assert.equal(f.severity, 'error');
      assert.deepEqual(f.range, r(0, 0, 0, 38));
      assert.equal(f.file, '/ws/main.tf');
      assert.equal(f.resource, 'aws_kinesis_stream.events');
      assert.equal(f.message, 'Not encrypted at rest: encryption_type is unset (default "NONE")');
      assert.match(f.detail!, /Set encryption_type = "KMS"/);
    });

    it('on the value when encryption_type is "NONE"', async () => {
      const f = one(await analyze({ 'main.tf': NONE }), ID);
      assert.deepEqual(f.range, r(3, 20, 3, 26));
      assert.equal(f.message, 'Not encrypted at rest: encryption_type is "NONE"');
    });

    it('on the variable reference when a variable default says "NONE"', async () => {
      const main = hcl([
        'variable "encryption" {',
        '  type    = string',
        '  default = "NONE"',
        '}',
        '',
        'resource "aws_kinesis_stream" "audit" {',
        '  name            = "audit"',
        '  shard_count     = 1',
        '  encryption_type = var.encryption',
        '}',
      ]);
      const f = one(await analyze({ 'main.tf': main }), ID);
      assert.deepEqual(f.range, r(8, 20, 8, 34));
      // The fix edits the literal that decides the value: the default.
      assert.deepEqual(f.fixes[0].edits[0].range, r(2, 12, 2, 18));
    });

    it('once for a stream with count = 3, naming the 3 instances', async () => {
      const main = hcl([
        'resource "aws_kinesis_stream" "events" {',
        '  count       = 3',
        '  name        = "events-${count.index}"',
        '  shard_count = 2',
        '}',
      ]);
      const f = one(await analyze({ 'main.tf': main }), ID);
      assert.deepEqual(f.range, r(0, 0, 0, 38));
      assert.match(f.message, / \(3 instances\)$/);
      assert.match(f.detail!, /Instances: aws_kinesis_stream\.events\[0\], aws_kinesis_stream\.events\[1\], aws_kinesis_stream\.events\[2\]\.$/);
    });

    it('on the module caller\'s argument when the caller passes "NONE"', async () => {
      const files = {
        'main.tf': hcl(['module "m" {', '  source     = "./mod"', '  encryption = "NONE"', '}']),
        'mod/main.tf': hcl([
          'variable "encryption" {',
          '  type    = string',
          '  default = "KMS"',
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
      assert.deepEqual(f.range, r(2, 15, 2, 21));
      assert.equal(f.resource, 'module.m.aws_kinesis_stream.this');
    });
  });

  describe('stays silent', () => {
    it('on a stream encrypted with KMS', async () => {
      const main = hcl([
        'resource "aws_kinesis_stream" "events" {',
        '  name            = "events"',
        '  shard_count     = 2',
        '  encryption_type = "KMS"',
        '  kms_key_id      = "alias/my-key"',
        '}',
      ]);
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });

    it('on a block the parser rejects (its arguments are unreadable, not absent)', async () => {
      const main = ABSENT.replace('  shard_count = 2\n}', '  shard_count = 2 }');
      const res = await analyze({ 'main.tf': main });
      assert.equal(res.of('syntax-error').length, 1);
      assert.deepEqual(res.of(ID), []);
    });

    for (const [what, value, extra] of [
      ['a variable with no default', 'var.encryption', 'variable "encryption" {\n  type = string\n}\n'],
      ['a resource attribute', 'aws_ssm_parameter.enc.value', ''],
      ['a data source', 'data.aws_ssm_parameter.enc.value', ''],
      ['a local built from an unknown value', 'local.enc', 'locals {\n  enc = upper(var.mode)\n}\n\nvariable "mode" {\n  type = string\n}\n'],
    ]) {
      it(`when encryption_type is ${what}`, async () => {
        const main = hcl([
          'resource "aws_kinesis_stream" "events" {',
          '  name            = "events"',
          '  shard_count     = 2',
          `  encryption_type = ${value}`,
          '  kms_key_id      = "alias/my-key"',
          '}',
        ]) + (extra ? `\n${extra}` : '');
        const res = await analyze({ 'main.tf': main });
        assert.deepEqual(res.of('syntax-error'), []);
        assert.deepEqual(res.of(ID), []);
      });
    }
  });

  describe('fix', () => {
    it('adds encryption_type and the AWS-managed key as their own group when encryption_type is absent', async () => {
      const f = one(await analyze({ 'main.tf': ABSENT }), ID);
      assert.equal(f.fixes[0].title, 'Encrypt with KMS (encryption_type = "KMS", kms_key_id = "alias/aws/kinesis")');
      assert.equal(f.fixes[0].preferred, true);
      const { files, after } = await applyFix({ 'main.tf': ABSENT }, ID);
      assert.equal(files['main.tf'], ABSENT_FIXED);
      // The fixed stream now uses the AWS-managed key, which the info rule notes.
      assert.equal(after.of('aws-managed-kms-key').length, 1);
      assert.deepEqual(after.of('kms-key-missing'), []);
    });

    it('replaces "NONE" and adds kms_key_id', async () => {
      const { files } = await applyFix({ 'main.tf': NONE }, ID);
      assert.equal(files['main.tf'], NONE_FIXED);
    });

    it('adds only encryption_type when kms_key_id is already set', async () => {
      const main = hcl([
        'resource "aws_kinesis_stream" "events" {',
        '  name       = "events"',
        '  kms_key_id = "alias/my-key"',
        '  shard_count = 2',
        '}',
      ]);
      const { files } = await applyFix({ 'main.tf': main }, ID);
      assert.equal(files['main.tf'], main.replace('  shard_count = 2\n', '  shard_count = 2\n\n  encryption_type = "KMS"\n'));
    });

    it('terraform fmt accepts the fixed files', function () {
      assertFmtKeptClean(this, ABSENT, ABSENT_FIXED);
      assertFmtKeptClean(this, NONE, NONE_FIXED);
    });

    it('expands a one-line block before adding the arguments', async () => {
      const { files } = await applyFix({ 'main.tf': 'resource "aws_kinesis_stream" "x" { name = "a" }\n' }, ID);
      assert.equal(files['main.tf'], hcl([
        'resource "aws_kinesis_stream" "x" {',
        '  name = "a"',
        '',
        '  encryption_type = "KMS"',
        '  kms_key_id      = "alias/aws/kinesis"',
        '}',
      ]));
    });

    it('expands a one-line block with tabs in a tab-indented file, with spaces where the file has no indented line', async () => {
      const ONE_LINE = 'resource "aws_kinesis_stream" "x" { name = "a" }\n';
      const TABBED = hcl(['variable "n" {', '  type = number', '}', '']) + ONE_LINE;
      const expanded = hcl([
        'resource "aws_kinesis_stream" "x" {',
        '  name = "a"',
        '',
        '  encryption_type = "KMS"',
        '  kms_key_id      = "alias/aws/kinesis"',
        '}',
      ]);
      const tabs = crlfTabs(TABBED);
      assert.ok(tabs.includes('\ttype = number'));
      assert.equal((await applyFix({ 'main.tf': tabs }, ID)).files['main.tf'], crlfTabs(hcl(['variable "n" {', '  type = number', '}', '']) + expanded));
      assert.equal((await applyFix({ 'main.tf': ONE_LINE }, ID)).files['main.tf'], expanded);
    });

    it('writes CRLF and tabs into a CRLF, tab-indented file', async () => {
      await assertFixKeepsStyle(ID, ABSENT, ABSENT_FIXED);
    });

    it('in a module: replaces the caller\'s "NONE" and adds the key in the module', async () => {
      const files = {
        'main.tf': hcl(['module "m" {', '  source     = "./mod"', '  encryption = "NONE"', '}']),
        'mod/main.tf': hcl([
          'variable "encryption" {',
          '  type = string',
          '}',
          '',
          'resource "aws_kinesis_stream" "this" {',
          '  name            = "events"',
          '  shard_count     = 1',
          '  encryption_type = var.encryption',
          '}',
        ]),
      };
      const fixed = await applyFix(files, ID);
      assert.equal(fixed.files['main.tf'], files['main.tf'].replace('"NONE"', '"KMS"'));
      assert.equal(fixed.files['mod/main.tf'], files['mod/main.tf'].replace('var.encryption\n', 'var.encryption\n\n  kms_key_id = "alias/aws/kinesis"\n'));
    });
  });

  describe('configuration and suppression', () => {
    it('takes its severity from .kinesis-lint.json', async () => {
      const f = one(await analyze({ 'main.tf': ABSENT, '.kinesis-lint.json': rulesConfig({ [ID]: 'error' }) }), ID);
      assert.equal(f.severity, 'error');
    });

    it('is turned off by "off"', async () => {
      const res = await analyze({ 'main.tf': ABSENT, '.kinesis-lint.json': rulesConfig({ [ID]: 'off' }) });
      assert.deepEqual(res.of(ID), []);
      assert.deepEqual(res.of('invalid-config'), []);
    });

    it('is silenced by an ignore comment above the resource', async () => {
      const res = await analyze({ 'main.tf': `# kinesis-lint-ignore: ${ID} public test data\n${ABSENT}` });
      assert.deepEqual(res.of(ID), []);
      assert.deepEqual(res.of('invalid-annotation'), []);
    });

    it('is silenced by an ignore comment at the end of the encryption_type line', async () => {
      const res = await analyze({ 'main.tf': NONE.replace('"NONE"\n', `"NONE" # kinesis-lint-ignore: ${ID} public data\n`) });
      assert.deepEqual(res.of(ID), []);
    });

    it('is not silenced by an ignore comment for another rule', async () => {
      const res = await analyze({ 'main.tf': `# kinesis-lint-ignore: kms-key-missing reason\n${ABSENT}` });
      assert.equal(res.of(ID).length, 1);
    });
  });
});
