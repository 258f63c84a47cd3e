import * as assert from 'assert';
import { scan } from '../../server/src/core/syntax/scanner';
import { at, attr, block, outline } from './scannerTestUtils';

describe('scanner: structure and exact ranges', () => {
  it('puts an attribute after multi-byte and astral characters at UTF-16 offsets', () => {
    const r = scan('/* é😀 ü */ shard_count = 2');
    const a = attr(r.body, 0);
    assert.strictEqual(a.name, 'shard_count');
    assert.strictEqual(at(r, a.nameSpan), '0:12-0:23');
    assert.strictEqual(at(r, a.valueSpan), '0:26-0:27');
    assert.strictEqual(at(r, a.span), '0:12-0:27');
    assert.deepStrictEqual(r.comments, [{ span: { start: 0, end: 11 }, text: '/* é😀 ü */', style: '/*' }]);
  });

  it('handles CRLF: ranges and comments exclude the CR', () => {
    const r = scan('resource "aws_kinesis_stream" "s" {\r\n  shard_count = 2 # two\r\n}\r\n');
    const b = block(r.body, 0);
    assert.strictEqual(b.type, 'resource');
    assert.deepStrictEqual(b.labels.map((l) => [l.value, at(r, l.span), l.quoted]), [
      ['aws_kinesis_stream', '0:9-0:29', true],
      ['s', '0:30-0:33', true],
    ]);
    assert.strictEqual(at(r, b.typeSpan), '0:0-0:8');
    assert.strictEqual(at(r, b.headerSpan), '0:0-0:35');
    assert.strictEqual(b.openBrace, 34);
    assert.strictEqual(b.closeBrace, 62);
    assert.strictEqual(at(r, b.span), '0:0-2:1');
    assert.strictEqual(b.oneLine, false);
    const a = attr(b.body, 0);
    assert.strictEqual(at(r, a.nameSpan), '1:2-1:13');
    assert.strictEqual(at(r, a.valueSpan), '1:16-1:17');
    assert.deepStrictEqual(r.comments.map((c) => [at(r, c.span), c.text, c.style]), [['1:18-1:23', '# two', '#']]);
  });

  it('counts a tab as one character', () => {
    const r = scan('locals {\n\tx\t=\t1\n}');
    const a = attr(block(r.body, 0).body, 0);
    assert.strictEqual(at(r, a.nameSpan), '1:1-1:2');
    assert.strictEqual(at(r, a.valueSpan), '1:5-1:6');
  });

  it('skips heredocs whose content holds `}` and `shard_count = 1000`', () => {
    const text = [
      'resource "aws_kinesis_stream" "h" {',
      '  description = <<-EOT',
      '    }',
      '    shard_count = 1000',
      '  EOT',
      '  notes = <<EOT',
      'shard_count = 1000 }',
      'EOT',
      '  shard_count = 3',
      '}',
    ].join('\n');
    const r = scan(text);
    const b = block(r.body, 0);
    assert.deepStrictEqual(outline(b.body), ['description', 'notes', 'shard_count']);
    assert.strictEqual(at(r, attr(b.body, 0).valueSpan), '1:16-4:5');
    assert.strictEqual(at(r, attr(b.body, 1).valueSpan), '5:10-7:3');
    assert.strictEqual(at(r, attr(b.body, 2).valueSpan), '8:16-8:17');
    assert.strictEqual(at(r, b.span), '0:0-9:1');
  });

  it('ignores braces, quotes and blocks inside comments', () => {
    const text = [
      '/* resource "aws_kinesis_stream" "ghost" {',
      '  shard_count = 9',
      '} */',
      'resource "aws_kinesis_stream" "real" { # { not a block',
      '  // } " still a comment',
      '  shard_count = 1',
      '}',
    ].join('\n');
    const r = scan(text);
    assert.deepStrictEqual(outline(r.body), ['resource aws_kinesis_stream real{}']);
    assert.deepStrictEqual(outline(block(r.body, 0).body), ['shard_count']);
    assert.deepStrictEqual(r.comments.map((c) => [at(r, c.span), c.style]), [
      ['0:0-2:4', '/*'],
      ['3:39-3:54', '#'],
      ['4:2-4:24', '//'],
    ]);
    assert.strictEqual(r.comments[0].text, text.slice(0, text.indexOf('*/') + 2));
  });

  it('reads a string with escapes, interpolation, $${ and braces without seeing a comment', () => {
    const r = scan('name = "a \\"quoted\\" ${var.env} $${literal} { } # not a comment"\nnext = 1');
    assert.deepStrictEqual(outline(r.body), ['name', 'next']);
    assert.strictEqual(at(r, attr(r.body, 0).valueSpan), '0:7-0:64');
    assert.strictEqual(at(r, attr(r.body, 1).nameSpan), '1:0-1:4');
    assert.deepStrictEqual(r.comments, []);
  });

  it('follows strings and braces nested inside interpolations and directives', () => {
    const r = scan('x = "${join("}", [for s in var.l : "${s}{"])}%{ if a }}%{ endif }%%{ }" # real\ny = 2');
    assert.strictEqual(at(r, attr(r.body, 0).valueSpan), '0:4-0:71');
    assert.deepStrictEqual(r.comments.map((c) => c.text), ['# real']);
    assert.deepStrictEqual(outline(r.body), ['x', 'y']);
  });

  it('scans a nested block and one-line nested blocks', () => {
    const r = scan('resource "aws_kinesis_stream" "o" {\n  stream_mode_details { stream_mode = "ON_DEMAND" }\n}\n');
    const outer = block(r.body, 0);
    const inner = block(outer.body, 0);
    assert.strictEqual(inner.type, 'stream_mode_details');
    assert.deepStrictEqual(inner.labels, []);
    assert.strictEqual(at(r, inner.typeSpan), '1:2-1:21');
    assert.strictEqual(at(r, inner.headerSpan), '1:2-1:23');
    assert.strictEqual(at(r, inner.span), '1:2-1:51');
    assert.strictEqual(r.lineIndex.positionAt(inner.closeBrace!).character, 50);
    assert.strictEqual(inner.oneLine, true);
    assert.strictEqual(outer.oneLine, false);
    const mode = attr(inner.body, 0);
    assert.strictEqual(at(r, mode.nameSpan), '1:24-1:35');
    assert.strictEqual(at(r, mode.valueSpan), '1:38-1:49');
  });

  it('scans one-line blocks, empty blocks and object values inside them', () => {
    const r = scan('variable "x" { default = 2 }\nvariable "y" {}\na { b = { c = 1 } }\n');
    assert.deepStrictEqual(outline(r.body), ['variable x{}', 'variable y{}', 'a{}']);
    const [x, y, a] = [block(r.body, 0), block(r.body, 1), block(r.body, 2)];
    assert.ok(x.oneLine && y.oneLine && a.oneLine);
    assert.strictEqual(at(r, attr(x.body, 0).valueSpan), '0:25-0:26');
    assert.deepStrictEqual(y.body.items, []);
    assert.strictEqual(at(r, y.span), '1:0-1:15');
    assert.strictEqual(at(r, attr(a.body, 0).valueSpan), '2:8-2:17');
    assert.strictEqual(at(r, a.span), '2:0-2:19');
  });

  it('splits the seed line `{ type = number default = 2 }` into two attributes, as tree-sitter does', () => {
    // hcl2json rejects the line (a one-line block holds one argument); the quick fix needs both ranges.
    const r = scan('variable "shards"      { type = number default = 2 }');
    const b = block(r.body, 0);
    assert.deepStrictEqual(outline(b.body), ['type', 'default']);
    assert.strictEqual(at(r, attr(b.body, 0).valueSpan), '0:32-0:38');
    assert.strictEqual(at(r, attr(b.body, 1).span), '0:39-0:50');
  });

  it('does not split on `==` or `=>` after a space', () => {
    const r = scan('x = a == b\ny = { for k, v in m : k => v }\nz = c ? d : e');
    assert.deepStrictEqual(outline(r.body), ['x', 'y', 'z']);
    assert.strictEqual(at(r, attr(r.body, 0).valueSpan), '0:4-0:10');
  });

  it('takes an object value as an attribute, not a block', () => {
    const r = scan('tags = {\n  Name = "x"\n  Env  = "y"\n}\nafter = 1\n');
    assert.deepStrictEqual(outline(r.body), ['tags', 'after']);
    assert.strictEqual(at(r, attr(r.body, 0).valueSpan), '0:7-3:1');
  });

  it('reads bare and escaped labels', () => {
    const r = scan('module foo bar-1 {\n}\nresource "a\\"b" "\\u00e9\\n" {}\n');
    assert.deepStrictEqual(block(r.body, 0).labels.map((l) => [l.value, l.quoted, at(r, l.span)]), [
      ['foo', false, '0:7-0:10'],
      ['bar-1', false, '0:11-0:16'],
    ]);
    assert.deepStrictEqual(block(r.body, 1).labels.map((l) => [l.value, at(r, l.span)]), [
      ['a"b', '2:9-2:15'],
      ['é\n', '2:16-2:26'],
    ]);
  });

  it('runs a value over several lines inside (), [] and {}', () => {
    const r = scan('x = max(\n  1,\n  2\n)\ny = [\n  "a", # first\n]\nz = { a = {\n  b = 1 } }\nw = 0');
    assert.deepStrictEqual(outline(r.body), ['x', 'y', 'z', 'w']);
    assert.strictEqual(at(r, attr(r.body, 0).valueSpan), '0:4-3:1');
    assert.strictEqual(at(r, attr(r.body, 1).valueSpan), '4:4-6:1');
    assert.strictEqual(at(r, attr(r.body, 2).valueSpan), '7:4-8:11');
  });

  it('trims the value: leading and trailing comments are not part of it, inner ones are', () => {
    const r = scan('a = [1, 2] // c\nb = /* lead */ 1 /* mid */ + 2 # c\nc = 3   \t\n');
    assert.strictEqual(at(r, attr(r.body, 0).valueSpan), '0:4-0:10');
    assert.strictEqual(at(r, attr(r.body, 1).valueSpan), '1:15-1:30');
    assert.strictEqual(at(r, attr(r.body, 2).valueSpan), '2:4-2:5');
    assert.deepStrictEqual(r.comments.map((c) => c.text), ['// c', '/* lead */', '/* mid */', '# c']);
  });

  it('skips a BOM (offsets still count it, as JS string indices do)', () => {
    const r = scan('\ufeffx = 1\n');
    assert.deepStrictEqual(attr(r.body, 0).nameSpan, { start: 1, end: 2 });
  });

  it('accepts Unicode identifiers', () => {
    const r = scan('ключ = 1\n键 = "v"\n_u = 3\n');
    assert.deepStrictEqual(outline(r.body), ['ключ', '键', '_u']);
  });

  it('gives empty results for empty and comment-only files', () => {
    assert.deepStrictEqual(scan('').body.items, []);
    const r = scan('# a\n// b\n/* c */\n');
    assert.deepStrictEqual(r.body.items, []);
    assert.strictEqual(r.comments.length, 3);
    assert.strictEqual(r.maxDepth, 0);
  });

  it('reports the deepest nesting of blocks, brackets and interpolations', () => {
    assert.strictEqual(scan('a { b { x = [[{ y = "${f(1)}" }]] } }').maxDepth, 7);
    assert.strictEqual(scan('x = 1').maxDepth, 0);
    assert.strictEqual(scan('x = "a" # ( [ {').maxDepth, 0);
  });
});
