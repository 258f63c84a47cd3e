// metrics pull's network edge against the loopback CloudWatch (test/metrics/fakeCloudWatch.ts), through the pinned AWS
// SDK with its `endpoint` option and fake static credentials: the wire protocol, paging, batching, throttling retried
// with backoff, AccessDenied and a missing stream per stream, and the snapshot's statistics.
import { strict as assert } from 'assert';
import { cloudWatchSource, type MetricDataSource } from '../../server/src/metrics/cloudWatch';
import { batches, classify, pullMetrics, type PullOptions, type PullStream } from '../../server/src/metrics/pull';
import { statsOf, throttleStatsOf } from '../../server/src/core/metrics/stats';
import { startFakeCloudWatch, type FakeCloudWatch } from './fakeCloudWatch';
import { FAKE_CREDENTIALS, NOW, pullData, STREAMS } from './pullData';

const sums = (points: Record<number, number>) => Object.keys(points).map(Number).sort((a, b) => a - b).map((t) => points[t]);

describe('metrics pull against a loopback CloudWatch', function () {
  this.timeout(30000);
  let fake: FakeCloudWatch;
  let source: MetricDataSource;
  let sleeps: number[];
  let lines: string[];
  beforeEach(async () => {
    fake = await startFakeCloudWatch(pullData(1), 1000);
    source = cloudWatchSource({ endpoint: fake.endpoint, credentials: FAKE_CREDENTIALS });
    sleeps = [];
    lines = [];
  });
  afterEach(async () => { source.dispose(); await fake.close(); });

  const pull = (extra: Partial<PullOptions> = {}) => pullMetrics({
    streams: STREAMS, days: 1, now: NOW, source, sleep: async (ms) => { sleeps.push(ms); }, random: () => 1,
    progress: (l) => lines.push(l), version: '0.1.0', ...extra,
  });

  it('speaks AWS JSON 1.0 (POST, X-Amz-Target, epoch seconds), signed for the stream\'s region', async () => {
    await pull();
    const first = fake.requests[0];
    assert.equal(first.target, 'GraniteServiceVersion20100801.GetMetricData');
    assert.equal(first.contentType, 'application/x-amz-json-1.0');
    assert.match(first.authorization ?? '', /^AWS4-HMAC-SHA256 Credential=AKIDLOOPBACKTEST\/\d{8}\/eu-west-1\/monitoring\/aws4_request/);
    assert.equal(first.body.StartTime, Date.parse('2026-12-01T09:30:00Z') / 1000);
    assert.equal(first.body.EndTime, Date.parse('2026-12-02T09:30:00Z') / 1000);
    assert.equal(first.body.ScanBy, 'TimestampAscending');
    assert.deepEqual(new Set(fake.requests.map((r) => r.region)), new Set(['eu-west-1', 'us-east-1']));
  });

  it('batches a region\'s streams in one request and pages through every NextToken', async () => {
    const result = await pull();
    // 1 day: every eu-west-1 stream fits one request (3 × 5 MetricStat × 1,440 points ≤ 100,800), us-east-1 another.
    const euQueries = fake.requests.filter((r) => r.region === 'eu-west-1' && r.body.NextToken === undefined);
    assert.equal(euQueries.length, 1);
    assert.deepEqual(euQueries[0].body.MetricDataQueries.map((q) => q.Id), [
      'incoming_bytes_0', 'incoming_records_0', 'get_records_bytes_0', 'write_throttled_0', 'read_throttled_0', 'efo_bytes_0', 'shard_bytes_0', 'shard_records_0',
      'incoming_bytes_1', 'incoming_records_1', 'get_records_bytes_1', 'write_throttled_1', 'read_throttled_1', 'efo_bytes_1',
      'incoming_bytes_2', 'incoming_records_2', 'get_records_bytes_2', 'write_throttled_2', 'read_throttled_2', 'efo_bytes_2',
    ]);
    assert.equal(euQueries[0].body.MetricDataQueries[5].Expression,
      `SEARCH('{AWS/Kinesis,ConsumerName,StreamName} MetricName="SubscribeToShardEvent.Bytes" StreamName="events"', 'Sum', 60)`);
    assert.equal(euQueries[0].body.MetricDataQueries[5].Label, "${PROP('Dim.StreamName')} ${PROP('Dim.ConsumerName')}");
    // events alone has 1,440 × 5 + 1,440 + 1 + 4 × 1,440 points: pages of 1,000 points.
    const euPoints = fake.responses.filter((r) => r.region === 'eu-west-1');
    assert.ok(euPoints.length > 10, `${euPoints.length} pages`);
    assert.equal(fake.requests.filter((r) => r.region === 'eu-west-1' && r.body.NextToken !== undefined).length, euPoints.length - 1);
    assert.equal(result.requests, fake.requests.length);
  });

  it('builds each stream\'s statistics from every page: per second over 1-minute sums, missing minutes as 0', async () => {
    const { snapshot } = await pull();
    assert.ok(snapshot);
    const data = pullData(1)['eu-west-1'].events;
    const events = snapshot.streams.find((s) => s.stream === 'events')!;
    assert.equal(events.region, 'eu-west-1');
    assert.equal(events.minutes, 1440);
    assert.deepEqual(events.incomingBytes, statsOf(sums(data.metrics.IncomingBytes), 1440, 60));
    // Hand-checked: the busiest minute is 7 × 60,000 bytes = 7,000 B/s; the mean of 1..7 cycles over 1,440 minutes.
    assert.equal(events.incomingBytes!.peak, 7000);
    assert.deepEqual(events.readThrottled, { peak: 2 / 60, p99: 0, mean: 2 / 60 / 1440, total: 2, minutes: 1 });
    assert.deepEqual(events.writeThrottled, throttleStatsOf(sums(data.metrics.WriteProvisionedThroughputExceeded), 1440, 60));
    assert.equal(events.writeThrottled!.total, 15 * 12);
    assert.deepEqual(Object.keys(events.efoConsumers!), ['analytics']);
    assert.deepEqual(Object.keys(events.shards!), ['shardId-000000000000', 'shardId-000000000001']);
    assert.equal(events.shards!['shardId-000000000000'].incomingBytes!.peak, 50_000 * 7 / 60);
    const clicks = snapshot.streams.find((s) => s.stream === 'clicks')!;
    assert.equal(clicks.minutes, 720);
    assert.deepEqual(clicks.incomingBytes, { peak: 100, p99: 100, mean: 50 });
    assert.deepEqual(clicks.getRecordsBytes, { peak: 0, p99: 0, mean: 0 }, 'a query that came back without points is an observed 0');
    assert.equal(clicks.shards, undefined, 'shard-level metrics were not asked for');
    assert.deepEqual(snapshot.range, { start: '2026-12-01T09:30:00.000Z', end: '2026-12-02T09:30:00.000Z', periodSeconds: 60 });
    assert.equal(snapshot.pulledAt, NOW.toISOString());
    assert.deepEqual(snapshot.source, { tool: 'kinesis-lint metrics pull', version: '0.1.0' });
  });

  it('records the named profile in the snapshot\'s source', async () => {
    const { snapshot } = await pull({ profile: 'ci' });
    assert.deepEqual(snapshot?.source, { tool: 'kinesis-lint metrics pull', version: '0.1.0', profile: 'ci' });
  });

  it('reports a stream without data points (no such stream, or no traffic) and keeps the others', async () => {
    const { snapshot, outcomes } = await pull();
    assert.ok(snapshot);
    assert.deepEqual(snapshot.streams.map((s) => [s.stream, s.region, s.minutes]), [
      ['clicks', 'eu-west-1', 720], ['events', 'eu-west-1', 1440], ['ghost', 'eu-west-1', 0], ['orders', 'us-east-1', 1440],
    ]);
    assert.deepEqual(snapshot.streams.find((s) => s.stream === 'ghost'), { stream: 'ghost', region: 'eu-west-1', minutes: 0 });
    assert.deepEqual(snapshot.errors, [{ stream: 'ghost', region: 'eu-west-1', message: 'no data points: no such stream in eu-west-1, or no traffic in 1 day' }]);
    assert.equal(outcomes.find((o) => o.stream.stream === 'ghost')?.outcome.kind, 'no-data');
    assert.deepEqual(lines, [
      '[1/4] events (eu-west-1): read, 1,440 minutes with data, 2 shard(s), 1 EFO consumer(s)',
      '[2/4] clicks (eu-west-1): read, 720 minutes with data',
      '[3/4] ghost (eu-west-1): no data points: no such stream in eu-west-1, or no traffic in 1 day',
      '[4/4] orders (us-east-1): read, 1,440 minutes with data',
    ]);
  });

  it('retries throttling with exponential backoff, then reads', async () => {
    fake.faults.push({ code: 'Throttling', message: 'Rate exceeded', times: 2 });
    const { snapshot } = await pull();
    assert.ok(snapshot);
    assert.deepEqual(sleeps, [1000, 2000]);
    assert.equal(lines[0], 'throttled by CloudWatch (Throttling) (eu-west-1); retrying in 1 s (attempt 2 of 6)');
    assert.equal(lines[1], 'throttled by CloudWatch (Throttling) (eu-west-1); retrying in 2 s (attempt 3 of 6)');
    assert.equal(snapshot.errors?.length, 1, 'only ghost');
  });

  it('gives up on a region still throttled after the last attempt: its streams fail, the other region is written', async () => {
    fake.faults.push({ code: 'Throttling', message: 'Rate exceeded', region: 'eu-west-1', times: Infinity });
    const { snapshot, outcomes } = await pull({ maxAttempts: 3 });
    assert.deepEqual(sleeps, [1000, 2000]);
    assert.ok(snapshot);
    assert.deepEqual(snapshot.streams.map((s) => s.stream), ['orders']);
    assert.deepEqual(snapshot.errors?.map((e) => [e.stream, e.message]), [
      ['clicks', 'throttled by CloudWatch (Throttling); gave up after 3 attempts'],
      ['events', 'throttled by CloudWatch (Throttling); gave up after 3 attempts'],
      ['ghost', 'throttled by CloudWatch (Throttling); gave up after 3 attempts'],
    ]);
    assert.equal(outcomes.filter((o) => o.outcome.kind === 'failed').length, 3);
  });

  it('AccessDenied names the one permission to grant, per stream', async () => {
    fake.faults.push({ code: 'AccessDenied', message: 'User: arn:aws:iam::123456789012:user/ci is not authorized to perform: cloudwatch:GetMetricData', region: 'us-east-1' });
    const { snapshot } = await pull();
    assert.ok(snapshot);
    assert.deepEqual(snapshot.errors?.find((e) => e.stream === 'orders'), {
      stream: 'orders', region: 'us-east-1',
      message: 'access denied in us-east-1: grant cloudwatch:GetMetricData (the only permission metrics pull needs; README, "Sizing from real traffic"): User: arn:aws:iam::123456789012:user/ci is not authorized to perform: cloudwatch:GetMetricData',
    });
    assert.equal(sleeps.length, 0, 'access denied is not retried');
  });

  it('writes nothing when every stream fails', async () => {
    fake.faults.push({ code: 'AccessDenied', message: 'denied', times: Infinity });
    const result = await pull();
    assert.equal(result.snapshot, undefined);
    assert.equal(result.fatal, undefined);
    assert.equal(result.outcomes.length, 4);
  });

  it('refused credentials stop the whole run', async () => {
    fake.faults.push({ code: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.', times: Infinity });
    const result = await pull();
    assert.equal(result.snapshot, undefined);
    assert.equal(result.fatal, 'AWS refused the credentials (InvalidClientTokenId): The security token included in the request is invalid.');
    assert.equal(fake.requests.length, 1, 'no other request after the first refusal');
  });

  it('14 days of one stream fill one page per request: one stream per request', async () => {
    fake.data = pullData(14);
    fake.pageSize = 100_800;
    const result = await pull({ days: 14 });
    assert.ok(result.snapshot);
    const firsts = fake.requests.filter((r) => r.body.NextToken === undefined);
    assert.deepEqual(firsts.map((r) => r.body.MetricDataQueries.map((q) => q.Id)[0]), ['incoming_bytes', 'incoming_bytes', 'incoming_bytes', 'incoming_bytes']);
    assert.equal(result.snapshot.streams.find((s) => s.stream === 'events')?.minutes, 14 * 1440);
  });
});

describe('metrics pull: batching and error classes', () => {
  it('packs streams of a region up to 500 queries, 100,800 points and 100 SEARCH expressions', () => {
    const many = (n: number, region = 'eu-west-1', shardMetrics: PullStream['shardMetrics'] = []): PullStream[] => Array.from({ length: n }, (_, i) => ({ stream: `s${i}`, region, shardMetrics }));
    assert.deepEqual(batches(many(30), 1440).map((b) => b.length), [14, 14, 2], '5 × 1,440 points a stream: 14 fit 100,800');
    assert.deepEqual(batches(many(150), 60).map((b) => b.length), [83, 67], '6 queries a stream: 83 fit 500');
    assert.deepEqual(batches(many(40, 'eu-west-1', ['IncomingBytes', 'IncomingRecords']), 60).map((b) => b.length), [33, 7], '3 SEARCH a stream: 33 fit 100');
    assert.deepEqual(batches([...many(2), ...many(2, 'us-east-1')], 60).map((b) => b.map((s) => s.region)), [['eu-west-1', 'eu-west-1'], ['us-east-1', 'us-east-1']]);
    assert.deepEqual(batches(many(2), 20160).map((b) => b.length), [1, 1]);
  });

  it('classifies SDK errors: credentials, throttling, denial, server errors', () => {
    assert.equal(classify(Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }), 'eu-west-1').kind, 'fatal');
    assert.equal(classify(Object.assign(new Error('Rate exceeded'), { name: 'Throttling', $metadata: { httpStatusCode: 400 } }), 'eu-west-1').kind, 'retry');
    assert.equal(classify(Object.assign(new Error('x'), { name: 'InternalServiceError', $metadata: { httpStatusCode: 500 } }), 'eu-west-1').kind, 'retry');
    assert.equal(classify(Object.assign(new Error('x'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } }), 'eu-west-1').kind, 'stream');
    assert.equal(classify(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), 'eu-west-1').message, 'GetMetricData failed in eu-west-1: Error: connect ECONNREFUSED 127.0.0.1:1');
  });
});
