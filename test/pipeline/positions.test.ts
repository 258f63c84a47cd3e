// The position layer through the whole pipeline: findings land on the exact characters whatever the file holds
// before them (CRLF, tabs, multi-byte text, heredocs, comments with braces).
import { strict as assert } from 'assert';
import { analyze, applyEdits } from '../support/analyze';
import { briefs, r } from '../model/kit';

/** missing-kms on `encryption_type = "NONE"` and the stream header, the simplest findings with exact ranges. */
async function kms(text: string) {
  const res = await analyze({ 'main.tf': text });
  return { res, found: briefs(res, 'missing-kms') };
}

describe('pipeline: positions', () => {
  it('CRLF line ends', async () => {
    const { found } = await kms('resource "aws_kinesis_stream" "s" {\r\n  name = "s"\r\n  shard_count = 1\r\n  encryption_type = "NONE"\r\n}\r\n');
    assert.deepEqual(found, [['missing-kms', 'main.tf', r(3, 20, 3, 26)]]);
  });

  it('tabs count as one character', async () => {
    const { found } = await kms('resource "aws_kinesis_stream" "s" {\n\tname = "s"\n\tshard_count = 1\n\tencryption_type\t=\t"NONE"\n}\n');
    assert.deepEqual(found, [['missing-kms', 'main.tf', r(3, 19, 3, 25)]]);
  });

  it('multi-byte characters before the argument, on its line and in the lines above', async () => {
    const text = [
      '# Ström 😀 für Kinesis',
      'resource "aws_kinesis_stream" "s" {',
      '  tags        = { "ключ" = "値😀" }',
      '  name        = "s"',
      '  shard_count = 1',
      '  /* é😀 ü */ encryption_type = "NONE"',
      '}',
      '',
    ].join('\n');
    const { found } = await kms(text);
    assert.deepEqual(found, [['missing-kms', 'main.tf', r(5, 32, 5, 38)]]);
  });

  it('heredocs whose text looks like arguments and braces', async () => {
    const text = [
      'resource "aws_kinesis_stream" "s" {',
      '  name        = "s"',
      '  shard_count = 1',
      '  tags = {',
      '    doc = <<-EOF',
      '      shard_count = 1000',
      '      }',
      '      encryption_type = "KMS"',
      '    EOF',
      '  }',
      '  encryption_type = "NONE"',
      '}',
      '',
    ].join('\n');
    const { found } = await kms(text);
    assert.deepEqual(found, [['missing-kms', 'main.tf', r(10, 20, 10, 26)]]);
  });

  it('comments holding braces and a fake resource', async () => {
    const text = [
      '# } { resource "x" "y" {',
      '/* }',
      ' resource "aws_kinesis_stream" "fake" { } */',
      'resource "aws_kinesis_stream" "s" { // {',
      '  name        = "s" # }',
      '  shard_count = 1',
      '  encryption_type = "NONE" /* } */',
      '}',
      '',
    ].join('\n');
    const { res, found } = await kms(text);
    assert.deepEqual(found, [['missing-kms', 'main.tf', r(6, 20, 6, 26)]]);
    assert.deepEqual(res.streams.map((s) => [s.resource, s.range]), [['aws_kinesis_stream.s', r(3, 0, 3, 33)]]);
  });

  it('a header-level finding covers the header without the brace, after a CRLF comment block', async () => {
    const { found } = await kms('# a\r\n# b\r\nresource "aws_kinesis_stream" "é😀" {\r\n  name = "s"\r\n  shard_count = 1\r\n}\r\n');
    assert.deepEqual(found, [['missing-kms', 'main.tf', r(2, 0, 2, 35)]]);
  });

  it('a fix keeps CRLF and applies cleanly: the finding is gone after it', async () => {
    const text = 'resource "aws_kinesis_stream" "s" {\r\n  name = "s"\r\n  shard_count = 1\r\n  encryption_type = "NONE"\r\n}\r\n';
    const before = await analyze({ 'main.tf': text });
    const [finding] = before.of('missing-kms');
    const fixed = applyEdits(text, finding.fixes[0].edits);
    assert.doesNotMatch(fixed.replace(/\r\n/g, ''), /\n/, 'every new line ends with CRLF');
    const after = await analyze({ 'main.tf': fixed });
    assert.deepEqual(after.of('missing-kms'), []);
    assert.deepEqual(after.of('syntax-error'), []);
  });
});
