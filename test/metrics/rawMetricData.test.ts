// The raw output of `aws cloudwatch get-metric-data` → a snapshot: fed the loopback CloudWatch's own answers in the
// AWS CLI's shape (every page's results concatenated, ISO timestamps), it gives the snapshot `metrics pull` wrote from
// the same answers; and a file that cannot be used says where and why.
import { strict as assert } from 'assert';
import { isRawMetricData, snapshotFromRawMetricData } from '../../server/src/core/metrics/rawMetricData';
import { metricDataQueries, parseLabel, searchExpression, specOfId } from '../../server/src/core/metrics/queryIds';
import { startFakeCloudWatch, type FakeCloudWatch, type FakeResponse } from './fakeCloudWatch';
import { NOW, pullData, pulledSnapshot } from './pullData';

/** What the AWS CLI prints for these pages: MetricDataResults and Messages of every page, in order, timestamps as ISO. */
function awsCliOutput(pages: FakeResponse[]): unknown {
  const iso = (s: number) => new Date(s * 1000).toISOString().replace('.000Z', '+00:00');
  return {
    MetricDataResults: pages.flatMap((p) => p.MetricDataResults.map((r) => ({ Id: r.Id, Label: r.Label, Timestamps: r.Timestamps.map(iso), Values: r.Values, StatusCode: r.StatusCode }))),
    Messages: pages.flatMap((p) => p.Messages),
  };
}

