// Differential test: the scanner against tree-sitter-hcl on valid inputs (reference/parsing.md §4a).
// The oracle packages are optional devDependencies; without them this suite is skipped.
import * as assert from 'assert';
import { loadTreeSitterFacts, scannerFacts } from './scannerFacts';
import { HclGen } from './scannerGen';

const FIXTURES = [
  '/* é😀 ü */ shard_count = 2',
  'resource "aws_kinesis_stream" "s" {\r\n  shard_count = 2 # two\r\n}\r\n',
  'locals {\n\tx\t=\t1\n}',
  'resource "aws_kinesis_stream" "h" {\n  d = <<-EOT\n    }\n    shard_count = 1000\n  EOT\n  n = <<EOT\nshard_count = 1000 }\nEOT\n  shard_count = 3\n}',
  '/* resource "aws_kinesis_stream" "ghost" {\n} */\nresource "aws_kinesis_stream" "real" { # {\n  // } "\n  shard_count = 1\n}',
  'name = "a \\"quoted\\" ${var.env} $${literal} { } # not a comment"\nnext = 1',
  'x = "${join("}", [for s in var.l : "${s}{"])}%{ if a }}%{ endif }%%{ }" # real\ny = 2',
  'resource "aws_kinesis_stream" "o" {\n  stream_mode_details { stream_mode = "ON_DEMAND" }\n}\n',
  'variable "x" { default = 2 }\nvariable "y" {}\na { b = { c = 1 } }\n',
  'variable "shards"      { type = number default = 2 }\nvariable "tags"        { type = map(string) default = {} }\n',
  'module foo bar-1 {\n}\nresource "a\\"b" "\\u00e9\\n" {}\n',
  'x = max(\n  1,\n  2\n)\ny = [\n  "a", # first\n]\nz = { a = {\n  b = 1 } }\nw = 0',
  'a = [1, 2] // c\nb = /* lead */ 1 /* mid */ + 2 # c\nc = 3   \t\n',
  '\ufeffx = 1\n',
  'ключ = 1\n键 = "v"\n_u = 3\n',
  'resource "a" "b" {\nname = 1\n      }\nx = {\na = [\n1]\n}\ny = 2\n',
  'x = <<EOT\r\nabc\r\nEOT\r\ny = 1\r\n',
  'x = 1 /* a\n b */\ny = 2\n',
];

describe('scanner vs tree-sitter (differential)', function () {
  let oracle: ((text: string) => string[]) | null = null;

  before(async function () {
    oracle = await loadTreeSitterFacts();
    if (!oracle) this.skip(); // web-tree-sitter / @tree-sitter-grammars/tree-sitter-hcl not installed
  });

  it('agrees on the hand-written fixtures', () => {
    for (const text of FIXTURES) assert.deepStrictEqual(scannerFacts(text), oracle!(text), JSON.stringify(text));
  });

  it('agrees on 600 generated files (LF and CRLF, spaces and tabs)', () => {
    for (let seed = 1; seed <= 600; seed++) {
      const text = new HclGen(seed, seed % 3 === 0 ? '\r\n' : '\n', seed % 4 === 0 ? '\t' : '  ').file();
      assert.deepStrictEqual(scannerFacts(text), oracle!(text), `seed ${seed}: ${JSON.stringify(text)}`);
    }
  });
});
