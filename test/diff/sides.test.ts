// streamSide/findingSide from a real analysis, and the location-independent finding key.
import { strict as assert } from 'assert';
import { findingKey, findingSide, messageShape, streamSide } from '../../server/src/core/diff';
import { analyze } from '../support/analyze';

const TF = `provider "aws" {
  region = "us-east-1"
}
resource "aws_kinesis_stream" "b" {
  name        = "b"
  shard_count = 2
}
`;

describe('diff: sides', () => {
  it('streamSide copies the facts, the bounded cost and the relative file', async () => {
    const r = await analyze({ 'app/main.tf': TF }, { dirs: ['app'] });
    const side = streamSide(r.streams[0], 'app', (f) => f.replace('/ws/', ''));
    // No load declared: shard hours known (2 shards × 730 h × $0.015 per shard-hour in us-east-1, prices.json =
    // $21.90), PUT payload units unknown, so a lower bound.
    assert.equal(side.root, 'app');
    assert.equal(side.address, 'aws_kinesis_stream.b');
    assert.equal(side.file, 'app/main.tf');
    assert.deepEqual([side.mode, side.shardCount, side.instances, side.retentionHours, side.region, side.partial], ['PROVISIONED', 2, 1, 24, 'us-east-1', true]);
    assert.deepEqual(side.consumers, { standard: 0, efo: 0 });
    const shardHours = side.components!.find((c) => c.id === 'shard-hours')!;
    assert.equal(shardHours.quantity, 1460);
    assert.ok(Math.abs(shardHours.monthlyUsd! - 21.9) < 1e-9);
    assert.deepEqual(side.monthlyCost, { atLeast: shardHours.monthlyUsd });
    assert.equal(side.components!.find((c) => c.id === 'put-payload-units')!.monthlyUsd, null);
    assert.deepEqual(side.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 33 } }); // `resource "aws_kinesis_stream" "b"`: 9 + 20 + 1 + 3
  });

  it('findingSide keys a finding without its line: inserting lines above keeps the key', async () => {
    const a = await analyze({ 'main.tf': TF });
    const b = await analyze({ 'main.tf': `# a comment\n# another\n${TF}` });
    const fa = a.of('missing-kms').map((f) => findingSide(f, '.'));
    const fb = b.of('missing-kms').map((f) => findingSide(f, '.'));
    assert.equal(fa.length, 1);
    assert.notEqual(fa[0].range.start.line, fb[0].range.start.line);
    assert.equal(fa[0].key, fb[0].key);
    assert.equal(fa[0].key, 'missing-kms|aws_kinesis_stream.b|Not encrypted at rest: encryption_type is unset (default "NONE")');
  });

  it('numbers in a message do not change the key ("2 shards, needs 4" is "3 shards, needs 4" still there)', () => {
    assert.equal(messageShape('2 shards, load needs 4 (write bytes at 150 %)'), '# shard, load needs # (write bytes at # %)');
    assert.equal(messageShape('1 shard, load needs 2 (records at 1,200.5 %)'), '# shard, load needs # (records at # %)');
    assert.equal(findingKey('undersized-shards', 'aws_kinesis_stream.x', 'a.tf', '2 shards, load needs 4'),
      findingKey('undersized-shards', 'aws_kinesis_stream.x', 'b.tf', '3 shards, load needs 4'));
    // Without a resource the file is part of the key.
    assert.notEqual(findingKey('syntax-error', null, 'a.tf', 'x'), findingKey('syntax-error', null, 'b.tf', 'x'));
    // Different words are different findings.
    assert.notEqual(messageShape('shard_count = 0 is invalid'), messageShape('retention_period = 5000 is invalid'));
  });
});
