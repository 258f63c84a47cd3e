import * as assert from 'assert';
import { scan } from '../../server/src/core/syntax/scanner';
import { findAttribute, findBlock } from './scannerWalk';
import { assertWellFormed } from './scannerInvariants';
import { at, attr, block, outline } from './scannerTestUtils';

const STREAM = 'resource "aws_kinesis_stream" "x" {\n  shard_count = 2\n}\n';

/** Scans, checks well-formedness and returns the result. */
function scanOk(text: string): ReturnType<typeof scan> {
  const r = scan(text);
  assertWellFormed(text, r);
  return r;
}

/** The shard_count range of the kinesis block "x", which every recovery case must still find. */
function shardCountOf(text: string): string {
  const r = scanOk(text);
  const stream = findBlock(r.body, 'resource', 'aws_kinesis_stream', 'x');
  assert.ok(stream, `stream lost in ${JSON.stringify(outline(r.body))}`);
  const a = findAttribute(stream.body, 'shard_count');
  assert.ok(a, 'shard_count lost');
  return `${at(r, a.nameSpan)} = ${at(r, a.valueSpan)}`;
}

describe('scanner: half-typed and broken input', () => {
  it('an unclosed [ in an earlier block does not swallow the later block (its } ends the value)', () => {
    const text = `locals {\n  a = [1, 2\n}\n\n${STREAM}`;
    const r = scanOk(text);
    assert.deepStrictEqual(outline(r.body), ['locals{}', 'resource aws_kinesis_stream x{}']);
    assert.strictEqual(at(r, attr(block(r.body, 0).body, 0).valueSpan), '1:6-1:11');
    assert.strictEqual(block(r.body, 0).closeBrace, 21);
    assert.strictEqual(shardCountOf(text), '5:2-5:13 = 5:16-5:17');
  });

  it('an item indented like the open attribute ends its value (unclosed { and [)', () => {
    const text = `locals {\n  a = {\n    b = [1\n  c = 2\n}\n${STREAM}`;
    const r = scanOk(text);
    assert.deepStrictEqual(outline(block(r.body, 0).body), ['a', 'c']);
    assert.strictEqual(at(r, attr(block(r.body, 0).body, 0).valueSpan), '1:6-2:10');
    assert.strictEqual(shardCountOf(text), '6:2-6:13 = 6:16-6:17');
  });

  it('an unclosed ( inside a kinesis block still yields the attributes after it', () => {
    const text = 'resource "aws_kinesis_stream" "x" {\n  name = format("%s",\n  shard_count = 2\n}\nvariable "v" {}\n';
    assert.strictEqual(shardCountOf(text), '2:2-2:13 = 2:16-2:17');
    assert.deepStrictEqual(outline(scan(text).body), ['resource aws_kinesis_stream x{}', 'variable v{}']);
  });

  it('an object being typed (`tags = {` with no `}` yet) leaves its block and the next block intact', () => {
    const text = `resource "aws_kinesis_stream" "a" {\n  tags = {\n  shard_count = 1\n}\n${STREAM}`;
    const r = scanOk(text);
    const a = block(r.body, 0);
    assert.deepStrictEqual(outline(a.body), ['tags', 'shard_count']);
    assert.strictEqual(at(r, attr(a.body, 0).valueSpan), '1:9-1:10');
    assert.strictEqual(at(r, a.span), '0:0-3:1');
    assert.strictEqual(shardCountOf(text), '5:2-5:13 = 5:16-5:17');
  });

  it('an attribute without a value gets an empty value range just after =', () => {
    const r = scanOk('resource "aws_kinesis_stream" "x" {\n  shard_count =\n  name = "a"\n}\n');
    const [count, name] = [attr(block(r.body, 0).body, 0), attr(block(r.body, 0).body, 1)];
    assert.strictEqual(at(r, count.valueSpan), '1:15-1:15');
    assert.strictEqual(at(r, count.span), '1:2-1:15');
    assert.strictEqual(at(r, name.valueSpan), '2:9-2:12');
  });

  it('a block unclosed at EOF runs to the end of the text', () => {
    const text = 'resource "aws_kinesis_stream" "x" {\n  shard_count = 2\n';
    const r = scanOk(text);
    const b = block(r.body, 0);
    assert.strictEqual(b.closeBrace, null);
    assert.strictEqual(b.span.end, text.length);
    assert.strictEqual(shardCountOf(text), '1:2-1:13 = 1:16-1:17');
  });

  it('an unclosed string ends at the end of its line', () => {
    const text = 'resource "aws_kinesis_stream" "x" {\n  name = "abc  \n  shard_count = 2\n}\n';
    const r = scanOk(text);
    assert.strictEqual(at(r, attr(block(r.body, 0).body, 0).valueSpan), '1:9-1:13');
    assert.strictEqual(shardCountOf(text), '2:2-2:13 = 2:16-2:17');
  });

  it('an unclosed interpolation is ended by the next item', () => {
    const text = 'resource "aws_kinesis_stream" "x" {\n  name = "${var.x\n  shard_count = 2\n}\n';
    assert.strictEqual(shardCountOf(text), '2:2-2:13 = 2:16-2:17');
  });

  it('garbage lines (with brackets) before the block are skipped', () => {
    const text = `this is garbage !!! {{{ \n((\n= = ]\n${STREAM}`;
    assert.strictEqual(shardCountOf(text), '4:2-4:13 = 4:16-4:17');
    assert.strictEqual(scan(text).body.items.length, 1);
  });

  it('an unterminated heredoc keeps only its <<ID', () => {
    const text = 'resource "aws_kinesis_stream" "x" {\n  d = <<EOT\n  shard_count = 2\n}\n';
    const r = scanOk(text);
    assert.strictEqual(at(r, attr(block(r.body, 0).body, 0).valueSpan), '1:6-1:11');
    assert.strictEqual(shardCountOf(text), '2:2-2:13 = 2:16-2:17');
  });

  it('a block missing its } is ended by a less indented block', () => {
    const text = `locals {\n  a = 1\n\n${STREAM}`;
    const r = scanOk(text);
    const locals = block(r.body, 0);
    assert.strictEqual(locals.closeBrace, null);
    assert.strictEqual(at(r, locals.span), '0:0-1:7');
    assert.strictEqual(shardCountOf(text), '4:2-4:13 = 4:16-4:17');
  });

  it('a nested block missing its } is ended by the outer block’s less indented }', () => {
    const text = 'resource "aws_kinesis_stream" "x" {\n  stream_mode_details {\n    stream_mode = "ON_DEMAND"\n}\nvariable "v" {}\n';
    const r = scanOk(text);
    assert.deepStrictEqual(outline(r.body), ['resource aws_kinesis_stream x{}', 'variable v{}']);
    const nested = block(block(r.body, 0).body, 0);
    assert.strictEqual(nested.closeBrace, null);
    assert.strictEqual(at(r, nested.span), '1:2-2:29');
    assert.strictEqual(at(r, block(r.body, 0).span), '0:0-3:1');
  });

  it('a second block being typed at EOF leaves the first intact', () => {
    const text = `${STREAM}resource "aws_kinesis_stream" "y" {\n  shard_`;
    const r = scanOk(text);
    assert.deepStrictEqual(outline(r.body), ['resource aws_kinesis_stream x{}', 'resource aws_kinesis_stream y{}']);
    assert.strictEqual(block(r.body, 0).closeBrace, STREAM.indexOf('}'));
    assert.strictEqual(block(r.body, 1).closeBrace, null);
  });

  it('an unclosed /* ends at its line end in the recovering pass', () => {
    const text = `/* half-typed\n${STREAM}`;
    const r = scanOk(text);
    assert.deepStrictEqual(r.comments.map((c) => at(r, c.span)), ['0:0-0:13']);
    assert.strictEqual(shardCountOf(text), '2:2-2:13 = 2:16-2:17');
  });

  it('skips a stray } at the top level', () => {
    const r = scanOk('}\nx = 1 }\ny = 2\n');
    assert.deepStrictEqual(outline(r.body), ['x', 'y']);
    assert.strictEqual(at(r, attr(r.body, 0).valueSpan), '1:4-1:5');
  });

  it('does not apply indentation rules to valid but oddly indented files', () => {
    const r = scanOk('resource "a" "b" {\nname = 1\n      }\nx = {\na = [\n1]\n}\ny = 2\n');
    assert.deepStrictEqual(outline(r.body), ['resource a b{}', 'x', 'y']);
    assert.deepStrictEqual(outline(block(r.body, 0).body), ['name']);
    assert.strictEqual(at(r, attr(r.body, 1).valueSpan), '3:4-6:1');
  });
});
