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
    assert.deepEqual(lower.total.delta, { atLeast: 8.1 }); // 30 − 21.90, float noise rounded away
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

describe('diff: moved blocks', () => {
  const moved = (from: string, to: string) => `moved {\n  from = ${from}\n  to   = ${to}\n}\n`;

  it('movedBlocks reads from/to in either order, skips comments and instance keys', async () => {
    const { movedBlocks } = await import('../../server/src/core/diff');
    const text = `${moved('aws_kinesis_stream.a', 'aws_kinesis_stream.b')}# moved {\n#   from = x.y\n#   to = x.z\n# }\nmoved {\n  to   = module.new\n  from = module.old\n}\n${moved('aws_kinesis_stream.c[0]', 'aws_kinesis_stream.d[0]')}`;
    assert.deepEqual(movedBlocks(text, 'app'), [
      { root: 'app', from: 'aws_kinesis_stream.a', to: 'aws_kinesis_stream.b' },
      { root: 'app', from: 'module.old', to: 'module.new' },
    ]);
  });

  it('a renamed stream is changed ("renamed from … (moved block)"), its findings follow it; without the block: removed + added', () => {
    const base = { streams: [stream({ address: 'aws_kinesis_stream.old' }), stream({ address: 'module.m.aws_kinesis_stream.s' })], findings: [finding({ message: '2 shards, load needs 4', resource: 'aws_kinesis_stream.old' })] };
    const headStreams = [stream({ address: 'aws_kinesis_stream.new' }), stream({ address: 'module.n.aws_kinesis_stream.s', shardCount: 4, monthlyCost: 43.8 })];
    const head = { streams: headStreams, findings: [finding({ message: '2 shards, load needs 4', resource: 'aws_kinesis_stream.new' })] };
    const renames = [{ root: '.', from: 'aws_kinesis_stream.old', to: 'aws_kinesis_stream.new' }, { root: '.', from: 'module.m', to: 'module.n' }];
    const d = diffSides(base, { ...head, renames });
    assert.deepEqual(d.streams.map((s) => [s.address, s.status, s.delta, s.drivers.map((x) => x.text)]), [
      ['aws_kinesis_stream.new', 'changed', 0, ['renamed from aws_kinesis_stream.old (moved block)']],
      ['module.n.aws_kinesis_stream.s', 'changed', 21.9, ['renamed from module.m.aws_kinesis_stream.s (moved block)', 'shards 2 → 4']],
    ]);
    assert.deepEqual([d.introduced.length, d.fixed.length], [0, 0]);
    const plain = diffSides(base, head);
    assert.deepEqual(plain.streams.map((s) => [s.address.slice(0, 8), s.status]), [['aws_kine', 'added'], ['aws_kine', 'removed'], ['module.m', 'removed'], ['module.n', 'added']]); // sorted by address: new, old, m, n
    assert.deepEqual([plain.introduced.length, plain.fixed.length], [1, 1]);
  });
});
