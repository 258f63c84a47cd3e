// costDelta and formatDelta: unknown stays unknown (never $0), a lower bound only from an exact base.
import { strict as assert } from 'assert';
import { costDelta, formatDelta, streamKey } from '../../server/src/core/diff';

describe('diff: costDelta', () => {
  it('exact − exact is exact, float noise from summed prices is 0', () => {
    assert.equal(costDelta(21.9, 43.8), 21.9);
    assert.equal(costDelta(43.8, 21.9), -21.9);
    assert.equal(costDelta(0.1 + 0.2, 0.3), 0);
  });
  it('an added stream (before 0) keeps its after; a removed one (after 0) its negated before', () => {
    assert.deepEqual(costDelta(0, { atLeast: 21.9 }), { atLeast: 21.9 });
    assert.equal(costDelta(0, null), null);
    assert.equal(costDelta(10.95, 0), -10.95);
    assert.equal(costDelta(null, 0), null);
  });
  it('a lower-bound after over an exact before is a lower bound, but only for an increase', () => {
    assert.deepEqual(costDelta(10, { atLeast: 15 }), { atLeast: 5 });
    assert.equal(costDelta(20, { atLeast: 15 }), null);
    assert.equal(costDelta(15, { atLeast: 15 }), null);
  });
  it('a lower-bound or unknown before makes the delta unknown', () => {
    assert.equal(costDelta({ atLeast: 21.9 }, { atLeast: 43.8 }), null);
    assert.equal(costDelta({ atLeast: 21.9 }, 43.8), null);
    assert.equal(costDelta(null, 43.8), null);
    assert.equal(costDelta(21.9, null), null);
  });
  it('formatDelta writes the sign, a lower bound as "at least", unknown as unknown', () => {
    assert.deepEqual([21.9, -5, 0, { atLeast: 3.5 }, null].map((d) => formatDelta(d, '/mo')),
      ['+$21.90/mo', '-$5.00/mo', '$0.00/mo', 'at least +$3.50/mo', 'unknown']);
  });
  it('streamKey separates root and address so no pair of them collides', () => {
    assert.notEqual(streamKey('a', 'b.c'), streamKey('a.b', 'c'));
    assert.equal(streamKey('.', 'aws_kinesis_stream.x'), streamKey('.', 'aws_kinesis_stream.x'));
  });
});
