// Syntax errors through the whole pipeline: exact UTF-16 ranges, values recovered block by block so one broken
// block does not silence the rest of its file, other files unaffected, and bad variable or config files reported
// at the offending token.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ENCRYPTED, analyze, brief, briefs, hcl, r, report, stream } from '../model/kit';

const SEED = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'seed', 'main.tf'), 'utf8');
const NONE = (name: string) => stream(name, `  name            = "${name}"`, '  shard_count     = 1', '  encryption_type = "NONE"');

describe('pipeline: syntax errors', () => {
  it('the seed\'s one-line `variable "shards" { type = number default = 2 }`: exactly one error, on `default`', async () => {
    const alone = await analyze({ 'main.tf': 'variable "shards"      { type = number default = 2 }\n' });
    assert.deepEqual(briefs(alone, 'syntax-error'), [['syntax-error', 'main.tf', r(0, 39, 0, 46)]]);
    assert.match(alone.of('syntax-error')[0].message, /^Invalid single-argument block definition/);
    // In the seed file it is line 17; the `tags` variable two lines below has the same mistake.
    const seed = await analyze({ 'main.tf': SEED });
    const line = SEED.split('\n').findIndex((l) => l.startsWith('variable "shards"'));
    assert.equal(line, 17);
    assert.deepEqual(seed.of('syntax-error').filter((f) => f.range.start.line === 17).map((f) => f.range), [r(17, 39, 17, 46)]);
    assert.ok(seed.of('syntax-error').every((f) => [17, 19].includes(f.range.start.line)));
  });

  it('UTF-16 columns after multi-byte characters: astral, combining and ZWJ sequences', async () => {
    const res = await analyze({
      'a.tf': hcl('locals {', '  x = "ü😀é" y', '}'),
      'b.tf': hcl('locals {', '  x = "e\u0301👨‍👩‍👧" y', '}'),
    });
    assert.deepEqual(briefs(res, 'syntax-error'), [
      ['syntax-error', 'a.tf', r(1, 13, 1, 14)],
      ['syntax-error', 'b.tf', r(1, 19, 1, 20)],
    ]);
  });

  it('a lone CR is a line break to the editor, not to HCL: ranges still land on the error', async () => {
    // In a comment the CR is just text to HCL, which then counts one line less than the editor.
    const inComment = await analyze({ 'main.tf': 'locals {\n  # note\r more\n  b = = 2\n}\n' });
    assert.deepEqual(briefs(inComment, 'syntax-error'), [['syntax-error', 'main.tf', r(3, 6, 3, 7)]]);
    // Elsewhere HCL rejects the CR itself.
    const bare = await analyze({ 'main.tf': 'locals {\r  a = 1\n}\n' });
    assert.deepEqual(briefs(bare, 'syntax-error'), [['syntax-error', 'main.tf', r(0, 8, 1, 0)]]);
  });

  it('one broken block: the other blocks of the file still give their findings; other files unaffected', async () => {
    const res = await analyze({
      'main.tf': NONE('a') + hcl('locals {', '  x = = 1', '}') + NONE('b'),
      'other.tf': NONE('c'),
    });
    assert.deepEqual(briefs(res, 'syntax-error', 'missing-kms'), [
      ['missing-kms', 'main.tf', r(3, 20, 3, 26)],
      ['syntax-error', 'main.tf', r(6, 6, 6, 7)],
      ['missing-kms', 'main.tf', r(11, 20, 11, 26)],
      ['missing-kms', 'other.tf', r(3, 20, 3, 26)],
    ]);
  });

  it('an error inside a stream silences that stream only', async () => {
    const res = await analyze({
      'main.tf': stream('a', '  name            = "a"', '  retention_period = ', '  encryption_type = "NONE"') + NONE('b'),
    });
    assert.deepEqual(briefs(res, 'syntax-error', 'missing-kms'), [
      ['syntax-error', 'main.tf', r(2, 21, 3, 0)],
      ['missing-kms', 'main.tf', r(8, 20, 8, 26)],
    ]);
  });

  it('a half-typed stream at the end of the file gives no findings about what it lacks (regression)', async () => {
    const res = await analyze({ 'main.tf': NONE('a') + hcl('resource "aws_kinesis_stream" "b" {', '  name = "b"') });
    assert.deepEqual(res.findings.filter((f) => f.resource === 'aws_kinesis_stream.b'), []);
    assert.deepEqual(briefs(res, 'syntax-error', 'missing-kms'), [
      ['missing-kms', 'main.tf', r(3, 20, 3, 26)],
      ['syntax-error', 'main.tf', r(5, 34, 5, 35)],
    ]);
    assert.deepEqual(res.streams.map((s) => s.resource), ['aws_kinesis_stream.a', 'aws_kinesis_stream.b']);
  });

  it('values of a block that parses alone are used, with exact ranges, after an error earlier in the file', async () => {
    const res = await analyze({
      'main.tf': hcl('variable "x" { type = number default = 2 }', '# kinesis-lint: write_mib_per_sec=3') + stream('s', '  name        = "s"', '  shard_count = 1', ...ENCRYPTED),
    });
    assert.equal(report(res, 'aws_kinesis_stream.s').shardCount, 1);
    assert.deepEqual(briefs(res, 'syntax-error', 'undersized-shards'), [
      ['syntax-error', 'main.tf', r(0, 29, 0, 36)],
      ['undersized-shards', 'main.tf', r(4, 16, 4, 17)],
    ]);
  });

  it('a .tfvars.json that is not JSON: syntax-error at the bad token; its values are not used', async () => {
    const res = await analyze({
      'main.tf': stream('s', '  name        = "s"', '  shard_count = var.n', ...ENCRYPTED) + hcl('variable "n" {', '  default = 1', '}'),
      'terraform.tfvars.json': '{\n  "n": 2,\n  "m": oops\n}\n',
    });
    assert.deepEqual(res.findings.filter((f) => f.ruleId === 'syntax-error').map(brief), [['syntax-error', 'terraform.tfvars.json', r(2, 7, 2, 11)]]);
    assert.equal(report(res, 'aws_kinesis_stream.s').shardCount, 1);
    assert.ok(res.analyses[0].files.includes('/ws/terraform.tfvars.json'));
  });

  it('a .tfvars.json that holds no object: syntax-error on the whole value', async () => {
    const res = await analyze({ 'main.tf': NONE('s'), 'terraform.tfvars.json': '[1, 2]\n' });
    assert.deepEqual(briefs(res, 'syntax-error'), [['syntax-error', 'terraform.tfvars.json', r(0, 0, 0, 6)]]);
    assert.match(res.of('syntax-error')[0].message, /must hold one JSON object/);
  });

  it('an invalid config: invalid-config at the JSON path, defaults used', async () => {
    const res = await analyze({
      'main.tf': NONE('s'),
      '.kinesis-lint.json': hcl('{', '  "streams": {', '    "aws_kinesis_stream.s": {', '      "write_mib_per_sec": "x"', '    }', '  },', '  "rulez": {}', '}'),
    });
    assert.deepEqual(briefs(res, 'invalid-config'), [
      ['invalid-config', '.kinesis-lint.json', r(3, 27, 3, 30)],
      ['invalid-config', '.kinesis-lint.json', r(6, 2, 6, 9)],
    ]);
    assert.equal(report(res, 'aws_kinesis_stream.s').declared, null);
    assert.equal(res.of('missing-kms').length, 1);
  });

  it('a config that is not JSON: one invalid-config where it breaks', async () => {
    const res = await analyze({ 'main.tf': NONE('s'), '.kinesis-lint.json': '{\n  "rules": {\n' });
    assert.deepEqual(briefs(res, 'invalid-config'), [['invalid-config', '.kinesis-lint.json', r(2, 0, 2, 0)]]);
  });
});
