import { strict as assert } from 'assert';
import { analyze, hcl, one, r, rulesConfig } from './ruleKit';

const ID = 'syntax-error';

// The one-line variable block with two arguments from a popular cheat sheet: Terraform rejects it.
const CHEAT_SHEET = hcl([
  'variable "name"        { type = string }',
  'variable "shards"      { type = number default = 2 }',
]);

describe('rule syntax-error', () => {
  describe('fires', () => {
    it('on the token the parser names, with its summary and detail', async () => {
      const f = one(await analyze({ 'main.tf': CHEAT_SHEET }), ID);
      assert.equal(f.severity, 'error');
      assert.equal(f.file, '/ws/main.tf');
      assert.deepEqual(f.range, r(1, 39, 1, 46));
      // Terraform's summary is the message; its detail is the finding's detail.
      assert.equal(f.message, 'Invalid single-argument block definition');
      assert.equal(f.detail, 'A single-line block definition must end with a closing brace immediately after its single argument definition.');
      assert.equal(f.resource, null);
      assert.deepEqual(f.fixes, []);
    });

    it('in UTF-16 columns after an emoji and an accent', async () => {
      const main = hcl(['resource "aws_kinesis_stream" "a" {', '  name = "🚀é" shard_count = 1', '}']);
      const f = one(await analyze({ 'main.tf': main }), ID);
      assert.deepEqual(f.range, r(1, 15, 1, 26));
      assert.match(f.message, /^Missing newline after argument/);
    });

    it('in terraform.tfvars', async () => {
      const res = await analyze({ 'main.tf': 'variable "retention" {\n  default = 24\n}\n', 'terraform.tfvars': 'retention = \n' });
      const f = one(res, ID);
      assert.equal(f.file, '/ws/terraform.tfvars');
      assert.match(f.message, /^Invalid expression/);
    });

    it('while the other blocks of the file are still checked, and the broken one is not', async () => {
      const main = hcl([
        'resource "aws_kinesis_stream" "broken" {',
        '  name = "a" shard_count = 1',
        '}',
        '',
        'resource "aws_kinesis_stream" "fine" {',
        '  name = "b"',
        '}',
      ]);
      const res = await analyze({ 'main.tf': main });
      assert.equal(res.of(ID).length, 1);
      assert.deepEqual([...new Set(res.findings.filter((f) => f.ruleId !== ID).map((f) => f.resource))], ['aws_kinesis_stream.fine']);
    });
  });

  describe('stays silent', () => {
    it('on valid HCL, including a one-line block with one argument', async () => {
      const main = hcl(['variable "name" { type = string }', '', 'variable "shards" {', '  type    = number', '  default = 2', '}']);
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });
  });

  describe('configuration and suppression', () => {
    it('severity "warning" from the config; "off" disables it', async () => {
      const warn = one(await analyze({ 'main.tf': CHEAT_SHEET, '.kinesis-lint.json': rulesConfig({ [ID]: 'warning' }) }), ID);
      assert.equal(warn.severity, 'warning');
      assert.deepEqual((await analyze({ 'main.tf': CHEAT_SHEET, '.kinesis-lint.json': rulesConfig({ [ID]: 'off' }) })).of(ID), []);
    });

    it('an ignore-file comment silences it', async () => {
      assert.deepEqual((await analyze({ 'main.tf': `# kinesis-lint-ignore-file: ${ID}\n${CHEAT_SHEET}` })).of(ID), []);
    });
  });
});