describe('raw get-metric-data output', function () {
  this.timeout(30000);
  let fake: FakeCloudWatch;
  beforeEach(async () => { fake = await startFakeCloudWatch(pullData(1), 1000); });
  afterEach(async () => fake.close());

  it('gives the same snapshot as metrics pull from the same CloudWatch answers (paged output merged)', async () => {
    const pulled = await pulledSnapshot(fake);
    const eu = fake.responses.filter((r) => r.region === 'eu-west-1').map((r) => r.body);
    assert.ok(eu.length > 10, 'several pages');
    const raw = snapshotFromRawMetricData(awsCliOutput(eu), { now: NOW });
    assert.deepEqual(raw.problems, []);
    assert.ok(raw.snapshot);
    assert.deepEqual(raw.snapshot.range, pulled.range);
    assert.deepEqual(raw.snapshot.source, { tool: 'aws cloudwatch get-metric-data' });
    // The raw output does not say the region; everything else is the pull's.
    const expected = pulled.streams.filter((s) => s.region === 'eu-west-1').map((s) => ({ ...s, region: null }));
    assert.deepEqual(raw.snapshot.streams, expected);
    assert.equal(raw.snapshot.pulledAt, '2026-12-02T09:30:00.000Z', 'the end of the range: the output says not when it was fetched');
    assert.equal(raw.snapshot.errors, undefined);
  });

  it('accepts epoch-second timestamps and results in any order', async () => {
    await pulledSnapshot(fake);
    const eu = fake.responses.filter((r) => r.region === 'eu-west-1').map((r) => r.body);
    const forward = snapshotFromRawMetricData(awsCliOutput(eu), { now: NOW });
    const epoch = { MetricDataResults: eu.flatMap((p) => p.MetricDataResults).reverse() };
    const backward = snapshotFromRawMetricData(epoch, { now: NOW });
    assert.deepEqual(backward.problems, []);
    assert.deepEqual(backward.snapshot, forward.snapshot);
  });

  const result = (over: Record<string, unknown>) => ({ Id: 'incoming_bytes', Label: 'events', Timestamps: ['2026-12-02T09:00:00+00:00', '2026-12-02T09:01:00+00:00'], Values: [60, 120], StatusCode: 'Complete', ...over });
  const problems = (value: unknown) => snapshotFromRawMetricData(value, { now: NOW }).problems;

  it('a small file: range from the first point to the end of the last one\'s minute', () => {
    const r = snapshotFromRawMetricData({ MetricDataResults: [result({})], Messages: [] }, { now: NOW });
    assert.deepEqual(r.snapshot?.range, { start: '2026-12-02T09:00:00.000Z', end: '2026-12-02T09:02:00.000Z', periodSeconds: 60 });
    assert.deepEqual(r.snapshot?.streams, [{ stream: 'events', region: null, minutes: 2, incomingBytes: { peak: 2, p99: 2, mean: 1.5 } }]);
    assert.equal(r.snapshot?.pulledAt, '2026-12-02T09:02:00.000Z');
  });

  it('says where and why a file cannot be used', () => {
    assert.deepEqual(problems({ MetricDataResults: [result({})], NextToken: 'abc' }), [{ path: ['NextToken'], message: 'this is one page of several (NextToken is set): run aws cloudwatch get-metric-data without --no-paginate or --max-items so that the output holds every page' }]);
    assert.deepEqual(problems({ MetricDataResults: {} }), [{ path: ['MetricDataResults'], message: '"MetricDataResults" must be an array' }]);
    assert.deepEqual(problems({ MetricDataResults: [result({ Id: 'cpu' })] }), [{ path: ['MetricDataResults', 0, 'Id'], message: 'Id "cpu" is not one of kinesis-lint\'s queries' }]);
    assert.deepEqual(problems({ MetricDataResults: [result({ Id: 'shard_bytes_2', Label: 'events' })] }), [{ path: ['MetricDataResults', 0, 'Label'], message: 'Label "events" of Id "shard_bytes_2" is not "<StreamName> <ShardId>"' }]);
    assert.deepEqual(problems({ MetricDataResults: [result({}), result({ Timestamps: ['yesterday'], Values: [1] })] }), [{ path: ['MetricDataResults', 1, 'Timestamps', 0], message: 'not a timestamp (ISO 8601, or epoch seconds)' }]);
    assert.deepEqual(problems({ MetricDataResults: [result({ Values: [1, -2] })] }), [{ path: ['MetricDataResults', 0, 'Values', 1], message: 'not a sum (a number ≥ 0)' }]);
    assert.deepEqual(problems({ MetricDataResults: [result({ Values: [1] })] }), [{ path: ['MetricDataResults', 0, 'Values'], message: 'Id "incoming_bytes" has 2 Timestamps but 1 Values' }]);
    assert.deepEqual(problems({ MetricDataResults: [result({ StatusCode: 'Forbidden', Messages: [{ Code: 'Forbidden', Value: 'no access to account 1' }] })] }), [{ path: ['MetricDataResults', 0, 'StatusCode'], message: 'CloudWatch could not return this result (StatusCode "Forbidden"): no access to account 1' }]);
    assert.deepEqual(problems({ MetricDataResults: [result({ Timestamps: [], Values: [] })] }), [{ path: ['MetricDataResults'], message: 'no data points in any result: nothing was observed (no such streams in that region, or no traffic in that time)' }]);
    assert.deepEqual(problems({ MetricDataResults: [result({ Timestamps: ['2026-12-02T09:00:00Z', '2026-12-02T09:05:00Z', '2026-12-02T09:10:00Z'], Values: [1, 2, 3] })] }),
      [{ path: ['MetricDataResults'], message: 'the data points are 300 s apart: kinesis-lint needs 1-minute sums (Period 60, Stat Sum), as in the queries of docs/metrics.md' }]);
    assert.deepEqual(problems({ MetricDataResults: [result({ Timestamps: ['2026-12-02T09:00:30Z'], Values: [1] })] }), [{ path: ['MetricDataResults'], message: 'the data points are not on whole minutes (2026-12-02T09:00:30.000Z): the queries must use Period 60' }]);
    assert.deepEqual(problems([]), [{ path: [], message: 'not the output of aws cloudwatch get-metric-data (no "MetricDataResults")' }]);
  });

  it('sparse 1-minute data (gaps of different lengths) is not mistaken for a longer period', () => {
    const r = snapshotFromRawMetricData({ MetricDataResults: [result({ Timestamps: ['2026-12-02T09:00:00Z', '2026-12-02T09:02:00Z', '2026-12-02T09:05:00Z'], Values: [60, 60, 60] })] }, { now: NOW });
    assert.deepEqual(r.problems, []);
    assert.equal(r.snapshot?.streams[0].minutes, 3);
  });

  it('isRawMetricData tells raw output from a snapshot', () => {
    assert.equal(isRawMetricData({ MetricDataResults: [] }), true);
    assert.equal(isRawMetricData({ version: 1, streams: [] }), false);
    assert.equal(isRawMetricData(null), false);
  });
});

describe('query ids and labels', () => {
  it('Ids name the metric, suffixed per stream when a request holds several', () => {
    assert.deepEqual(metricDataQueries([{ stream: 'a', shardMetrics: [] }]).map((q) => q.Id), ['incoming_bytes', 'incoming_records', 'get_records_bytes', 'write_throttled', 'read_throttled', 'efo_bytes']);
    assert.equal(specOfId('shard_records_12')?.metric, 'IncomingRecords');
    assert.equal(specOfId('incoming_bytes_x'), undefined);
    assert.equal(specOfId('incoming'), undefined);
    assert.deepEqual(parseLabel('events shardId-000000000003', specOfId('shard_bytes')!), { stream: 'events', sub: 'shardId-000000000003' });
    assert.equal(parseLabel('events', specOfId('efo_bytes')!), undefined);
  });

  it('SEARCH terms are exact matches with " \\ ( ) escaped', () => {
    assert.equal(searchExpression('IncomingBytes', 'ShardId', 'a(b)"c\\'),
      `SEARCH('{AWS/Kinesis,ShardId,StreamName} MetricName="IncomingBytes" StreamName="a\\(b\\)\\"c\\\\"', 'Sum', 60)`);
  });
});
