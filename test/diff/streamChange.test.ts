// One stream's change (core/diff/streamChange.ts), shared by the CLI's diff and the editor's "vs HEAD": when a stream
// whose cost is not exact counts as unchanged ($0), and when its delta must stay unknown.
import { strict as assert } from 'assert';
import { streamChange, sumDeltas, type SideComponent, type StreamSide } from '../../server/src/core/diff';

// 2 shards × 730 h × $0.015 = $21.90; the PUT line unknown (no declared load): a lower bound.
const SHARDS: SideComponent = { id: 'shard-hours', label: 'Shard hours', quantity: 1460, unit: 'shard-hours', unitPriceUsd: 0.015, monthlyUsd: 21.9 };
const PUT: SideComponent = { id: 'put-payload-units', label: 'PUT payload units', quantity: null, unit: 'million PUT units', unitPriceUsd: 0.014, monthlyUsd: null };

function side(over: Partial<StreamSide> = {}): StreamSide {
  return {
    root: '.', address: 'aws_kinesis_stream.a', file: 'main.tf', monthlyCost: { atLeast: 21.9 }, mode: 'PROVISIONED', shardCount: 2, instances: 1,
    retentionHours: 24, consumers: { standard: 0, efo: 0 }, region: 'us-east-1', partial: true,
    components: [SHARDS, PUT], unknowns: ['load: no kinesis-lint annotation'], ...over,
  };
}

describe('diff: streamChange', () => {
  it('a lower-bound cost that did not change: unchanged, exactly $0 (not unknown)', () => {
    assert.deepEqual(streamChange(side(), side()), { status: 'unchanged', delta: 0, drivers: [] });
  });

  it('an unknown cost that did not change (a region without prices): unchanged, $0', () => {
    const unpriced = side({ region: 'eu-west-1', monthlyCost: null, components: [], unknowns: ['prices: no verified prices for eu-west-1'] });
    assert.deepEqual(streamChange(unpriced, unpriced), { status: 'unchanged', delta: 0, drivers: [] });
  });

  it('a side read back from a JSON report (money rounded to 1e-6, quantities to 12 digits) equals the analysis', () => {
    const exact = side({ monthlyCost: 88.1339875, components: [{ ...SHARDS, quantity: 2406.005859375, monthlyUsd: 14.716800000000001 }] });
    const rounded = side({ monthlyCost: 88.133988, components: [{ ...SHARDS, quantity: 2406.00585938, monthlyUsd: 14.7168 }] });
    assert.equal(streamChange(rounded, exact).status, 'unchanged');
    // A cent is a change.
    assert.equal(streamChange(side({ monthlyCost: 88.14 }), exact).status, 'changed');
  });

  it('the same figures but another unknown input: changed, and its delta stays unknown', () => {
    const before = side({ monthlyCost: null, shardCount: null, components: [], unknowns: ['shard-count: var.a has no value'] });
    const after = side({ monthlyCost: null, shardCount: null, components: [], unknowns: ['shard-count: var.b has no value'] });
    assert.deepEqual(streamChange(before, after), { status: 'changed', delta: null, drivers: [] });
  });

  it('a cost line that changed while the totals are lower bounds: changed, delta unknown (a bound minus a bound)', () => {
    const after = side({ shardCount: 4, monthlyCost: { atLeast: 43.8 }, components: [{ ...SHARDS, quantity: 2920, monthlyUsd: 43.8 }, PUT] });
    const change = streamChange(side(), after);
    assert.deepEqual([change.status, change.delta, change.drivers.map((d) => d.text)], ['changed', null, ['shards 2 → 4']]);
  });

  it('added and removed streams: the whole cost, unknown stays unknown', () => {
    assert.deepEqual(streamChange(null, side({ monthlyCost: 21.9 })), { status: 'added', delta: 21.9, drivers: [] });
    assert.deepEqual(streamChange(side({ monthlyCost: 21.9 }), null), { status: 'removed', delta: -21.9, drivers: [] });
    assert.deepEqual(streamChange(side({ monthlyCost: null }), null).delta, null);
  });

  it('sumDeltas: one unknown makes the sum unknown; a lower bound of an increase stays a lower bound', () => {
    assert.deepEqual(sumDeltas([10.95, 0, -5]), { delta: 5.95, knownDeltaUsd: 5.95, unknownStreams: 0, lowerBoundStreams: 0 });
    assert.deepEqual(sumDeltas([10.95, { atLeast: 1 }]), { delta: { atLeast: 11.95 }, knownDeltaUsd: 11.95, unknownStreams: 0, lowerBoundStreams: 1 });
    assert.deepEqual(sumDeltas([-20, { atLeast: 1 }]).delta, null);
    assert.deepEqual(sumDeltas([10.95, null]), { delta: null, knownDeltaUsd: 10.95, unknownStreams: 1, lowerBoundStreams: 0 });
  });
});
