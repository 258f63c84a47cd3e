import * as assert from 'assert';
import { scan } from '../../server/src/core/syntax/scanner';
import { findAttribute, findBlock } from './scannerWalk';
import { HclGen, mulberry32 } from './scannerGen';
import { assertWellFormed } from './scannerInvariants';

const SEED_BLOCK = [
  'resource "aws_kinesis_stream" "events" {',
  '  name             = var.name',
  '  shard_count      = var.shards',
  '  retention_period = 24 # hours',
  '  stream_mode_details {',
  '    stream_mode = "PROVISIONED"',
  '  }',
  '  tags = { a = "${var.x}" }',
  '}',
  'variable "shards" { type = number }',
].join('\n');

describe('scanner: robustness', () => {
  it('never throws on any prefix of a file, and keeps shard_count once it is typed', () => {
    const countEnd = SEED_BLOCK.indexOf('var.shards') + 'var.shards'.length;
    for (let cut = 0; cut <= SEED_BLOCK.length; cut++) {
      const text = SEED_BLOCK.slice(0, cut);
      const r = scan(text);
      assertWellFormed(text, r);
      if (cut >= countEnd) {
        const stream = findBlock(r.body, 'resource', 'aws_kinesis_stream', 'events');
        assert.strictEqual(findAttribute(stream!.body, 'shard_count')?.valueSpan.end, countEnd, `cut at ${cut}`);
      }
    }
  });

  it('survives random edits of generated files (well-formed results, no throw)', () => {
    const rnd = mulberry32(42);
    const junk = ['{', '}', '[', ']', '(', ')', '"', '${', '%{', '<<EOT\n', '/*', '*/', '#', '\n', '=', '\\', '😀', '\r\n'];
    for (let seed = 1; seed <= 150; seed++) {
      let text = new HclGen(seed, seed % 2 ? '\n' : '\r\n', '  ').file();
      for (let edit = 0; edit < 3; edit++) {
        const at = Math.floor(rnd() * (text.length + 1));
        const cut = rnd() < 0.5 ? Math.floor(rnd() * 5) : 0;
        text = text.slice(0, at) + (rnd() < 0.7 ? junk[Math.floor(rnd() * junk.length)] : '') + text.slice(at + cut);
      }
      assertWellFormed(text, scan(text));
    }
  });

  it('does not blow the stack on 100k nested brackets, blocks or interpolations', () => {
    const n = 100_000;
    const cases: [string, number][] = [
      [`x = ${'['.repeat(n)}`, n],
      [`x = ${'('.repeat(n)}1${')'.repeat(n)}`, n],
      ['a {\n'.repeat(n), n],
      [`${'a {'.repeat(n)}${'}'.repeat(n)}`, n],
      [`x = ${'"${'.repeat(n)}`, n],
      [`x = ${'{ a = '.repeat(n)}`, n],
    ];
    for (const [text, depth] of cases) {
      const r = scan(text);
      assert.strictEqual(r.maxDepth, depth, text.slice(0, 12));
    }
  });

  // Speed is measured in the benchmark (npm run bench), never here; a quadratic scan would hit mocha's time-out.
  it('handles many unterminated heredocs and unclosed comments', () => {
    const heredocs = 'x = <<EOT\n'.repeat(20_000);
    assert.strictEqual(scan(heredocs).body.items.length, 20_000);
    const comments = 'a = 1 /*\n'.repeat(20_000);
    assert.strictEqual(scan(comments).body.items.length, 20_000);
  });

  it('stays linear on closers that match nothing, inside and outside templates', () => {
    const n = 100_000;
    for (const text of [`x = [${'('.repeat(n)}${']'.repeat(n)}`, `x = [ "\${${'('.repeat(n)}${']'.repeat(n)}`]) {
      assertWellFormed(text, scan(text));
    }
  });

  it('scans a 20,000-line file whole', () => {
    const block = `${SEED_BLOCK}\n# é😀 ü\n/* { */\n`;
    const lines = block.split('\n').length - 1;
    const text = block.repeat(Math.ceil(20_000 / lines));
    const r = scan(text);
    assert.strictEqual(r.body.items.length, 2 * Math.ceil(20_000 / lines));
  });
});
