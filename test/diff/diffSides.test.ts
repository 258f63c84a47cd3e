// The diff model on hand-built sides: matching, status, drivers, findings introduced/fixed, the total.
import { strict as assert } from 'assert';
import { diffSides, findingKey, type FindingSide, type StreamSide } from '../../server/src/core/diff';

function stream(over: Partial<StreamSide>): StreamSide {
  return {
    root: '.', address: 'aws_kinesis_stream.a', file: 'main.tf', monthlyCost: 21.9, mode: 'PROVISIONED', shardCount: 2, instances: 1,
    retentionHours: 24, consumers: { standard: 0, efo: 0 }, region: 'us-east-1', partial: false, ...over,
  };
}
function finding(over: Partial<FindingSide> & { message: string }): FindingSide {
  const f = { root: '.', ruleId: 'undersized-shards', severity: 'warning' as const, file: 'main.tf', range: { start: { line: 3, character: 0 }, end: { line: 3, character: 5 } }, resource: 'aws_kinesis_stream.a', ...over };
  return { ...f, key: findingKey(f.ruleId, f.resource, f.file, f.message) };
}

describe('diff: diffSides', () => {
  it('matches by root + address; the rest is added or removed', () => {
    const d = diffSides(
      { streams: [stream({}), stream({ address: 'aws_kinesis_stream.old', monthlyCost: 10.95 }), stream({ root: 'a' })], findings: [] },
      { streams: [stream({ shardCount: 4, monthlyCost: 43.8 }), stream({ address: 'aws_kinesis_stream.new', monthlyCost: 10.95 }), stream({ root: 'b' })], findings: [] },
    );
    assert.deepEqual(d.streams.map((s) => [s.root, s.address, s.status, s.delta]), [
      ['.', 'aws_kinesis_stream.a', 'changed', 21.9],
      ['.', 'aws_kinesis_stream.new', 'added', 10.95],
      ['.', 'aws_kinesis_stream.old', 'removed', -10.95],
      ['a', 'aws_kinesis_stream.a', 'removed', -21.9],
      ['b', 'aws_kinesis_stream.a', 'added', 21.9],
    ]);
    assert.deepEqual(d.streams[0].drivers.map((x) => x.text), ['shards 2 → 4']);
    // 21.90 + 10.95 − 10.95 − 21.90 + 21.90
    assert.ok(Math.abs((d.total.delta as number) - 21.9) < 1e-9);
    assert.deepEqual([d.total.before, d.total.after, d.total.unknownStreams], [21.9 + 10.95 + 21.9, 43.8 + 10.95 + 21.9, 0]);
  });

  it('a moved file is a change said as "moved from … to …"; equal facts are unchanged with a $0 delta', () => {
    const d = diffSides({ streams: [stream({}), stream({ address: 'aws_kinesis_stream.b' })], findings: [] },
      { streams: [stream({ file: 'streams.tf' }), stream({ address: 'aws_kinesis_stream.b' })], findings: [] });
    assert.deepEqual(d.streams.map((s) => [s.status, s.delta, s.drivers.map((x) => x.text)]), [
      ['changed', 0, ['moved from main.tf to streams.tf']],
      ['unchanged', 0, []],
    ]);
  });

  it('drivers name every priced fact in words', () => {
    const d = diffSides({ streams: [stream({})], findings: [] }, { streams: [stream({
      region: 'eu-west-1', mode: 'ON_DEMAND', instances: 3, shardCount: null, retentionHours: 168, consumers: { standard: { atLeast: 1 }, efo: 1 }, monthlyCost: null,
    })], findings: [] });
    assert.deepEqual(d.streams[0].drivers.map((x) => x.text), [
      'region us-east-1 → eu-west-1', 'mode PROVISIONED → ON_DEMAND', 'instances 1 → 3', 'shards 2 → unknown',
      'retention 24 → 168 h', 'EFO consumers +1', 'standard readers 0 → at least 1',
    ]);
    assert.equal(d.streams[0].delta, null);
    assert.deepEqual([d.total.delta, d.total.unknownStreams, d.total.knownDeltaUsd], [null, 1, 0]);
  });

  it('a lower-bound delta makes the total a lower bound; an unknown one makes it unknown and is counted', () => {
    const lower = diffSides({ streams: [stream({})], findings: [] }, { streams: [stream({ monthlyCost: { atLeast: 30 } })], findings: [] });
    assert.deepEqual(lower.total.delta, { atLeast: 30 - 21.9 });
    assert.equal(lower.total.lowerBoundStreams, 1);
    const unknown = diffSides({ streams: [stream({ monthlyCost: { atLeast: 21.9 } }), stream({ address: 'x', monthlyCost: 10 })], findings: [] },
      { streams: [stream({ monthlyCost: { atLeast: 43.8 } }), stream({ address: 'x', monthlyCost: 15 })], findings: [] });
    assert.deepEqual([unknown.total.delta, unknown.total.knownDeltaUsd, unknown.total.unknownStreams], [null, 5, 1]);
  });

  it('priced lines: a load not declared on either side still shows the change of the known lines', () => {
    const line = (id: string, usd: number | null) => ({ id, label: id, quantity: usd, unit: 'u', unitPriceUsd: 1, monthlyUsd: usd });
    const d = diffSides({ streams: [stream({ monthlyCost: { atLeast: 21.9 }, components: [line('shard-hours', 21.9), line('put', null)] })], findings: [] },
      { streams: [stream({ shardCount: 4, monthlyCost: { atLeast: 43.8 }, components: [line('shard-hours', 43.8), line('put', null)] })], findings: [] });
    assert.equal(d.streams[0].delta, null);
    assert.deepEqual(d.streams[0].pricedLines, { deltaUsd: 21.9, unknownLines: ['put'] });
  });

  it('findings: a moved line or a changed number is the same finding; the surplus is introduced or fixed', () => {
    const base = [finding({ message: '2 shards, load needs 4' }), finding({ ruleId: 'missing-kms', severity: 'error', message: 'Not encrypted' })];
    const head = [
      finding({ message: '3 shards, load needs 4', range: { start: { line: 9, character: 0 }, end: { line: 9, character: 5 } } }),
      finding({ ruleId: 'extended-retention-cost', message: 'Retention 168 h adds $29.20/mo' }),
      finding({ ruleId: 'syntax-error', severity: 'error', resource: null, file: 'x.tf', message: 'bad' }),
    ];
    const d = diffSides({ streams: [stream({})], findings: base }, { streams: [stream({})], findings: head });
    assert.deepEqual(d.introduced.map((f) => f.ruleId), ['extended-retention-cost', 'syntax-error']);
    assert.deepEqual(d.fixed.map((f) => f.ruleId), ['missing-kms']);
    assert.deepEqual([d.streams[0].status, d.streams[0].introduced.map((f) => f.ruleId), d.streams[0].fixed.map((f) => f.ruleId)],
      ['changed', ['extended-retention-cost'], ['missing-kms']]);
  });
});
