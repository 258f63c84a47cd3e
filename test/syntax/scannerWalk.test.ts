import * as assert from 'assert';
import { scan } from '../../server/src/core/syntax/scanner';
import type { ScannedItem } from '../../server/src/core/syntax/scanner';
import { findAttribute, findBlock, findBlocks, hasLabels, itemsAt, walkBlocks } from './scannerWalk';

const TEXT = [
  'resource "aws_kinesis_stream" "a" {',
  '  shard_count = 1',
  '  stream_mode_details {',
  '    stream_mode = "PROVISIONED"',
  '  }',
  '}',
  'resource "aws_kinesis_stream" "b" {',
  '  shard_count = 2',
  '}',
  'resource "aws_kinesis_stream_consumer" "c" {}',
  'shard_count = 9',
].join('\n');

const name = (item: ScannedItem | undefined): string | undefined =>
  item && (item.kind === 'attribute' ? item.name : [item.type, ...item.labels.map((l) => l.value)].join('.'));

describe('scanner walk helpers', () => {
  const r = scan(TEXT);

  it('findBlocks filters direct children by type and leading labels', () => {
    assert.deepStrictEqual(findBlocks(r.body, 'resource').map(name), [
      'resource.aws_kinesis_stream.a',
      'resource.aws_kinesis_stream.b',
      'resource.aws_kinesis_stream_consumer.c',
    ]);
    assert.deepStrictEqual(findBlocks(r.body, 'resource', 'aws_kinesis_stream').map(name), ['resource.aws_kinesis_stream.a', 'resource.aws_kinesis_stream.b']);
    assert.deepStrictEqual(findBlocks(r.body, 'resource', 'aws_kinesis_stream', 'b', 'extra'), []);
    assert.deepStrictEqual(findBlocks(r.body, 'stream_mode_details'), []);
  });

  it('findBlock and findAttribute return the first direct match', () => {
    const b = findBlock(r.body, 'resource', 'aws_kinesis_stream', 'b')!;
    assert.strictEqual(TEXT.slice(b.headerSpan.start, b.headerSpan.end), 'resource "aws_kinesis_stream" "b" {');
    assert.strictEqual(findBlock(r.body, 'module'), undefined);
    const count = findAttribute(b.body, 'shard_count')!;
    assert.strictEqual(TEXT.slice(count.valueSpan.start, count.valueSpan.end), '2');
    assert.strictEqual(TEXT.slice(findAttribute(r.body, 'shard_count')!.valueSpan.start).trim(), '9');
    assert.strictEqual(findAttribute(b.body, 'stream_mode'), undefined);
  });

  it('hasLabels compares a prefix of the labels', () => {
    const a = findBlock(r.body, 'resource')!;
    assert.strictEqual(hasLabels(a, []), true);
    assert.strictEqual(hasLabels(a, ['aws_kinesis_stream', 'a']), true);
    assert.strictEqual(hasLabels(a, ['a']), false);
  });

  it('walkBlocks visits parents before children in source order, with the enclosing chain', () => {
    const seen: string[] = [];
    walkBlocks(r.body, (b, parents) => seen.push(`${parents.map(name).join('/')}>${name(b)}`));
    assert.deepStrictEqual(seen, [
      '>resource.aws_kinesis_stream.a',
      'resource.aws_kinesis_stream.a>stream_mode_details',
      '>resource.aws_kinesis_stream.b',
      '>resource.aws_kinesis_stream_consumer.c',
    ]);
  });

  it('walkBlocks handles 100k nested blocks without recursion', () => {
    const n = 100_000;
    let count = 0;
    let deepest = 0;
    walkBlocks(scan(`${'a {'.repeat(n)}${'}'.repeat(n)}`).body, (_b, parents) => {
      count++;
      deepest = Math.max(deepest, parents.length);
    });
    assert.deepStrictEqual([count, deepest], [n, n - 1]);
  });

  it('itemsAt gives the chain of items around an offset (a value end counts as inside)', () => {
    const inValue = TEXT.indexOf('PROVISIONED');
    assert.deepStrictEqual(itemsAt(r.body, inValue).map(name), ['resource.aws_kinesis_stream.a', 'stream_mode_details', 'stream_mode']);
    const afterTwo = TEXT.indexOf('= 2') + 3;
    assert.deepStrictEqual(itemsAt(r.body, afterTwo).map(name), ['resource.aws_kinesis_stream.b', 'shard_count']);
    assert.deepStrictEqual(itemsAt(r.body, TEXT.indexOf('\n') + 1).map(name), ['resource.aws_kinesis_stream.a']);
    assert.deepStrictEqual(itemsAt(scan('\n\nx = 1').body, 0), []);
  });
});
