// What metrics pull writes is what the analysis reads: the pulled snapshot and the AWS CLI's raw output of the same
// CloudWatch answers both pass the snapshot reader (core/metrics/readSnapshot.ts, the documented schema), and a stream
// without a declared load is sized from the observation.
import { strict as assert } from 'assert';
import { readSnapshot } from '../../server/src/core/metrics/readSnapshot';
import { analyze } from '../support/analyze';
import { startFakeCloudWatch, type FakeCloudWatch, type FakeResponse } from './fakeCloudWatch';
import { NOW, pullData, pulledSnapshot } from './pullData';

const TF = `provider "aws" {
  region = "eu-west-1"
}

resource "aws_kinesis_stream" "events" {
  name                = "events"
  shard_count         = 2
  shard_level_metrics = ["IncomingBytes", "IncomingRecords"]
}
`;

function awsCliText(pages: FakeResponse[]): string {
  const iso = (s: number) => new Date(s * 1000).toISOString().replace('.000Z', '+00:00');
  return JSON.stringify({
    MetricDataResults: pages.flatMap((p) => p.MetricDataResults.map((r) => ({ ...r, Timestamps: r.Timestamps.map(iso) }))),
    Messages: [],
  }, null, 4);
}

describe('metrics pull → analysis', function () {
  this.timeout(30000);
  let fake: FakeCloudWatch;
  beforeEach(async () => { fake = await startFakeCloudWatch(pullData(1), 5000); });
  afterEach(async () => fake.close());

  it('the pulled snapshot is valid for the reader, and the raw output of the same answers reads to the same streams', async () => {
    const pulled = await pulledSnapshot(fake);
    const text = `${JSON.stringify(pulled, null, 2)}\n`;
    const read = readSnapshot(text, { now: NOW });
    assert.deepEqual(read.problems, []);
    assert.deepEqual(read.snapshot, pulled);
    const raw = readSnapshot(awsCliText(fake.responses.filter((r) => r.region === 'eu-west-1').map((r) => r.body)), { now: NOW });
    assert.deepEqual(raw.problems, []);
    assert.equal(raw.raw, true);
    assert.deepEqual(raw.snapshot?.streams, pulled.streams.filter((s) => s.region === 'eu-west-1').map((s) => ({ ...s, region: null })));
  });

  it('an unannotated stream takes its load from the pulled snapshot, and from the raw output alike', async () => {
    const pulled = await pulledSnapshot(fake);
    const rawText = awsCliText(fake.responses.filter((r) => r.region === 'eu-west-1').map((r) => r.body));
    const viaPull = await analyze({ 'main.tf': TF, 'm.json': JSON.stringify(pulled) }, { metricsFile: '/ws/m.json', now: NOW });
    const viaRaw = await analyze({ 'main.tf': TF, 'raw.json': rawText }, { metricsFile: '/ws/raw.json', now: NOW });
    for (const r of [viaPull, viaRaw]) {
      const events = r.streams[0];
      assert.equal(events.loadSource, 'observed');
      assert.deepEqual(r.findings.filter((f) => f.ruleId === 'invalid-config'), []);
    }
    assert.equal(viaPull.streams[0].observed?.snapshot.tool, 'kinesis-lint metrics pull');
    assert.equal(viaRaw.streams[0].observed?.snapshot.tool, 'aws cloudwatch get-metric-data');
    assert.deepEqual(viaRaw.streams[0].observed?.metrics, { ...viaPull.streams[0].observed?.metrics, region: null });
    assert.deepEqual(viaRaw.streams[0].requiredShards, viaPull.streams[0].requiredShards);
  });
});
